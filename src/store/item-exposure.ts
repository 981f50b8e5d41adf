// Per-item aggregates of the open findings, kept in `items` by every writer that changes a finding's status, so
// that the report's most exposed items read 100,000 item rows instead of grouping a million findings.
import { distinctWeight, findingWeightSql } from '../score.ts';
import { CATEGORIES, SEVERITIES, type Category, type CommentVisibility, type Severity } from '../types.ts';

/** SQL ranking a severity column 0 (low) .. 3 (critical). */
export function severityRankSql(column: string): string {
  return `CASE ${column} ${SEVERITIES.map((s, rank) => `WHEN '${s}' THEN ${rank}`).join(' ')} END`;
}

/** SQL naming the severity of a rank given by severityRankSql. */
export function severityOfRankSql(rank: string): string {
  return `CASE ${rank} ${SEVERITIES.map((s, r) => `WHEN ${r} THEN '${s}'`).join(' ')} END`;
}

// Same weighting as the score: distinct values in the item, each at its strongest occurrence. Categories are
// comma-joined in no particular order (readers sort them). `weight` is the weight expression of the schema at hand
// (migration 2 predates findings.visibility).
const aggregate = (weight: string) => `
  SELECT COALESCE(SUM(n), 0), COALESCE(SUM(w), 0), ${severityOfRankSql('MAX(r)')},
    (SELECT group_concat(DISTINCT category) FROM findings WHERE item_id = items.id AND status = 'open')
  FROM (
    SELECT COUNT(*) AS n, MAX(${weight}) AS w,
      MAX(${severityRankSql('f.severity')}) AS r
    FROM findings f WHERE f.item_id = items.id AND f.status = 'open' GROUP BY f.fingerprint)`;
const AGGREGATE = aggregate(findingWeightSql('f.severity', 'f.confidence', 'f.visibility'));
const V2_AGGREGATE = aggregate(findingWeightSql('f.severity', 'f.confidence'));
const AGGREGATE_COLUMNS = '(open_findings, weighted, worst_severity, categories)';

// The item's open findings by category and severity (CATEGORIES × SEVERITIES order), then its suppressed ones,
// as a JSON array: scores of the latest run sum these over items instead of grouping a million findings.
const COUNT_CELLS = [
  ...CATEGORIES.flatMap((c) =>
    SEVERITIES.map((s) => `status = 'open' AND category = '${c}' AND severity = '${s}'`),
  ),
  "status = 'suppressed'",
];
const COUNTS = `
  SELECT json_array(${COUNT_CELLS.map((cell) => `COUNT(*) FILTER (WHERE ${cell})`).join(', ')})
  FROM findings WHERE item_id = items.id AND status <> 'resolved'`;

/** An UPDATE that recomputes the aggregates of the items matching `where` (SQL over `items`). */
export function refreshItemExposureSql(where: string): string {
  return `UPDATE items SET ${AGGREGATE_COLUMNS} = (${AGGREGATE}), finding_counts = (${COUNTS}) WHERE ${where}`;
}

export const SET_ITEM_EXPOSURE_SQL =
  'UPDATE items SET open_findings = ?, weighted = ?, worst_severity = ?, categories = ?, finding_counts = ? WHERE id = ?';

interface OpenFinding {
  fingerprint: string;
  category: Category;
  severity: Severity;
  confidence: number;
  visibility?: CommentVisibility | null;
}

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, rank) => [s, rank])) as Record<Severity, number>;
const CATEGORY_RANK = Object.fromEntries(CATEGORIES.map((c, rank) => [c, rank])) as Record<Category, number>;

/** The index of a finding's cell in `finding_counts`. */
export function countCell(category: Category, severity: Severity): number {
  return CATEGORY_RANK[category] * SEVERITIES.length + SEVERITY_RANK[severity];
}

/** Where `finding_counts` keeps the suppressed findings. */
export const SUPPRESSED_CELL = CATEGORIES.length * SEVERITIES.length;

/**
 * The aggregates of AGGREGATE and COUNTS from an item's findings in memory (a repeated identity is one row: the
 * last wins), given its open ones and how many are suppressed.
 */
export function itemExposureOf(
  open: readonly OpenFinding[],
  suppressed: number,
): [count: number, weighted: number, worst: Severity | null, categories: string | null, counts: string] {
  let worst = -1;
  const counts = new Array<number>(SUPPRESSED_CELL + 1).fill(0);
  const categories = new Set<Category>();
  for (const f of open) {
    worst = Math.max(worst, SEVERITY_RANK[f.severity]);
    counts[countCell(f.category, f.severity)]! += 1;
    categories.add(f.category);
  }
  counts[SUPPRESSED_CELL] = suppressed;
  return [
    open.length,
    distinctWeight(open),
    SEVERITIES[worst] ?? null,
    [...categories].join(',') || null,
    JSON.stringify(counts),
  ];
}

/** Migration 2: the aggregate columns, filled from the findings already stored. */
export const V2_ITEM_EXPOSURE = `
ALTER TABLE items ADD COLUMN open_findings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN weighted REAL NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN worst_severity TEXT;
ALTER TABLE items ADD COLUMN categories TEXT;
UPDATE items SET ${AGGREGATE_COLUMNS} = (${V2_AGGREGATE}) WHERE id IN (SELECT item_id FROM findings);
`;

/** Migration 3 (second half): the per-item counts, filled from the findings already stored. */
export const V3_ITEM_COUNTS = `
ALTER TABLE items ADD COLUMN finding_counts TEXT;
UPDATE items SET finding_counts = (${COUNTS}) WHERE id IN (SELECT item_id FROM findings);
`;
