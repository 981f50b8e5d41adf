// The crawler's CrawlSink on top of the SQLite store, for one run. Structural types make most calls pass-through.
import type { PlaceRead } from '../crawl/baselines.ts';
import type { Checkpoint, CrawlSink } from '../crawl/ports.ts';
import { SITE_KEY } from '../crawl/jira-crawl.ts';
import { openFields } from '../store/open-fields.ts';
import type { Store } from '../store/store.ts';

export function createStoreSink(store: Store, runId: number, siteId: number): CrawlSink {
  return {
    upsertContainers: (containers) => store.containers.upsert(siteId, containers),
    known: (product, ids) => store.scans.known(siteId, product, ids),
    record(batch, checkpoint) {
      const container = checkpoint && { product: checkpoint.product, key: checkpoint.containerKey };
      store.scans.record(runId, batch, checkpoint && container && { container, value: checkpoint.value });
    },
    checkpoint: (product, key) => store.checkpoints.get<Checkpoint>(siteId, { product, key }),
    coverage(product, key, coverage) {
      // The site-wide listings have no container row: their gaps are the run's.
      if (key === SITE_KEY) store.runs.recordSiteGaps(runId, product, coverage.skipped);
      else store.runs.recordCoverage(runId, { product, key }, coverage);
    },
    placeVisibility: (product) => store.containers.visibility(siteId, product),
    recordVisibility: (product, places) => store.containers.recordVisibility(siteId, product, places),
    fieldNames: (product, fields) => store.fieldNames.record(siteId, product, fields),
    leftOut: (product, key) =>
      store.runs.recordCoverage(
        runId,
        { product, key },
        { listed: 0, scanned: 0, bytes: 0, skipped: {} },
        true,
      ),
    storedContainers: (product) =>
      store.containers.holdingItems(siteId, product).map((c) => ({
        product: c.product,
        id: c.externalId,
        key: c.key,
        name: c.name,
        url: c.url,
        type: c.type ?? undefined,
        status: c.status ?? undefined,
      })),
    retire: (product, key) => store.scans.retire(runId, { product, key }),
    liveIds: (product, key) => store.scans.liveIds(runId, { product, key }),
    scannedAttachments: (product, ids) => store.scans.scannedAttachments(runId, product, ids),
    openFields: (product, fields) => openFields(store.db, siteId, product, fields),
    remove: (product, key, ids) =>
      ids.length > 0 ? store.scans.markDeleted(runId, { product, key }, ids) : 0,
    baseline: (product, key) => store.baselines.get(siteId, { product, key }),
    recordBaseline: (product, key, change) => store.baselines.record(siteId, runId, { product, key }, change),
    // What the crawler recorded: its own reasons come back.
    readPlan: (product, key) =>
      store.baselines.readOf(runId, siteId, { product, key }) as PlaceRead | undefined,
    recordReadPlan: (product, key, plan) => store.baselines.recordRead(runId, siteId, { product, key }, plan),
    reconcile(product, key, options) {
      const gone = store.scans.unseen(runId, { product, key }, options?.keepArchived ?? false);
      return gone.length > 0 ? store.scans.markDeleted(runId, { product, key }, gone) : 0;
    },
  };
}
