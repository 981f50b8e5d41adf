import type Database from 'better-sqlite3';
import type { Item, Product } from '../types.ts';
import { AttachmentScanRepository, type AttachmentCoverage } from './attachment-scans.ts';
import type { CheckpointRepository } from './checkpoints.ts';
import type { ContainerRepository } from './containers.ts';
import type { ContainerRef, KnownItem, ScannedItem } from './model.ts';
import { ItemFindingsWriter } from './item-findings.ts';
import { refreshItemExposureSql } from './item-exposure.ts';
import { itemParams, UPSERT_ITEM_SQL } from './item-row.ts';
import type { RunRepository } from './runs.ts';
import { suppressionSnapshot } from './suppressions.ts';

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
  readonly #findings: ItemFindingsWriter;
  readonly #attachments: AttachmentScanRepository;
  readonly #touch: Database.Statement<[Record<string, unknown>]>;
  readonly #bumpScan: Database.Statement<[Record<string, unknown>], { id: number; scans: number }>;
  readonly #known: Database.Statement<[number, string, string], KnownRow>;
  readonly #unseen: Database.Statement<[number, number, number], { external_id: string }>;
  readonly #liveIds: Database.Statement<[number], { external_id: string }>;
  readonly #allLive: Database.Statement<[number], { external_id: string }>;

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
    this.#upsertItem = db.prepare(UPSERT_ITEM_SQL);
    this.#findings = new ItemFindingsWriter(db);
    this.#attachments = new AttachmentScanRepository(db);
    // Unchanged content: the item and its live findings were seen by this run, and its edit stamps (a status or
    // version change alone leaves the text as it was) are the current ones. A moved item is never unchanged.
    this.#touch = db.prepare(`
      UPDATE items SET last_scanned_run = @runId, scanned_at = @now, deleted = 0, updated = @updated,
        version = @version, status = @status, reporter = @reporter, assignee = @assignee, last_editor = @lastEditor
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
    this.#allLive = db.prepare('SELECT external_id FROM items WHERE container_id = ? AND deleted = 0');
    this.#unseen = db.prepare(`
      SELECT external_id FROM items
      WHERE container_id = ? AND deleted = 0 AND (last_scanned_run IS NULL OR last_scanned_run <> ?)
        AND NOT (? AND status IS 'archived')`);
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
        if (scanned.attachments) this.#attachments.record(siteId, item.product, runId, scanned.attachments);
        const containerId = this.#containers.idOf(siteId, { product: item.product, key: item.containerKey });
        if (findings === 'unchanged') {
          const stamps = {
            updated: item.updated ?? null,
            version: item.version ?? null,
            status: item.status ?? null,
            reporter: item.people?.reporter ?? null,
            assignee: item.people?.assignee ?? null,
            lastEditor: item.people?.lastEditor ?? null,
          };
          this.#touch.run({ siteId, product: item.product, id: item.id, runId, now, ...stamps });
          continue;
        }
        const partial = scope !== undefined && scope !== 'item' ? scope : undefined;
        const fields = partial?.fields;
        const row =
          partial && !partial.updateItem
            ? this.#bumpScan.get({ siteId, product: item.product, id: item.id })
            : this.#upsertItem.get(itemParams(siteId, containerId, scanned, findings, runId, now));
        if (!row) continue;
        this.#findings.write(row, containerId, runId, findings, suppressed, fields);
      }
      if (checkpoint) this.#checkpoints.set(siteId, checkpoint.container, checkpoint.value);
    })();
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

  /** Attachment versions whose content was read before, of these items (item id -> attachment id -> version). */
  scannedAttachments(runId: number, product: Product, itemIds: readonly string[]) {
    return this.#attachments.ofItems(this.#siteOf(runId), product, itemIds);
  }

  /** The site's attachment contents by outcome, as stored now (empty when no scan read contents). */
  attachmentCoverage(siteId: number): AttachmentCoverage {
    return this.#attachments.coverage(siteId);
  }

  /** Issues, pages and blog posts of a container that are stored and not deleted (for id sweeps). */
  liveIds(runId: number, container: ContainerRef): string[] {
    const containerId = this.#containers.idOf(this.#siteOf(runId), container);
    return this.#liveIds.all(containerId).map((r) => r.external_id);
  }

  /** Marks every live item of a container deleted (it vanished from the site), resolving their findings. */
  retire(runId: number, container: ContainerRef): number {
    const containerId = this.#containers.idOf(this.#siteOf(runId), container);
    const ids = this.#allLive.all(containerId).map((r) => r.external_id);
    return ids.length > 0 ? this.markDeleted(runId, container, ids) : 0;
  }

  /**
   * Items of a container that `runId` did not scan or confirm: after a complete listing, they are gone. With
   * `keepArchived`, items stored as archived are left out: a listing of current content did not look for them.
   */
  unseen(runId: number, container: ContainerRef, keepArchived = false): string[] {
    const containerId = this.#containers.idOf(this.#siteOf(runId), container);
    return this.#unseen.all(containerId, runId, keepArchived ? 1 : 0).map((r) => r.external_id);
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
