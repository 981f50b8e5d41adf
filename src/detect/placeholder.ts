// Placeholders recognised from the value itself, not from the words around it: a nearby "for example" must
// not hide a real key (that is an evasion route and a recall hole), while `sk_live_xxxxxxxx`,
// `glc_1111111111111111` or `abcdef123456` are never real whatever surrounds them. The textual markers
// (xxxx, EXAMPLE, <your-token>, ${VAR}) are data in rules/allowlist.yaml; this file holds the structural tests
// that a regex cannot state: one character filling the value, and values spelled from ascending runs.

/** A single character repeated over at least this share of the value (and MIN_RUN characters) is filler. */
const RUN_SHARE = 0.25;
const MIN_RUN = 8;
/** Share of neighbouring letters and digits that count up (a→b, 7→8, 9→0) in a keyboard-made value. */
const SEQUENCE_SHARE = 0.4;
const MIN_SEQUENCE_PAIRS = 7;

/** Why the value is a placeholder, or undefined when it may be real. */
export function placeholderReason(value: string): string | undefined {
  const run = longestRun(value);
  if (run >= MIN_RUN && run >= value.length * RUN_SHARE) return `placeholder: ${run} repeated characters`;
  const { ascending, pairs } = ascendingPairs(value);
  if (pairs >= MIN_SEQUENCE_PAIRS && ascending >= pairs * SEQUENCE_SHARE)
    return `placeholder: ${Math.round((100 * ascending) / pairs)} % ascending sequence`;
  return undefined;
}

function longestRun(value: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    run = i > 0 && value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** Rank of a letter or digit in its own alphabet (0-9, a-z, A-Z), or -1 for anything else. */
function rank(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  return -1;
}

function alphabetSize(code: number): number {
  return code >= 48 && code <= 57 ? 10 : 26;
}

/** Pairs of neighbouring letters/digits (separators skipped), and how many count up by one in one alphabet. */
function ascendingPairs(value: string): { ascending: number; pairs: number } {
  let ascending = 0;
  let pairs = 0;
  let previous = -1;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (rank(code) < 0) continue;
    if (previous >= 0) {
      pairs++;
      const sameAlphabet = alphabetSize(code) === alphabetSize(previous) && code >= 97 === previous >= 97;
      if (sameAlphabet && rank(code) === (rank(previous) + 1) % alphabetSize(code)) ascending++;
    }
    previous = code;
  }
  return { ascending, pairs };
}
