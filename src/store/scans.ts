import type Database from 'better-sqlite3';
import type { Item, Product } from '../types.ts';
import type { CheckpointRepository } from './checkpoints.ts';
import type { ContainerRepository } from './containers.ts';
import type { ContainerRef, KnownItem, PlacedFinding, ScannedItem } from './model.ts';
import { findingIdentity } from './identity.ts';
import { itemExposureOf, refreshItemExposureSql, SET_ITEM_EXPOSURE_SQL } from './item-exposure.ts';
import type { RunRepository } from './runs.ts';
import { suppressionSnapshot } from './suppressions.ts';

/** The columns #upsertFinding binds, in the order findingParams gives them. */
const FINDING_COLUMNS = [
  'item_id',
  'container_id',
  'identity',
  'status',
  'first_seen_run',
  'last_seen_run',
  'item_scan',
  'field',
  'field_id',
  'rule_id',
  'category',
  'severity',
  'confidence',
  'start_offset',
  'end_offset',
  'preview',
  'fingerprint',
  'explanation',
  'url',
] as const;

function findingParams(
  row: { id: number; scans: number },
  containerId: number,
  runId: number,
  identity: number,
  f: PlacedFinding,
  status: 'open' | 'suppressed',
): unknown[] {
  return [
    row.id,
    containerId,
    identity,
    status,
    runId,
    runId,
    row.scans,
    f.field,
    f.fieldId ?? '',
    f.ruleId,
    f.category,
    f.severity,
    f.confidence,
    f.start,
    f.end,
    f.preview,
    f.fingerprint,
    f.explanation,
    f.url,
  ];
}

const WITHHELD_TITLE = '[title withheld: it holds a finding]';

/**
 * Titles are document text: a token pasted into an issue summary must not reach the database. Each title finding's
 * span is replaced by its masked preview; when spans do not fit the title, the whole title is withheld.
 */
export function maskTitle(title: string, findings: readonly PlacedFinding[]): string {
  const spans = findings.filter((f) => f.field === 'title').sort((a, b) => b.start - a.start);
  let masked = title;
  let previousStart = title.length;
  for (const f of spans) {
    if (f.start < 0 || f.start >= f.end || f.end > previousStart) return WITHHELD_TITLE;
    masked = masked.slice(0, f.start) + f.preview + masked.slice(f.end);
    previousStart = f.start;
  }
  return masked;
}

interface KnownRow {
  external_id: string;
  kind: string;
  key: string | null;
  title: string;
  url: string;
  created: string | null;
  updated: string | null;
  version: number | null;
  status: string | null;
  content_hash: string;
  last_scanned_run: number | null;
  container_key: string;
}

export interface BatchCheckpoint {
  container: ContainerRef;
  value: unknown;
}

/** The crawler's write side: items and their findings, one transaction per batch. */
export class ScanWriter {
  readonly #db: Database.Database;
  readonly #containers: ContainerRepository;
  readonly #runs: RunRepository;
  readonly #checkpoints: CheckpointRepository;
  readonly #siteOfRun = new Map<number, number>();
  readonly #upsertItem: Database.Statement<[Record<string, unknown>], { id: number; scans: number }>;
  readonly #upsertFinding: Database.Statement<unknown[]>;
  readonly #resolveVanished: Database.Statement<[number, number, number]>;
  readonly #resolveVanishedFields: Database.Statement<[number, number, number, string]>;
  readonly #refreshItem: Database.Statement<[number]>;
  readonly #setItemExposure: Database.Statement<unknown[]>;
  readonly #touch: Database.Statement<[Record<string, unknown>]>;
  readonly #bumpScan: Database.Statement<[Record<string, unknown>], { id: number; scans: number }>;
  readonly #known: Database.Statement<[number, string, string], KnownRow>;
  readonly #unseen: Database.Statement<[number, number], { external_id: string }>;
  readonly #liveIds: Database.Statement<[number], { external_id: string }>;

