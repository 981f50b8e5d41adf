// How many findings each container holds at a run, by category and severity, suppressed apart, and how many of
// its items hold an open one: the counting half of a score (scores.ts adds the weights of distinct values).
import type Database from 'better-sqlite3';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../types.ts';
import { countCell, SUPPRESSED_CELL } from './item-exposure.ts';
import type { CategorySeverityCounts } from './model.ts';

export interface ContainerCounts {
  counts: CategorySeverityCounts;
  openFindings: number;
  suppressed: number;
  itemsWithFindings: number;
  /** Items holding an open finding of each category (an item with a secret and PII counts in both). */
  itemsByCategory: Record<Category, number>;
}

export interface CountScope {
  runId: number;
  siteId: number;
  /** Only items created or updated at or after this ISO instant; null for all. */
  since: string | null;
}

export function emptyCounts(): CategorySeverityCounts {
  const counts = {} as CategorySeverityCounts;
  for (const c of CATEGORIES)
    counts[c] = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  return counts;
}

export const emptyByCategory = (): Record<Category, number> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

export function newContainerCounts(): ContainerCounts {
  return {
    counts: emptyCounts(),
    openFindings: 0,
    suppressed: 0,
    itemsWithFindings: 0,
    itemsByCategory: emptyByCategory(),
  };
}

// A finding was live at run R when first seen at or before R and not resolved by R. Status says whether it is
// suppressed (suppressions are not versioned, so a past run is scored with today's suppressions).
export const LIVE_AT_RUN =
  'f.first_seen_run <= @runId AND (f.resolved_run IS NULL OR f.resolved_run > @runId)';
export const RECENT_ITEM = '(i.updated >= @since OR i.created >= @since)';

/**
 * The live findings of the run's site, as a FROM ... WHERE over `f`. The items join is only paid for when `since`
 * needs the items' dates; then the recent items drive it (CROSS JOIN keeps that order), reaching their findings
 * through the (item_id, identity) index instead of visiting every finding.
 */
export function liveFindings(since: boolean): string {
  const from = since ? 'FROM items i CROSS JOIN findings f ON f.item_id = i.id' : 'FROM findings f';
  return `${from} WHERE ${LIVE_AT_RUN}
    AND f.container_id IN (SELECT id FROM containers WHERE site_id = @siteId)${since ? ` AND ${RECENT_ITEM}` : ''}`;
}

/**
 * True when no later run of the site exists: then a finding is live exactly when its status is not 'resolved',
 * which is what the per-item aggregates (item-exposure.ts) count.
 */
export function isLatestRun(db: Database.Database, scope: CountScope): boolean {
  return !db.prepare('SELECT 1 FROM runs WHERE site_id = ? AND id > ?').get(scope.siteId, scope.runId);
}

/** Per container id; containers without findings are absent. */
export function countFindings(db: Database.Database, scope: CountScope): Map<number, ContainerCounts> {
  return isLatestRun(db, scope) ? fromItems(db, scope) : fromFindings(db, scope);
}

const ZERO_COUNTS = JSON.stringify(new Array<number>(SUPPRESSED_CELL + 1).fill(0));
const CELLS = CATEGORIES.flatMap((category) =>
  SEVERITIES.map((severity) => ({ category, severity, cell: countCell(category, severity) })),
);

/**
 * The latest run: sums the items' stored counts (100,000 item rows instead of a million findings), read in table
 * order (NOT INDEXED: through the site index, each row is a lookup) as arrays (a quarter of the cost of objects).
 */
function fromItems(db: Database.Database, scope: CountScope): Map<number, ContainerCounts> {
  const rows = db
    .prepare(
      `SELECT i.container_id, i.finding_counts, i.open_findings > 0 FROM items i NOT INDEXED
       WHERE i.site_id = @siteId AND i.finding_counts <> @zero AND (@since IS NULL OR ${RECENT_ITEM})`,
    )
    .raw()
    .all({ ...scope, zero: ZERO_COUNTS }) as Array<[id: number, counts: string, withFindings: number]>;
  const result = new Map<number, ContainerCounts>();
  for (const [id, counts, withFindings] of rows) {
    let entry = result.get(id);
    if (!entry) result.set(id, (entry = newContainerCounts()));
    const cells = JSON.parse(counts) as number[];
    const held = new Set<Category>();
    for (const { category, severity, cell } of CELLS) {
      const n = cells[cell] ?? 0;
      entry.counts[category][severity] += n;
      entry.openFindings += n;
      if (n > 0) held.add(category);
    }
    for (const category of held) entry.itemsByCategory[category]++;
    entry.suppressed += cells[SUPPRESSED_CELL] ?? 0;
    entry.itemsWithFindings += withFindings;
  }
  return result;
}

/** Any run: groups the findings live at that run. */
function fromFindings(db: Database.Database, scope: CountScope): Map<number, ContainerCounts> {
  const result = new Map<number, ContainerCounts>();
  const entry = (id: number): ContainerCounts => {
    let e = result.get(id);
    if (!e) result.set(id, (e = newContainerCounts()));
    return e;
  };
  const grouped = db.prepare(`
    SELECT f.container_id AS id, f.category, f.severity, f.status = 'suppressed' AS suppressed, COUNT(*) AS n
    ${liveFindings(scope.since !== null)} GROUP BY 1, 2, 3, 4`);
  for (const r of grouped.all(scope) as Array<{
    id: number;
    category: Category;
    severity: Severity;
    suppressed: number;
    n: number;
  }>) {
    const e = entry(r.id);
    if (r.suppressed) e.suppressed += r.n;
    else {
      e.openFindings += r.n;
      e.counts[r.category][r.severity] += r.n;
    }
  }
  // Items with a live open finding, counted over the items (stopping at each item's first such finding): a
  // third of the CPU of COUNT(DISTINCT item_id) over the findings.
  const withFindings = db.prepare(`
    SELECT i.container_id AS id, COUNT(*) AS n FROM items i
    WHERE i.site_id = @siteId AND (@since IS NULL OR ${RECENT_ITEM})
      AND EXISTS (SELECT 1 FROM findings f WHERE f.item_id = i.id AND ${LIVE_AT_RUN} AND f.status <> 'suppressed')
    GROUP BY 1`);
  for (const r of withFindings.all(scope) as Array<{ id: number; n: number }>)
    entry(r.id).itemsWithFindings = r.n;
  const byCategory = db.prepare(`
    SELECT f.container_id AS id, f.category, COUNT(DISTINCT f.item_id) AS n
    ${liveFindings(scope.since !== null)} AND f.status <> 'suppressed' GROUP BY 1, 2`);
  for (const r of byCategory.all(scope) as Array<{ id: number; category: Category; n: number }>)
    entry(r.id).itemsByCategory[r.category] = r.n;
  return result;
}
