// Which attachment versions had their content read (or refused) by a run, per item: see migrations.ts.
import type Database from 'better-sqlite3';
import type { AttachmentOutcome, AttachmentScan, Product } from '../types.ts';

/** Attachment contents of a site by outcome, over what the store holds now (not one run's downloads). */
export type AttachmentCoverage = Partial<Record<AttachmentOutcome, number>>;

export class AttachmentScanRepository {
  readonly #upsert: Database.Statement<unknown[]>;
  readonly #remove: Database.Statement<unknown[]>;
  readonly #ofItems: Database.Statement<
    [number, string, string],
    { attachment_id: string; item_external_id: string; version: number }
  >;

  readonly #coverage: Database.Statement<[number], { outcome: AttachmentOutcome; n: number }>;

  constructor(db: Database.Database) {
    this.#upsert = db.prepare(`
      INSERT INTO attachment_scans (site_id, product, attachment_id, item_external_id, version, outcome, run_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (site_id, product, attachment_id) DO UPDATE SET item_external_id = excluded.item_external_id,
        version = excluded.version, outcome = excluded.outcome, run_id = excluded.run_id`);
    this.#coverage = db.prepare(
      'SELECT outcome, count(*) AS n FROM attachment_scans WHERE site_id = ? GROUP BY outcome ORDER BY outcome',
    );
    this.#remove = db.prepare(
      'DELETE FROM attachment_scans WHERE site_id = ? AND product = ? AND attachment_id = ?',
    );
    this.#ofItems = db.prepare(`
      SELECT attachment_id, item_external_id, version FROM attachment_scans
      WHERE site_id = ? AND product = ? AND item_external_id IN (SELECT value FROM json_each(?))`);
  }

  /** Written in the caller's transaction (the batch that recorded the contents' findings). */
  record(siteId: number, product: Product, runId: number, scans: readonly AttachmentScan[]): void {
    for (const s of scans) {
      if (s.version === undefined) this.#remove.run(siteId, product, s.id);
      else this.#upsert.run(siteId, product, s.id, s.itemId, s.version, s.outcome, runId);
    }
  }

  coverage(siteId: number): AttachmentCoverage {
    return Object.fromEntries(this.#coverage.all(siteId).map((r) => [r.outcome, r.n]));
  }

  /** The attachments read before, of these items: item id -> attachment id -> version. */
  ofItems(siteId: number, product: Product, itemIds: readonly string[]): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    for (const row of this.#ofItems.all(siteId, product, JSON.stringify(itemIds))) {
      const files = out.get(row.item_external_id) ?? new Map<string, number>();
      files.set(row.attachment_id, row.version);
      out.set(row.item_external_id, files);
    }
    return out;
  }
}
