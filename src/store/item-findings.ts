// One scanned item's findings, written in the caller's transaction: upserted, the vanished ones resolved, and
// the item's exposure aggregates (item-exposure.ts) brought up to date.
import type Database from 'better-sqlite3';
import { ATTACHMENT_FIELDS } from '../types.ts';
import { findingIdentity } from './identity.ts';
import { itemExposureOf, refreshItemExposureSql, SET_ITEM_EXPOSURE_SQL } from './item-exposure.ts';
import type { PlacedFinding } from './model.ts';
import type { SuppressionSnapshot } from './suppressions.ts';
import { valueKeySql } from './value-key.ts';

/** The columns #upsert binds, in the order findingParams gives them. */
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
  'visibility',
] as const;

/** The stored item a batch writes into: its row id and how many times it has been scanned, this scan included. */
export interface ItemRow {
  id: number;
  scans: number;
}

function findingParams(
  row: ItemRow,
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
    f.visibility ?? null,
  ];
}

export class ItemFindingsWriter {
  readonly #upsert: Database.Statement<[unknown[], { fingerprint: string }]>;
  readonly #resolveVanished: Database.Statement<[number, number, number]>;
  readonly #resolveVanishedFields: Database.Statement<[number, number, number, string]>;
  readonly #refreshItem: Database.Statement<[number]>;
  readonly #setItemExposure: Database.Statement<unknown[]>;

  constructor(db: Database.Database) {
    // A recurring finding keeps its row (and so its id, first-seen run and any suppression by id). Its status is
    // what the suppressions say now: the batch's snapshot (fingerprints, and rules in the container the item is in
    // now, so a rule suppression applies to an item moved into its container and no longer to one moved out) or a
    // suppression of the finding's id. Suppressed values never resurface; a removed suppression reopened its
    // findings when it was removed. Parameters are positional
    // (FINDING_COLUMNS order): binding 20 names costs about a tenth of each finding's write (bench/store.ts). The
    // value key reads the fingerprint once more, by name.
    this.#upsert = db.prepare(`
      INSERT INTO findings (${FINDING_COLUMNS.join(', ')}, value_key)
      VALUES (${FINDING_COLUMNS.map(() => '?').join(', ')}, ${valueKeySql('@fingerprint')})
      ON CONFLICT (item_id, identity) DO UPDATE SET
        container_id = excluded.container_id, category = excluded.category, severity = excluded.severity, confidence = excluded.confidence,
        start_offset = excluded.start_offset, end_offset = excluded.end_offset, preview = excluded.preview,
        explanation = excluded.explanation, url = excluded.url, visibility = excluded.visibility,
        last_seen_run = excluded.last_seen_run,
        item_scan = excluded.item_scan, resolved_run = NULL,
        status = CASE
          WHEN excluded.status = 'suppressed' OR EXISTS (SELECT 1 FROM suppressions WHERE finding_id = findings.id)
            THEN 'suppressed'
          ELSE 'open' END`);
    // Attachment contents are read apart from their item (only when a file changes): a whole-item record leaves
    // their findings to the content records (crawl/attachment-content.ts).
    this.#resolveVanished = db.prepare(`
      UPDATE findings SET status = 'resolved', resolved_run = ?
      WHERE item_id = ? AND item_scan < ? AND status <> 'resolved' AND field <> '${ATTACHMENT_FIELDS.content}'`);
    this.#resolveVanishedFields = db.prepare(`
      UPDATE findings SET status = 'resolved', resolved_run = ?
      WHERE item_id = ? AND item_scan < ? AND status <> 'resolved'
        AND EXISTS (SELECT 1 FROM json_each(?) j WHERE j.value ->> 0 = findings.field AND j.value ->> 1 = findings.field_id)`);
    this.#refreshItem = db.prepare(refreshItemExposureSql('id = ?'));
    this.#setItemExposure = db.prepare(SET_ITEM_EXPOSURE_SQL);
  }

  /**
   * Replaces the item's findings (or, with `fields`, only those fields' findings): missing ones are resolved,
   * recurring ones keep their first-seen run.
   */
  write(
    row: ItemRow,
    containerId: number,
    runId: number,
    findings: readonly PlacedFinding[],
    suppressed: SuppressionSnapshot,
    fields?: ReadonlyArray<{ field: string; fieldId?: string }>,
  ): void {
    // By identity: a repeated finding updates the same row, so it is counted once.
    const written = new Map<number, { finding: PlacedFinding; open: boolean }>();
    for (const f of findings) {
      const identity = findingIdentity(f.field, f.fieldId ?? '', f.ruleId, f.fingerprint);
      const status = suppressed.covers(f.fingerprint, f.ruleId, containerId) ? 'suppressed' : 'open';
      this.#upsert.run(findingParams(row, containerId, runId, identity, f, status), f);
      written.set(identity, { finding: f, open: status === 'open' });
    }
    // An item's first scan inserted every finding it has, with the status given here: nothing older can vanish,
    // and its aggregates need no read-back (which costs about a tenth of a first scan).
    if (row.scans === 1) {
      const open = [...written.values()].filter((w) => w.open).map((w) => w.finding);
      this.#setItemExposure.run(...itemExposureOf(open, written.size - open.length), row.id);
      return;
    }
    if (fields) {
      const list = JSON.stringify(fields.map((f) => [f.field, f.fieldId ?? '']));
      this.#resolveVanishedFields.run(runId, row.id, row.scans, list);
    } else {
      this.#resolveVanished.run(runId, row.id, row.scans);
    }
    // A re-scan keeps older rows' statuses: read them back.
    this.#refreshItem.run(row.id);
  }
}
