import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  distinctWeight,
  exposure,
  exposureScore,
  findingWeight,
  findingWeightSql,
  ratio,
  SATURATION_K,
  scoreBand,
  type Occurrence,
} from '../src/score.ts';
import type { Severity } from '../src/types.ts';

const occurrence = (fingerprint: string, severity: Severity, confidence = 1): Occurrence => ({
  fingerprint,
  severity,
  confidence,
});

describe('findingWeight', () => {
  it.each([
    ['critical', 1, 10],
    ['critical', 0.9, 9],
    ['high', 1, 5],
    ['medium', 0.5, 1],
    ['low', 1, 0.5],
    ['critical', 1.7, 10],
    ['high', -1, 0],
    ['high', Number.NaN, 0],
  ] as const)('%s at confidence %d weighs %d', (severity, confidence, weight) => {
    expect(findingWeight(severity, confidence)).toBeCloseTo(weight, 10);
  });
});

describe('findingWeightSql', () => {
  const db = new Database(':memory:');
  const query = db.prepare(`SELECT ${findingWeightSql('@severity', '@confidence')} AS w`);
  it.each([
    ['critical', 1],
    ['critical', 0.9],
    ['high', 0.35],
    ['medium', 1],
    ['low', 0.5],
    ['critical', 1.7],
    ['high', -1],
    ['high', null],
  ] as const)('agrees with findingWeight for %s at %s', (severity, confidence) => {
    const { w } = query.get({ severity, confidence }) as { w: number };
    expect(w).toBeCloseTo(findingWeight(severity, confidence ?? Number.NaN), 10);
  });
});

describe('distinctWeight', () => {
  it.each([
    ['nothing', [], 0],
    ['one critical', [occurrence('a', 'critical')], 10],
    ['the same value twice counts once', [occurrence('a', 'critical'), occurrence('a', 'critical')], 10],
    [
      'a value seen by two rules keeps its strongest weight',
      [occurrence('a', 'medium'), occurrence('a', 'high', 0.8)],
      4,
    ],
    [
      'distinct values add up',
      [occurrence('a', 'critical', 0.9), occurrence('b', 'medium', 0.8), occurrence('c', 'medium', 0.8)],
      12.2,
    ],
  ])('%s', (_name, occurrences, weighted) => {
    expect(distinctWeight(occurrences)).toBeCloseTo(weighted, 10);
  });
});

describe('exposureScore', () => {
  it.each([
    ['no findings', 0, 0, 'green'],
    ['one low finding', 0.5, 2.5, 'green'],
    ['one critical secret', 10, 39.3, 'amber'],
    ['the README example', 12.2, 45.7, 'amber'],
    ['three critical secrets at 0.9', 27, 74.1, 'red'],
    ['three critical secrets', 30, 77.7, 'red'],
    ['a thousand e-mail addresses', 2000, 100, 'red'],
  ] as const)('%s (W = %d) scores %d, %s', (_name, weighted, score, band) => {
    expect(exposureScore(weighted)).toBe(score);
    expect(scoreBand(exposureScore(weighted))).toBe(band);
  });

  it('grows with W and never leaves 0..100', () => {
    let previous = -1;
    for (let w = 0; w <= 40 * SATURATION_K; w += 0.5) {
      const score = exposureScore(w);
      expect(score).toBeGreaterThanOrEqual(previous);
      expect(score).toBeLessThanOrEqual(100);
      previous = score;
    }
  });
});

describe('exposure', () => {
  it.each([
    [
      'density and coverage',
      { itemsWithFindings: 5, itemsScanned: 20, runCoverage: { listed: 40, scanned: 20 } },
      0.25,
      0.5,
    ],
    [
      'nothing scanned',
      { itemsWithFindings: 0, itemsScanned: 0, runCoverage: { listed: 0, scanned: 0 } },
      null,
      null,
    ],
    ['no coverage recorded', { itemsWithFindings: 1, itemsScanned: 4, runCoverage: null }, 0.25, null],
  ])('%s', (_name, inputs, density, coverage) => {
    expect(exposure({ weighted: 30, ...inputs })).toEqual({ score: 77.7, band: 'red', density, coverage });
  });

  it.each([
    [3, 4, 0.75],
    [5, 4, 1],
    [1, 0, null],
  ])('ratio(%d, %d) = %s', (part, whole, expected) => {
    expect(ratio(part, whole)).toBe(expected);
  });
});
