import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../../src/detect/keyword-index.ts';

/** Every (keyword, end) pair by brute force over the lower-cased text, as the reference. */
function naive(keywords: readonly string[], text: string): string[] {
  const lower = [...text].length === text.length ? text.toLowerCase() : text;
  const out: string[] = [];
  for (let end = 1; end <= text.length; end++) {
    keywords.forEach((word, id) => {
      if (end >= word.length && lower.slice(end - word.length, end) === word) out.push(`${id}@${end}`);
    });
  }
  return out.sort();
}

function indexed(keywords: readonly string[], text: string): string[] {
  const out: string[] = [];
  new KeywordIndex(keywords).forEachMatch(text, (id, end) => out.push(`${id}@${end}`));
  return out.sort();
}

describe('KeywordIndex', () => {
  it.each([
    [['ghp_', 'gho_', 'hp_'], 'export T=GHP_abc gho_x', ['0@13', '1@21', '2@13']],
    [['he', 'she', 'his', 'hers'], 'ushers', ['0@4', '1@4', '3@6']],
    [['aa'], 'aaaa', ['0@2', '0@3', '0@4']],
    [['né', 'geb.'], 'Né le 1.2.1980, GEB. 3.4.1970', ['0@2', '1@20']],
    [['key'], 'İkey', ['0@4']],
    [['password'], 'no match here', []],
  ])('finds %j in %s', (keywords, text, expected) => {
    expect(indexed(keywords, text)).toEqual([...expected].sort());
  });

  it('agrees with a brute-force search on random ASCII texts and keywords', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_', '-'), minLength: 1, maxLength: 4 });
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', '_', '-', ' '), maxLength: 200 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), text, (keywords, sample) => {
        expect(indexed(keywords, sample)).toEqual(naive(keywords, sample));
      }),
      { numRuns: 200 },
    );
  });
});
