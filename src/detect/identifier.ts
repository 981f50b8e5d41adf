/** A personal identifier a PHI recogniser found in a clinical passage: its span, what it is and why. */
export interface Identifier {
  start: number;
  end: number;
  /** What it is, for the explanation: "clinician name", "date of care", "hospital"... */
  kind: string;
  /** What gave it away: a cue word from the shipped lists ("cue dr"), a lexicon, a format. Never text. */
  cue: string;
}

/**
 * Identifiers that do not overlap, choosing among overlapping ones by `better` (negative when the first is
 * better), then the earlier; returned in text order.
 */
export function nonOverlapping<T extends Identifier>(
  identifiers: readonly T[],
  better: (a: T, b: T) => number,
): T[] {
  const kept: T[] = [];
  for (const id of [...identifiers].sort(better)) {
    if (!kept.some((k) => k.start < id.end && id.start < k.end)) kept.push(id);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Longer spans first: "March 3, 2021" rather than "2021" alone. */
export const longerFirst = (a: Identifier, b: Identifier): number => b.end - b.start - (a.end - a.start);
