import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/synth/rng.ts';

const draw = (seed: number, label?: string): number[] => {
  const base = createRng(seed);
  const rng = label === undefined ? base : base.fork(label);
  return Array.from({ length: 50 }, () => rng.int(0, 1_000_000));
};

describe('createRng', () => {
  it.each([0, 1, 42, 0xffffffff])('seed %d gives the same sequence every time', (seed) => {
    expect(draw(seed)).toEqual(draw(seed));
  });

  it.each([
    [0, 1],
    [1, 2],
    [42, 43],
  ])('seeds %d and %d give different sequences', (a, b) => {
    expect(draw(a)).not.toEqual(draw(b));
  });

  it('forks are deterministic, independent of each other and of parent consumption', () => {
    expect(draw(7, 'jira')).toEqual(draw(7, 'jira'));
    expect(draw(7, 'jira')).not.toEqual(draw(7, 'confluence'));
    const parent = createRng(7);
    parent.next();
    parent.next();
    const fork = parent.fork('jira');
    expect(Array.from({ length: 50 }, () => fork.int(0, 1_000_000))).toEqual(draw(7, 'jira'));
  });

  it('int stays within inclusive bounds and reaches both ends', () => {
    const rng = createRng(3);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(-2, 2)));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2]);
  });

  it('chance follows its probability', () => {
    const rng = createRng(5);
    const hits = Array.from({ length: 10_000 }, () => rng.chance(0.2)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(1800);
    expect(hits).toBeLessThan(2200);
  });

  it('shuffle returns a permutation and leaves the input untouched', () => {
    const input = Array.from({ length: 30 }, (_, i) => i);
    const out = createRng(11).shuffle(input);
    expect(out).not.toEqual(input);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(input[0]).toBe(0);
  });

  it('chars draws only from the alphabet, pick refuses an empty list', () => {
    expect(createRng(1).chars('ab', 200)).toMatch(/^[ab]{200}$/);
    expect(() => createRng(1).pick([])).toThrow(RangeError);
  });
});
