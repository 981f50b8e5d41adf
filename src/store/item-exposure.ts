// Per-item aggregates of the open findings, kept in `items` by every writer that changes a finding's status, so
// that the report's most exposed items read 100,000 item rows instead of grouping a million findings.
import { distinctWeight, findingWeightSql } from '../score.ts';
import { SEVERITIES, type Category, type Severity } from '../types.ts';

/** SQL ranking a severity column 0 (low) .. 3 (critical). */
export function severityRankSql(column: string): string {
  return `CASE ${column} ${SEVERITIES.map((s, rank) => `WHEN '${s}' THEN ${rank}`).join(' ')} END`;
}

/** SQL naming the severity of a rank given by severityRankSql. */
export function severityOfRankSql(rank: string): string {
  return `CASE ${rank} ${SEVERITIES.map((s, r) => `WHEN ${r} THEN '${s}'`).join(' ')} END`;
}

// Same weighting as the score: distinct values in the item, each at its strongest occurrence. Categories are
// comma-joined in no particular order (readers sort them).
const AGGREGATE = `
  SELECT COALESCE(SUM(n), 0), COALESCE(SUM(w), 0), ${severityOfRankSql('MAX(r)')},
    (SELECT group_concat(DISTINCT category) FROM findings WHERE item_id = items.id AND status = 'open')
  FROM (
    SELECT COUNT(*) AS n, MAX(${findingWeightSql('f.severity', 'f.confidence')}) AS w,
      MAX(${severityRankSql('f.severity')}) AS r
    FROM findings f WHERE f.item_id = items.id AND f.status = 'open' GROUP BY f.fingerprint)`;

/** An UPDATE that recomputes the aggregates of the items matching `where` (SQL over `items`). */
export function refreshItemExposureSql(where: string): string {
  return `UPDATE items SET (open_findings, weighted, worst_severity, categories) = (${AGGREGATE}) WHERE ${where}`;
}

export const SET_ITEM_EXPOSURE_SQL =
  'UPDATE items SET open_findings = ?, weighted = ?, worst_severity = ?, categories = ? WHERE id = ?';

interface OpenFinding {
  fingerprint: string;
  category: Category;
  severity: Severity;
  confidence: number;
}

/** The aggregates of AGGREGATE from open findings in memory (a repeated identity is one row: the last wins). */
export function itemExposureOf(
  open: Iterable<OpenFinding>,
): [count: number, weighted: number, worst: Severity | null, categories: string | null] {
  const findings = [...open];
  let worst = -1;
  for (const f of findings) worst = Math.max(worst, SEVERITIES.indexOf(f.severity));
  const categories = [...new Set(findings.map((f) => f.category))].join(',');
  return [findings.length, distinctWeight(findings), SEVERITIES[worst] ?? null, categories || null];
}

/** Migration 2: the aggregate columns, filled from the findings already stored. */
export const V2_ITEM_EXPOSURE = `
ALTER TABLE items ADD COLUMN open_findings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN weighted REAL NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN worst_severity TEXT;
ALTER TABLE items ADD COLUMN categories TEXT;
${refreshItemExposureSql('id IN (SELECT item_id FROM findings)')};
`;
