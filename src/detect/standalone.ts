// When a value stands alone in its field: a custom field or table cell that holds just the value, or a short
// field that lists values and nothing else ("LK4829173, MT7305518", a multi-value custom field, a pasted column).
// Nothing around such a value says what it is, but nothing says it is part of a log line or prose either, and a
// field that holds checksum-valid identifiers usually is those identifiers.

/**
 * Confidence added when the value stands alone in its field. It lifts an ambiguous format (base 0.2-0.35) over
 * the default threshold, never a format the rule rates below that.
 */
export const STANDALONE_BOOST = 0.2;

/** Quotes and brackets that may wrap a standalone value. */
const WRAPPERS = new Set([...' \t\r\n"\'`()[]{}<>']);

/** Longest field read as a list of values: about ten identifiers with separators. */
const VALUE_LIST_MAX = 200;

/** What separates the values of a list: wrappers, commas, semicolons and pipes. */
const LIST_SEPARATORS = /[\s"'`()[\]{}<>,;|]+/;

/**
 * Shortest listed value: identifiers are longer than the 2-5 digit groups one number is written in
 * ("48 213 907 5512" is one number, not a list of four).
 */
const LISTED_VALUE_MIN = 6;

/** True when only whitespace, quotes and brackets surround text[start, end). */
function onlyWrappersAround(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0; i--) if (!WRAPPERS.has(text[i]!)) return false;
  for (let i = end; i < text.length; i++) if (!WRAPPERS.has(text[i]!)) return false;
  return true;
}

/** True when a piece of a list looks like an identifier: long enough, with a digit (words have none). */
const isIdentifierLike = (value: string): boolean => value.length >= LISTED_VALUE_MIN && /\d/.test(value);

/**
 * The values of a short text made only of two or more separated identifiers ("Passports: AB1234567 and
 * CD7654321" is a sentence, not a list), or undefined.
 */
function listedValues(text: string): string[] | undefined {
  if (text.length > VALUE_LIST_MAX) return undefined;
  const values = text.split(LIST_SEPARATORS).filter((value) => value !== '');
  return values.length >= 2 && values.every(isIdentifierLike) ? values : undefined;
}

/** Why text[start, end) stands alone in its field, or undefined when something else is written around it. */
export function standaloneReason(text: string, start: number, end: number): string | undefined {
  if (onlyWrappersAround(text, start, end)) return 'standalone value';
  return listedValues(text) === undefined ? undefined : 'listed value';
}

/**
 * Length of the longest value that can stand alone in the text: its longest listed value, or the text without
 * the whitespace, quotes and brackets around it. A rule whose values need that lift runs only when its longest
 * match is at least this long.
 */
export function standaloneLength(text: string): number {
  const listed = listedValues(text);
  if (listed) return Math.max(...listed.map((value) => value.length));
  let start = 0;
  let end = text.length;
  while (start < end && WRAPPERS.has(text[start]!)) start++;
  while (end > start && WRAPPERS.has(text[end - 1]!)) end--;
  return end - start;
}
