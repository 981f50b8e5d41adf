// The exposure formula and the coverage that qualifies it: here and only here (see README "Exposure score").
//
//   weight(finding)  = SEVERITY_WEIGHT[severity] × confidence × COMMENT_VISIBILITY_FACTOR[comment visibility]
//                      (critical 10, high 5, medium 2, low 0.5; a public service desk reply 1.25, anything else 1)
//   W                = Σ over distinct fingerprints of the largest weight among that value's occurrences,
//                      times the place's visibility factor (public 2, logged-in 1.25, restricted or unknown 1)
//   score            = W, rounded to one decimal                           (0 and up; never capped)
//   rank             = places ordered by W, largest first; equal W share a rank (1, 2, 2, 4)
//   density          = live items with ≥ 1 open finding / live items scanned (at any run so far)
//   coverage(place)  = items scanned / (items listed + units not read)     (a forbidden place: 0 / (0 + 1))
//   coverage(site)   = mean of the places' coverage over every place the run listed; a place not read in the run
//                      (forbidden, failed, interrupted, or left out by an option) counts 0
//
// Worked example: one space holds the same AWS key on two pages (critical, confidence 0.9) and two different
// e-mail addresses (medium, 0.8). Distinct values: the key once (10 × 0.9 = 9) and both addresses (2 × 0.8 each):
// W = 9 + 1.6 + 1.6 = 12.2, score 12.2 (amber). Three more critical keys at 0.9 add 27: score 39.2 (red).
//
// Why these choices: a value repeated on ten pages is one secret to rotate, so values are counted once. The score
// is W itself so that it keeps growing with harm: an exponential scale capped at 100 tied every exposed place at
// the cap, and three new critical keys in the top place changed nothing. There is no category factor: each rule's
// severity already encodes how harmful its category is. Suppressed findings never enter W. The site roll-up
// applies the same formula to the union of the site's distinct values (a key pasted into five spaces is one key),
// each occurrence weighed with its own place's factor.
//
// Why the visibility factors: who can read a place decides how far its content has already gone. A public place
// (anonymous access) is readable by anyone on the internet and by search engines, without an account: its values
// are as good as published, so it counts double. A place every logged-in user may read reaches the whole
// organisation (contractors, new hires, every account a phished password opens) rather than a team: a quarter
// more. Restricted places count as they are, and so do places whose permissions the token could not read: an
// unknown visibility is never guessed upwards. The factors only reorder places holding comparable findings: a
// public place needs half the findings of a restricted one to rank beside it, never a tenth.
//
// A public service desk reply weighs a quarter more than the same value elsewhere: the customer reads it, and Jira
// Service Management e-mails it to them, so it has left the site and cleaning the comment does not recall it. The
// factor stays small so that severity still decides (a public high, 6.25, stays below a critical, 10); an internal
// note or a restricted comment weighs as any comment does, since everyone it is visible to can still copy it.
import { SEVERITIES, type CommentVisibility, type PlaceVisibility, type Severity } from './types.ts';

export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 5,
  medium: 2,
  low: 0.5,
};

/** Factor on the weight of a finding in a Jira comment or worklog, by who can read it (1 where not marked). */
export const COMMENT_VISIBILITY_FACTOR: Readonly<Record<CommentVisibility, number>> = {
  public: 1.25,
  internal: 1,
  restricted: 1,
};

/**
 * findingWeight as an SQL expression over columns, built from the same tables, so that aggregates over a million
 * rows run inside SQLite without a JavaScript callback per row. Without `visibility` (schemas before version 8,
 * where migrations still compute weights) no factor applies.
 */
export function findingWeightSql(severity: string, confidence: string, visibility?: string): string {
  const cases = SEVERITIES.map((s) => `WHEN '${s}' THEN ${SEVERITY_WEIGHT[s]}`).join(' ');
  const weight = `(CASE ${severity} ${cases} ELSE 0 END) * MIN(1.0, MAX(0.0, COALESCE(${confidence}, 0.0)))`;
  if (visibility === undefined) return `(${weight})`;
  const factors = Object.entries(COMMENT_VISIBILITY_FACTOR)
    .filter(([, factor]) => factor !== 1)
    .map(([v, factor]) => `WHEN '${v}' THEN ${factor}`)
    .join(' ');
  return `(${weight} * (CASE ${visibility} ${factors} ELSE 1 END))`;
}

export const PLACE_VISIBILITY_FACTOR: Readonly<Record<PlaceVisibility, number>> = {
  public: 2,
  'logged-in': 1.25,
  restricted: 1,
  unknown: 1,
};

