// The exposure formula: here and only here (see README "Exposure score").
//
//   weight(finding)  = SEVERITY_WEIGHT[severity] × confidence            (critical 10, high 5, medium 2, low 0.5)
//   W                = Σ over distinct fingerprints of the largest weight among that value's occurrences
//   score            = 100 × (1 − exp(−W / K)),  K = 20                   (0..100, saturates)
//   density          = live items with ≥ 1 open finding / live items scanned (at any run so far)
//   coverage         = items the run scanned / items the run listed in the container
//
// Worked example: one space holds the same AWS key on two pages (critical, confidence 0.9) and two different
// e-mail addresses (medium, 0.8). Distinct values: the key once (10 × 0.9 = 9) and both addresses (2 × 0.8 each):
// W = 9 + 1.6 + 1.6 = 12.2 and score = 100 × (1 − e^(−12.2/20)) = 45.7 (amber). Three critical secrets at full
// confidence give W = 30 and 77.7 (red); a single low-severity finding gives 2.5.
//
// Why these choices: a value repeated on ten pages is one secret to rotate, so values are counted once; the
// exponential saturates so a handful of critical secrets is already red while a thousand e-mail addresses cannot
// exceed 100. There is no category factor: each rule's severity already encodes how harmful its category is, and a
// second multiplier would count that twice. Suppressed findings never enter W; they are counted separately.
// The site roll-up applies the same formula to the union of the site's distinct values (a key pasted into five
// spaces is still one key): a mean would hide one red space among many clean ones, a max would ignore breadth.
import { SEVERITIES, type Severity } from './types.ts';

export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 5,
  medium: 2,
  low: 0.5,
};

/** Chosen so that three critical secrets (W = 30) score 77.7: "a handful of critical secrets is red". */
export const SATURATION_K = 20;

/**
 * findingWeight as an SQL expression over two columns, built from the same table, so that aggregates over a
 * million rows run inside SQLite without a JavaScript callback per row.
 */
export function findingWeightSql(severity: string, confidence: string): string {
  const cases = SEVERITIES.map((s) => `WHEN '${s}' THEN ${SEVERITY_WEIGHT[s]}`).join(' ');
  return `((CASE ${severity} ${cases} ELSE 0 END) * MIN(1.0, MAX(0.0, COALESCE(${confidence}, 0.0))))`;
}

export type ScoreBand = 'green' | 'amber' | 'red';

/** Lower bounds of the bands, on the 0..100 scale. */
export const BAND_FLOOR: Readonly<Record<Exclude<ScoreBand, 'green'>, number>> = { amber: 20, red: 70 };

/** Weight of one occurrence; confidence is clamped to 0..1 so a bad rule cannot inflate the score. */
export function findingWeight(severity: Severity, confidence: number): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(confidence) ? confidence : 0));
  return SEVERITY_WEIGHT[severity] * clamped;
}

export interface Occurrence {
  fingerprint: string;
  severity: Severity;
  confidence: number;
}

/** W: the sum over distinct fingerprints of each value's strongest occurrence. */
export function distinctWeight(occurrences: Iterable<Occurrence>): number {
  const strongest = new Map<string, number>();
  for (const o of occurrences) {
    const weight = findingWeight(o.severity, o.confidence);
    strongest.set(o.fingerprint, Math.max(weight, strongest.get(o.fingerprint) ?? 0));
  }
  let total = 0;
  for (const weight of strongest.values()) total += weight;
  return total;
}

/** 0..100, rounded to one decimal. */
export function exposureScore(weighted: number): number {
  if (!(weighted > 0)) return 0;
  return Math.round(1000 * (1 - Math.exp(-weighted / SATURATION_K))) / 10;
}

export function scoreBand(score: number): ScoreBand {
  if (score >= BAND_FLOOR.red) return 'red';
  if (score >= BAND_FLOOR.amber) return 'amber';
  return 'green';
}

/** A share in 0..1, or null when the denominator is zero (nothing to measure). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.min(1, part / whole) : null;
}

export interface ExposureInputs {
  weighted: number;
  /** Live items (scanned at least once, not deleted) with at least one open finding. */
  itemsWithFindings: number;
  /** Live items scanned at least once. */
  itemsScanned: number;
  /** What the run listed and scanned in the container; null when it recorded no coverage there. */
  runCoverage: { listed: number; scanned: number } | null;
}

export interface Exposure {
  score: number;
  band: ScoreBand;
  density: number | null;
  coverage: number | null;
}

export function exposure(inputs: ExposureInputs): Exposure {
  const score = exposureScore(inputs.weighted);
  return {
    score,
    band: scoreBand(score),
    density: ratio(inputs.itemsWithFindings, inputs.itemsScanned),
    coverage:
      inputs.runCoverage === null ? null : ratio(inputs.runCoverage.scanned, inputs.runCoverage.listed),
  };
}
