import { describe, expect, it } from 'vitest';
import { SENSITIVE_KINDS, TEST_CARD_NUMBERS } from '../../src/synth/sensitive.ts';
import { createRng } from '../../src/synth/rng.ts';
import { CATEGORIES } from '../../src/types.ts';
import { digits } from './format-checks.ts';
import { VALID } from './kind-checks.ts';

const kinds = SENSITIVE_KINDS.map((k) => [k.kind, k] as const);

describe('SENSITIVE_KINDS', () => {
  it('covers every category with at least 40 distinct kinds', () => {
    expect(new Set(SENSITIVE_KINDS.map((k) => k.kind)).size).toBe(SENSITIVE_KINDS.length);
    expect(SENSITIVE_KINDS.length).toBeGreaterThanOrEqual(40);
    for (const category of CATEGORIES)
      expect(SENSITIVE_KINDS.some((k) => k.category === category)).toBe(true);
  });

  it.each(kinds)('%s: 200 generated values pass the format check', (name, kind) => {
    const validate = VALID[name];
    expect(validate, `no format check for ${name}`).toBeDefined();
    const rng = createRng(0x5eed).fork(name);
    const failures = Array.from({ length: 200 }, () => kind.generate(rng)).filter((v) => !validate!(v));
    expect(failures).toEqual([]);
  });

  it.each(kinds)('%s: the wrapped snippet holds the value once and no markup characters', (name, kind) => {
    const rng = createRng(7).fork(name);
    for (let i = 0; i < 100; i++) {
      const value = kind.generate(rng);
      const text = kind.wrap(rng, value);
      expect(text.split(value).length - 1).toBe(1);
      expect(value).not.toMatch(/[&<]/);
    }
  });

  it.each(kinds)('%s: same seed, same values', (name, kind) => {
    const run = () => {
      const rng = createRng(42).fork(name);
      return Array.from({ length: 20 }, () => kind.wrap(rng, kind.generate(rng)));
    };
    expect(run()).toEqual(run());
  });

  it('never emits a documented test card number as a real card', () => {
    const rng = createRng(9);
    const cards = SENSITIVE_KINDS.filter((k) => k.family === 'card');
    for (let i = 0; i < 2000; i++) {
      expect(TEST_CARD_NUMBERS.has(digits(rng.pick(cards).generate(rng)))).toBe(false);
    }
  });
});
