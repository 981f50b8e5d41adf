// The findings that changed between two runs: counted per container and listed in container then id order. One
// scan picks the changed findings' ids (a few columns, sorted as the lists are); only the listed ones are then
// read in full, by id. Three scans of a million findings cost about three times this (bench/store.ts). The
// findings drive the join (CROSS JOIN: led by the containers, SQLite scans every finding per container) in table
// order (NOT INDEXED: through the unique index, each row is a lookup).
import type Database from 'better-sqlite3';
import type { Category, Product, Severity } from '../types.ts';

export interface DiffFinding {
  id: number;
  ruleId: string;
  category: Category;
  severity: Severity;
  preview: string;
  product: Product;
  containerKey: string;
  itemKey: string | null;
  itemTitle: string;
  url: string;
}

export interface RunPair {
  from: number;
  to: number;
  siteId: number;
}

export interface ChangedFindings {
  /** Per container id; containers where nothing changed are absent. */
  counts: Map<number, { new: number; resolved: number }>;
  newFindings: DiffFinding[];
  resolvedFindings: DiffFinding[];
}

// Open at run R = first seen by R, not resolved by R, not suppressed (suppressions apply to both runs alike). A
// finding open at one run only was first seen or resolved after the earlier run: that cheap test on two integers
// comes first and skips most rows (a third of the scan's cost).
const OPEN_AT_FROM = '(f.first_seen_run <= @from AND (f.resolved_run IS NULL OR f.resolved_run > @from))';
const OPEN_AT_TO = '(f.first_seen_run <= @to AND (f.resolved_run IS NULL OR f.resolved_run > @to))';
const CHANGED_SQL = `
  SELECT f.id, f.container_id, ${OPEN_AT_TO} AS atTo
  FROM findings f NOT INDEXED CROSS JOIN containers c ON c.id = f.container_id
  WHERE (f.first_seen_run > MIN(@from, @to) OR f.resolved_run > MIN(@from, @to))
    AND c.site_id = @siteId AND f.status <> 'suppressed' AND ${OPEN_AT_FROM} <> ${OPEN_AT_TO}
  ORDER BY c.product, c.key, f.id`;
const DETAILS_SQL = `
  SELECT f.id, f.rule_id, f.category, f.severity, f.preview, c.product, c.key, i.key, i.title, f.url
  FROM json_each(?) j CROSS JOIN findings f ON f.id = j.value
    JOIN items i ON i.id = f.item_id JOIN containers c ON c.id = f.container_id
  ORDER BY j.key`;

type DetailRow = [
  id: number,
  ruleId: string,
  category: Category,
  severity: Severity,
  preview: string,
  product: Product,
  containerKey: string,
  itemKey: string | null,
  itemTitle: string,
  url: string,
];

/** Rows are read as arrays and made objects here: better-sqlite3's own objects cost about four times as much. */
function toDiffFinding(row: DetailRow): DiffFinding {
  const [id, ruleId, category, severity, preview, product, containerKey, itemKey, itemTitle, url] = row;
  return { id, ruleId, category, severity, preview, product, containerKey, itemKey, itemTitle, url };
}

/** `limit` caps each list (default: all); the counts always cover every changed finding. */
export function changedFindings(db: Database.Database, runs: RunPair, limit?: number): ChangedFindings {
  const rows = db.prepare(CHANGED_SQL).raw().all(runs) as Array<
    [id: number, container: number, atTo: number]
  >;
  const counts = new Map<number, { new: number; resolved: number }>();
  const ids = { new: [] as number[], resolved: [] as number[] };
  for (const [id, container, atTo] of rows) {
    let entry = counts.get(container);
    if (!entry) counts.set(container, (entry = { new: 0, resolved: 0 }));
    const bucket = atTo ? 'new' : 'resolved';
    entry[bucket]++;
    if (limit === undefined || ids[bucket].length < limit) ids[bucket].push(id);
  }
  const details = db.prepare(DETAILS_SQL).raw();
  const read = (list: number[]) =>
    list.length ? (details.all(JSON.stringify(list)) as DetailRow[]).map(toDiffFinding) : [];
  return { counts, newFindings: read(ids.new), resolvedFindings: read(ids.resolved) };
}
