// The windowed scan must agree with a whole-text scan on any text: random mixes of values, broken values,
// bare keywords, separators and characters whose case folding changes length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { mergeWindows } from '../../src/detect/windows.ts';

const rules = loadRules('test/fixtures/rules-engine');
const key = Buffer.alloc(32, 6);
const windowed = createDetector(rules, { key });
const whole = createDetector(rules, { key, prefilter: false });

const pieces = fc.constantFrom(
  'tok_Zk3m9QpL2vX8bN4cR7tY1wE6',
  'tok_Zk3m9QpL2vX8bN4cR7tY1wE6_live',
  'tok_Zk3m9QpL2vX8',
  'tok_',
  'TOK_',
  'blob:QwErTyUiOp',
  'blob:',
  'QwErTyUiOpAsDf',
  'password = Hq7#kLp2!vZ9',
  'PASSWORD:',
  'account 12345678901',
  '5500 0000 0000 0004',
  'example',
  'İ',
  '😀',
  ' ',
  '\n',
  '_',
  'db',
);

describe('windowed scan', () => {
  it('finds exactly what a whole-text scan finds', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(windowed.scan(text)).toEqual(whole.scan(text));
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    [[0, 4], 10, 100, [0, 11]],
    [[50, 54, 60, 64], 10, 100, [43, 71]],
    [[10, 14, 80, 84], 10, 100, [3, 21, 73, 91]],
    [[90, 94], 10, 100, [83, 100]],
  ])('windows keyword hits %j with reach %i in a text of %i', (hits, reach, length, windows) => {
    // A match of at most `reach` characters containing [start, end) lies in [end - reach, start + reach];
    // one more character each side lets \b and lookbehinds see the real neighbours.
    expect(mergeWindows(hits, reach, length)).toEqual(windows);
  });
});
