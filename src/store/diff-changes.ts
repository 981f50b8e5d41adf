// The findings that changed between two runs: counted per container and listed in container then id order. One
// scan picks the changed findings' ids (a few columns, sorted as the lists are); only the listed ones are then
// read in full, by id. Three scans of a million findings cost about three times this (bench/store.ts). The
// findings drive the join (CROSS JOIN: led by the containers, SQLite scans every finding per container) in table
// order (NOT INDEXED: through the unique index, each row is a lookup).
import type Database from 'better-sqlite3';
import { CATEGORIES, SEVERITIES, type Category, type Product, type Severity } from '../types.ts';

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
// The listed findings by id, category and severity as ranks, their containers and items by id: a string made per
// row and column was most of the cost of listing 100,000 findings; here each container's and item's are made once.
const DETAILS_SQL = `
  SELECT f.id, f.rule_id, ${rankSql('f.category', CATEGORIES)}, ${rankSql('f.severity', SEVERITIES)}, f.preview,
    f.container_id, f.item_id, f.url
  FROM json_each(?) j CROSS JOIN findings f ON f.id = j.value ORDER BY j.key`;
const ITEMS_SQL = 'SELECT i.id, i.key, i.title FROM json_each(?) j CROSS JOIN items i ON i.id = j.value';
const CONTAINERS_SQL = 'SELECT id, product, key FROM containers WHERE site_id = ?';

/** SQL ranking `column` by its position in `values`. */
function rankSql(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((v, rank) => `WHEN '${v}' THEN ${rank}`).join(' ')} END`;
}

type DetailRow = [
  id: number,
  ruleId: string,
  category: number,
  severity: number,
  preview: string,
  container: number,
  item: number,
  url: string,
];

/** The findings of `ids`, in that order. Rows are read as arrays: better-sqlite3's objects cost four times more. */
function readFindings(db: Database.Database, siteId: number, ids: number[]): DiffFinding[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(DETAILS_SQL).raw().all(JSON.stringify(ids)) as DetailRow[];
  const containers = new Map(
    (db.prepare(CONTAINERS_SQL).raw().all(siteId) as Array<[number, Product, string]>).map(
      ([id, product, key]) => [id, { product, key }],
    ),
  );
  const itemIds = JSON.stringify([...new Set(rows.map((r) => r[6]))]);
  const items = new Map(
    (db.prepare(ITEMS_SQL).raw().all(itemIds) as Array<[number, string | null, string]>).map(
      ([id, key, title]) => [id, { key, title }],
    ),
  );
  // Every listed finding's container is of the site (CHANGED_SQL) and its item exists (foreign key).
  return rows.map(([id, ruleId, category, severity, preview, container, item, url]) => {
    const { product, key: containerKey } = containers.get(container)!;
    const { key: itemKey, title: itemTitle } = items.get(item)!;
    const [cat, sev] = [CATEGORIES[category]!, SEVERITIES[severity]!];
    return {
      id,
      ruleId,
      category: cat,
      severity: sev,
      preview,
      product,
      containerKey,
      itemKey,
      itemTitle,
      url,
    };
  });
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
  return {
    counts,
    newFindings: readFindings(db, runs.siteId, ids.new),
    resolvedFindings: readFindings(db, runs.siteId, ids.resolved),
  };
}