/**
 * The factor of each finding's place as an SQL expression over its container id column (only places whose factor
 * is not 1 are named), for the site roll-up, where one value may sit in places of different visibility.
 */
export function visibilityFactorSql(column: string, places: ReadonlyMap<number, PlaceVisibility>): string {
  const cases = [...places]
    .filter(([, v]) => PLACE_VISIBILITY_FACTOR[v] !== 1)
    .map(([id, v]) => `WHEN ${Math.trunc(id)} THEN ${PLACE_VISIBILITY_FACTOR[v]}`);
  return cases.length > 0 ? `(CASE ${column} ${cases.join(' ')} ELSE 1 END)` : '1';
}

export type ScoreBand = 'green' | 'amber' | 'red';

/** Lower bounds of the bands on W: one high-severity value is amber, about three critical secrets red. */
export const BAND_FLOOR: Readonly<Record<Exclude<ScoreBand, 'green'>, number>> = { amber: 5, red: 25 };

/** Weight of one occurrence; confidence is clamped to 0..1 so a bad rule cannot inflate the score. */
export function findingWeight(
  severity: Severity,
  confidence: number,
  visibility?: CommentVisibility | null,
): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(confidence) ? confidence : 0));
  return SEVERITY_WEIGHT[severity] * clamped * (visibility ? COMMENT_VISIBILITY_FACTOR[visibility] : 1);
}

export interface Occurrence {
  fingerprint: string;
  severity: Severity;
  confidence: number;
  visibility?: CommentVisibility | null;
}

/** W: the sum over distinct fingerprints of each value's strongest occurrence. */
export function distinctWeight(occurrences: Iterable<Occurrence>): number {
  const strongest = new Map<string, number>();
  for (const o of occurrences) {
    const weight = findingWeight(o.severity, o.confidence, o.visibility);
    strongest.set(o.fingerprint, Math.max(weight, strongest.get(o.fingerprint) ?? 0));
  }
  let total = 0;
  for (const weight of strongest.values()) total += weight;
  return total;
}

/** The score shown: W to one decimal (0 for nothing). It has no ceiling, so more harm always shows. */
export function exposureScore(weighted: number): number {
  return weighted > 0 ? Math.round(weighted * 10) / 10 : 0;
}

export function scoreBand(score: number): ScoreBand {
  if (score >= BAND_FLOOR.red) return 'red';
  if (score >= BAND_FLOOR.amber) return 'amber';
  return 'green';
}

/**
 * Competition ranks by weight, largest first (1, 2, 2, 4): a total order wherever weights differ. Entries without
 * a weight (nothing measured) get no rank.
 */
export function ranks(weights: ReadonlyArray<number | null>): Array<number | null> {
  const sorted = weights.filter((w): w is number => w !== null).sort((a, b) => b - a);
  const firstAt = new Map<number, number>();
  sorted.forEach((w, i) => firstAt.has(w) || firstAt.set(w, i + 1));
  return weights.map((w) => (w === null ? null : (firstAt.get(w) ?? null)));
}

/** A share in 0..1, or null when the denominator is zero (nothing to measure). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.min(1, part / whole) : null;
}

/** Counts of units not read, by reason; `truncated` fields were scanned up to the size limit and are no gap. */
export function unreadUnits(skipped: Readonly<Record<string, number>>): number {
  return Object.entries(skipped).reduce((sum, [reason, n]) => (reason === 'truncated' ? sum : sum + n), 0);
}

export interface RunCoverage {
  listed: number;
  scanned: number;
  skipped: Readonly<Record<string, number>>;
}

/** A place's coverage in a run: each unit not read (a refused listing, a failed page) counts against it. */
export function placeCoverage(run: RunCoverage): number | null {
  return ratio(run.scanned, run.listed + unreadUnits(run.skipped));
}

/**
 * The site's coverage over every place the run listed: `read` places count their coverage (1 when there was
 * nothing to read), any other place 0. Null when the run listed no place.
 */
export function siteCoverage(
  places: ReadonlyArray<{ read: boolean; coverage: number | null }>,
): number | null {
  if (places.length === 0) return null;
  const sum = places.reduce((total, p) => total + (p.read ? (p.coverage ?? 1) : 0), 0);
  return sum / places.length;
}

export interface ExposureInputs {
  weighted: number;
  /** Live items (scanned at least once, not deleted) with at least one open finding. */
  itemsWithFindings: number;
  /** Live items scanned at least once. */
  itemsScanned: number;
  /** What the run listed, scanned and could not read in the container; null when it recorded no coverage there. */
  runCoverage: RunCoverage | null;
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
    coverage: inputs.runCoverage === null ? null : placeCoverage(inputs.runCoverage),
  };
}
