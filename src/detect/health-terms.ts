// Finds curated health terms (rules/lists/health-terms.txt) in a text: words are compared whole and
// case-insensitively through a map keyed by a term's first word, so the cost is one regex pass over the words
// plus a map look-up per word, whatever the size of the list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_DIR } from '../paths.ts';

export const HEALTH_TERMS_FILE = join(RULES_DIR, 'lists', 'health-terms.txt');

const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;
/** Words of a multi-word term may be separated by one space or one hyphen ("type 2 diabetes", "self-harm"). */
const TERM_GAP = /^[ -]$/;

export interface HealthTermMatcher {
  /** Distinct terms found in the text, in order of first appearance, at most `limit`. */
  find(text: string, limit?: number): string[];
}

export function createHealthTermMatcher(terms: readonly string[]): HealthTermMatcher {
  const byFirstWord = new Map<string, { term: string; words: string[] }[]>();
  for (const term of terms) {
    const words = term.toLowerCase().match(WORD) ?? [];
    const first = words[0];
    if (first === undefined) continue;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { term, words }]);
  }
  // Longest first, so "type 2 diabetes" wins over "type 2" and the words it covers are not matched again.
  for (const candidates of byFirstWord.values()) candidates.sort((x, y) => y.words.length - x.words.length);
  return {
    find(text, limit = 3) {
      const lower = text.toLowerCase();
      const tokens = [...lower.matchAll(WORD)].map((m) => ({
        word: m[0],
        start: m.index,
        end: m.index + m[0].length,
      }));
      const continuesAt = (i: number, words: readonly string[]): boolean =>
        words.every((word, k) => {
          const t = tokens[i + k];
          const previous = tokens[i + k - 1];
          return t?.word === word && (k === 0 || TERM_GAP.test(lower.slice(previous?.end ?? 0, t.start)));
        });
      const found: string[] = [];
      for (let i = 0; i < tokens.length && found.length < limit; i++) {
        const match = byFirstWord.get(tokens[i]?.word ?? '')?.find(({ words }) => continuesAt(i, words));
        if (match === undefined) continue;
        if (!found.includes(match.term)) found.push(match.term);
        i += match.words.length - 1;
      }
      return found;
    },
  };
}

let defaultMatcher: HealthTermMatcher | undefined;

/** The matcher over the shipped list, read once. Lines starting with # and blank lines are ignored. */
export function healthTermMatcher(): HealthTermMatcher {
  if (defaultMatcher === undefined) {
    const lines = readFileSync(HEALTH_TERMS_FILE, 'utf8').split('\n');
    defaultMatcher = createHealthTermMatcher(
      lines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')),
    );
  }
  return defaultMatcher;
}
