import { describe, expect, it } from 'vitest';
import { leadingAtoms, maxMatchLength } from '../../src/detect/regex-shape.ts';

describe('maxMatchLength', () => {
  it.each([
    ['\\b(ghp_[A-Za-z0-9]{36})\\b', '', 40],
    ['(?:sk|rk)_live_[0-9a-z]{24,99}', '', 107],
    ['a|bcd|ef', '', 3],
    ['(?<![\\w])x{2}(?=y{3})', '', 5],
    ['a(?=b(?=c{10}))', '', 12],
    ['[\\]a]{2}\\.', '', 3],
    ['\\u0041\\x41\\d?', '', 3],
    ['\\p{L}{4}', 'u', 8],
    ['(?<name>ab)\\k<name>', '', Infinity],
    ['a+', '', Infinity],
    ['x{3,}', '', Infinity],
    ['^\\s*$', '', Infinity],
  ])('%s (flags %s) -> %s', (source, flags, length) => {
    expect(maxMatchLength(source, flags)).toBe(length);
  });

  it.each([
    'ghp_[A-Za-z0-9]{36}',
    'postgres(?:ql)?://[^\\s:@]{1,64}:[^\\s@]{1,128}@',
    '\\b\\d{3}-\\d{2}-\\d{4}\\b',
  ])('bounds every real match of %s', (source) => {
    const regex = new RegExp(source);
    const samples = ['ghp_' + 'a'.repeat(36), 'postgres://u:' + 'p'.repeat(128) + '@', '123-45-6789'];
    for (const sample of samples) {
      const match = regex.exec(sample);
      if (match) expect(match[0].length).toBeLessThanOrEqual(maxMatchLength(source));
    }
  });
});

describe('leadingAtoms', () => {
  it.each([
    ['[\\w.-]{0,50}?(tok_)', 'broad', true, 50],
    ['(?:\\s*)abc', 'broad', false, Infinity],
    ['\\b\\d{3}', 'anchor', false, 1],
    ['(?<![\\d])\\d{9}', 'lookbehind', false, 1],
    ['([0-9]{4})', 'digit-class', false, 4],
    ['AKIA[0-9A-Z]{16}', 'literal', false, 1],
  ])('%s starts with %s', (source, kind, lazy, max) => {
    const [first] = leadingAtoms(source);
    expect(first).toMatchObject({ kind, quantifier: { lazy, max } });
  });
});
