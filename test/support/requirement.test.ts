// Which CI values make a missing requirement fail rather than skip.
import { describe, expect, it } from 'vitest';
import { underCi } from './requirement.ts';

describe('underCi', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['FALSE', false],
    ['true', true],
    ['1', true],
    ['yes', true],
  ])('CI=%j means CI: %s', (value, expected) => {
    expect(underCi(value === undefined ? {} : { CI: value })).toBe(expected);
  });
});
