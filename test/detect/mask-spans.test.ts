// The masking of values inside stored texts (titles, container names): every character of every span is hidden.
import { describe, expect, it } from 'vitest';
import { maskSpans } from '../../src/detect/mask-spans.ts';

const span = (start: number, end: number, preview = '•••') => ({ start, end, preview });

describe('maskSpans', () => {
  it.each([
    ['no span', 'key abc123', [], 'key abc123'],
    ['one span', 'key abc123 ok', [span(4, 10)], 'key ••• ok'],
    ['two spans, any order', 'a XX b YY c', [span(7, 9), span(2, 4)], 'a ••• b ••• c'],
    [
      'overlapping spans (a PHI finding over an SSN)',
      'x 123-45-6789 y',
      [span(2, 13), span(2, 13)],
      'x ••• y',
    ],
    ['a span inside another', 'k AKIAXYZ', [span(2, 9), span(4, 6)], 'k •••'],
    ['spans that chain', 'k AKIAXYZ', [span(2, 7), span(6, 9)], 'k •••'],
  ])('%s', (_name, text, spans, expected) => {
    expect(maskSpans(text, spans)).toBe(expected);
  });

  it.each([
    ['beyond the text', span(5, 20)],
    ['negative', span(-1, 2)],
    ['empty', span(3, 3)],
  ])('refuses a span %s (the caller withholds the whole text)', (_name, bad) => {
    expect(maskSpans('0123456789', [span(0, 2), bad])).toBeUndefined();
  });
});