  constructor(
    db: Database.Database,
    containers: ContainerRepository,
    runs: RunRepository,
    checkpoints: CheckpointRepository,
  ) {
    this.#db = db;
    this.#containers = containers;
    this.#runs = runs;
    this.#checkpoints = checkpoints;
    this.#upsertItem = db.prepare(`
      INSERT INTO items (site_id, container_id, product, external_id, kind, key, title, url, created, updated, version,
        status, content_hash, scans, last_scanned_run, scanned_at, deleted)
      VALUES (@siteId, @containerId, @product, @id, @kind, @key, @title, @url, @created, @updated, @version,
        @status, @contentHash, 1, @runId, @now, 0)
      ON CONFLICT (site_id, product, external_id) DO UPDATE SET
        container_id = excluded.container_id, kind = excluded.kind, key = excluded.key, title = excluded.title,
        url = excluded.url, created = excluded.created, updated = excluded.updated, version = excluded.version,
        status = excluded.status, content_hash = excluded.content_hash, scans = items.scans + 1,
        last_scanned_run = excluded.last_scanned_run, scanned_at = excluded.scanned_at, deleted = 0
      RETURNING id, scans`);
    // A recurring finding keeps its row (and so its id, first-seen run and any suppression by id). The status of a
    // new row comes from the batch's suppression snapshot (see #suppressed); a resolved row that comes back is also
    // checked against suppressions by finding id, so suppressed values never resurface. Parameters are positional
    // (FINDING_COLUMNS order): binding 19 names costs about a tenth of each finding's write (bench/store.ts).
    this.#upsertFinding = db.prepare(`
      INSERT INTO findings (${FINDING_COLUMNS.join(', ')})
      VALUES (${FINDING_COLUMNS.map(() => '?').join(', ')})
      ON CONFLICT (item_id, identity) DO UPDATE SET
        container_id = excluded.container_id, category = excluded.category, severity = excluded.severity, confidence = excluded.confidence,
        start_offset = excluded.start_offset, end_offset = excluded.end_offset, preview = excluded.preview,
        explanation = excluded.explanation, url = excluded.url, last_seen_run = excluded.last_seen_run,
        item_scan = excluded.item_scan, resolved_run = NULL,
        status = CASE
          WHEN findings.status <> 'resolved' THEN findings.status
          WHEN excluded.status = 'suppressed' OR EXISTS (SELECT 1 FROM suppressions WHERE finding_id = findings.id)
            THEN 'suppressed'
          ELSE 'open' END`);
    this.#resolveVanished = db.prepare(`
      UPDATE findings SET status = 'resolved', resolved_run = ?
      WHERE item_id = ? AND item_scan < ? AND status <> 'resolved'`);
    this.#resolveVanishedFields = db.prepare(`
      UPDATE findings SET status = 'resolved', resolved_run = ?
      WHERE item_id = ? AND item_scan < ? AND status <> 'resolved'
        AND EXISTS (SELECT 1 FROM json_each(?) j WHERE j.value ->> 0 = findings.field AND j.value ->> 1 = findings.field_id)`);
    this.#refreshItem = db.prepare(refreshItemExposureSql('id = ?'));
    this.#setItemExposure = db.prepare(SET_ITEM_EXPOSURE_SQL);
    // Unchanged content: the item and its live findings were seen by this run; nothing else moves.
    this.#touch = db.prepare(`
      UPDATE items SET last_scanned_run = @runId, scanned_at = @now, deleted = 0
      WHERE site_id = @siteId AND product = @product AND external_id = @id`);
    this.#bumpScan = db.prepare(`
      UPDATE items SET scans = scans + 1 WHERE site_id = @siteId AND product = @product AND external_id = @id
      RETURNING id, scans`);
    this.#known = db.prepare(`
      SELECT i.external_id, i.kind, i.key, i.title, i.url, i.created, i.updated, i.version, i.status, i.content_hash,
        i.last_scanned_run, c.key AS container_key
      FROM items i JOIN containers c ON c.id = i.container_id
      WHERE i.site_id = ? AND i.product = ? AND i.deleted = 0 AND i.external_id IN (SELECT value FROM json_each(?))`);
    this.#liveIds = db.prepare(`
      SELECT external_id FROM items WHERE container_id = ? AND deleted = 0 AND kind IN ('issue', 'page', 'blogpost')`);
    this.#unseen = db.prepare(`
      SELECT external_id FROM items
      WHERE container_id = ? AND deleted = 0 AND (last_scanned_run IS NULL OR last_scanned_run <> ?)`);
  }

  /**
   * Records a batch of scanned items and their findings atomically, plus the checkpoint that describes the batch.
   * Re-scanning an item replaces its findings: missing ones are resolved, recurring ones keep their first-seen run.
   * An `unchanged` item only has its findings marked seen; a `fields`-scoped one replaces only those fields.
   */
  record(runId: number, batch: readonly ScannedItem[], checkpoint?: BatchCheckpoint): void {
    const siteId = this.#siteOf(runId);
    const now = new Date().toISOString();
    this.#db.transaction(() => {
      const suppressed = suppressionSnapshot(this.#db);
      for (const scanned of batch) {
        const { item, findings, scope } = scanned;
        const containerId = this.#containers.idOf(siteId, { product: item.product, key: item.containerKey });
        if (findings === 'unchanged') {
          this.#touch.run({ siteId, product: item.product, id: item.id, runId, now });
          continue;
        }
        const partial = scope !== undefined && scope !== 'item' ? scope : undefined;
        const fields = partial?.fields;
        const row =
          partial && !partial.updateItem
            ? this.#bumpScan.get({ siteId, product: item.product, id: item.id })
            : this.#upsertItem.get(this.#itemParams(siteId, containerId, scanned, findings, runId, now));
        if (!row) continue;
        const open = new Map<number, PlacedFinding>(); // by identity: a repeated one updates the same row
        for (const f of findings) {
          const identity = findingIdentity(f.field, f.fieldId ?? '', f.ruleId, f.fingerprint);
          const status = suppressed.covers(f.fingerprint, f.ruleId, containerId) ? 'suppressed' : 'open';
          this.#upsertFinding.run(findingParams(row, containerId, runId, identity, f, status));
          if (status === 'open') open.set(identity, f);
        }
        if (fields) {
          const list = JSON.stringify(fields.map((f) => [f.field, f.fieldId ?? '']));
          this.#resolveVanishedFields.run(runId, row.id, row.scans, list);
        } else {
          this.#resolveVanished.run(runId, row.id, row.scans);
        }
        // An item's first scan inserted every finding it has, with the status given here: its aggregates need no
        // read-back (which costs about a tenth of a first scan). A re-scan keeps older rows' statuses: read them.
        if (row.scans === 1) this.#setItemExposure.run(...itemExposureOf(open.values()), row.id);
        else this.#refreshItem.run(row.id);
      }
      if (checkpoint) this.#checkpoints.set(siteId, checkpoint.container, checkpoint.value);
    })();
  }

  #itemParams(
    siteId: number,
    containerId: number,
    { item, contentHash }: ScannedItem,
    findings: readonly PlacedFinding[],
    runId: number,
    now: string,
  ): Record<string, unknown> {
    return {
      siteId,
      containerId,
      product: item.product,
      id: item.id,
      kind: item.kind,
      key: item.key ?? null,
      title: maskTitle(item.title, findings),
      url: item.url,
      created: item.created ?? null,
      updated: item.updated ?? null,
      version: item.version ?? null,
      status: item.status ?? null,
      contentHash,
      runId,
      now,
    };
  }

  /** What the store knows of these items, so the crawler can skip the unchanged ones and place comments. */
  known(siteId: number, product: Product, ids: readonly string[]): Map<string, KnownItem> {
    const rows = this.#known.all(siteId, product, JSON.stringify(ids));
    return new Map(
      rows.map((r) => [
        r.external_id,
        {
          item: {
            product,
            containerKey: r.container_key,
            kind: r.kind as Item['kind'],
            id: r.external_id,
            key: r.key ?? undefined,
            title: r.title,
            url: r.url,
            created: r.created ?? undefined,
            updated: r.updated ?? undefined,
            version: r.version ?? undefined,
            status: r.status ?? undefined,
          },
          contentHash: r.content_hash,
          runId: r.last_scanned_run ?? 0,
        },
      ]),
    );
  }

  /** Issues, pages and blog posts of a container that are stored and not deleted (for id sweeps). */
  liveIds(runId: number, container: ContainerRef): string[] {
    const containerId = this.#containers.idOf(this.#siteOf(runId), container);
    return this.#liveIds.all(containerId).map((r) => r.external_id);
  }

  /** Items of a container that `runId` did not scan or confirm: after a complete listing, they are gone. */
  unseen(runId: number, container: ContainerRef): string[] {
    const containerId = this.#containers.idOf(this.#siteOf(runId), container);
    return this.#unseen.all(containerId, runId).map((r) => r.external_id);
  }

  /** Items gone from the site: flagged deleted and their findings resolved in this run. Returns items changed. */
  markDeleted(runId: number, container: ContainerRef, ids: readonly string[]): number {
    const containerId = this.#containers.idOf(this.#siteOf(runId), container);
    const idsJson = JSON.stringify(ids);
    return this.#db.transaction(() => {
      const scope = 'container_id = ? AND external_id IN (SELECT value FROM json_each(?))';
      this.#db
        .prepare(
          `UPDATE findings SET status = 'resolved', resolved_run = ?
           WHERE status <> 'resolved' AND item_id IN (SELECT id FROM items WHERE ${scope})`,
        )
        .run(runId, containerId, idsJson);
      this.#db.prepare(refreshItemExposureSql(scope)).run(containerId, idsJson);
      return this.#db
        .prepare(`UPDATE items SET deleted = 1 WHERE deleted = 0 AND ${scope}`)
        .run(containerId, idsJson).changes;
    })();
  }

  #siteOf(runId: number): number {
    let siteId = this.#siteOfRun.get(runId);
    if (siteId === undefined) {
      siteId = this.#runs.get(runId).siteId;
      this.#siteOfRun.set(runId, siteId);
    }
    return siteId;
  }
}
