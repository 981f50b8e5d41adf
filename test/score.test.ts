import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  distinctWeight,
  exposure,
  exposureScore,
  findingWeight,
  findingWeightSql,
  placeCoverage,
  ranks,
  ratio,
  scoreBand,
  siteCoverage,
  type Occurrence,
} from '../src/score.ts';
import type { CommentVisibility, Severity } from '../src/types.ts';

const occurrence = (
  fingerprint: string,
  severity: Severity,
  confidence = 1,
  visibility?: CommentVisibility,
): Occurrence => ({ fingerprint, severity, confidence, visibility });

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

  it.each([
    ['a public service desk reply', 'public', 12.5],
    ['an internal note', 'internal', 10],
    ['a restricted comment', 'restricted', 10],
    ['an unmarked field', null, 10],
  ] as const)('a critical value in %s weighs %d', (_name, visibility, weight) => {
    expect(findingWeight('critical', 1, visibility)).toBeCloseTo(weight, 10);
  });

  it('keeps severity first: a public high reply weighs less than a critical anywhere', () => {
    expect(findingWeight('high', 1, 'public')).toBeLessThan(findingWeight('critical', 0.7));
  });
});

describe('findingWeightSql', () => {
  const db = new Database(':memory:');
  const query = db.prepare(`SELECT ${findingWeightSql('@severity', '@confidence')} AS w`);
  const marked = db.prepare(`SELECT ${findingWeightSql('@severity', '@confidence', '@visibility')} AS w`);

  it.each([
    ['critical', 0.9, 'public'],
    ['medium', 0.5, 'internal'],
    ['high', 1, 'restricted'],
    ['low', 1, null],
  ] as const)(
    'agrees with findingWeight for %s at %s in a %s comment',
    (severity, confidence, visibility) => {
      const { w } = marked.get({ severity, confidence, visibility }) as { w: number };
      expect(w).toBeCloseTo(findingWeight(severity, confidence, visibility), 10);
    },
  );

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
    [
      'a value in a public reply and an internal note counts once, at its public weight',
      [occurrence('a', 'critical', 1, 'internal'), occurrence('a', 'critical', 1, 'public')],
      12.5,
    ],
  ])('%s', (_name, occurrences, weighted) => {
    expect(distinctWeight(occurrences)).toBeCloseTo(weighted, 10);
  });
});

describe('exposureScore', () => {
  it.each([
    ['no findings', 0, 0, 'green'],
    ['one low finding', 0.5, 0.5, 'green'],
    ['one high-severity value', 5, 5, 'amber'],
    ['the README example', 12.2, 12.2, 'amber'],
    ['the README example and three critical keys at 0.9', 39.2, 39.2, 'red'],
    ['a thousand e-mail addresses', 2000, 2000, 'red'],
    ['sub-decimal noise', 12.24, 12.2, 'amber'],
  ] as const)('%s (W = %d) scores %d, %s', (_name, weighted, score, band) => {
    expect(exposureScore(weighted)).toBe(score);
    expect(scoreBand(exposureScore(weighted))).toBe(band);
  });

  it('keeps growing with W: three more critical keys always show, however exposed the place already is', () => {
    for (let w = 0; w <= 10_000; w += 97.3) {
      expect(exposureScore(w + 27)).toBeGreaterThan(exposureScore(w));
    }
  });
});

describe('ranks', () => {
  it.each<[string, Array<number | null>, Array<number | null>]>([
    ['distinct weights', [3, 30, 12.2], [3, 1, 2]],
    ['equal weights share a rank, the next one skips', [5, 9, 5, 1], [2, 1, 2, 4]],
    ['nothing measured has no rank', [null, 4, 0], [null, 1, 2]],
    ['weights far past any old cap stay apart', [2000, 2000.5, 341], [2, 1, 3]],
  ])('%s', (_name, weights, expected) => {
    expect(ranks(weights)).toEqual(expected);
  });
});

describe('coverage', () => {
  it.each([
    ['everything read', { listed: 40, scanned: 40, skipped: {} }, 1],
    ['a forbidden place', { listed: 0, scanned: 0, skipped: { forbidden: 1 } }, 0],
    ['a listing failed after 300 items', { listed: 300, scanned: 300, skipped: { error: 1 } }, 300 / 301],
    ['truncated fields were read', { listed: 10, scanned: 10, skipped: { truncated: 3 } }, 1],
    ['nothing to read', { listed: 0, scanned: 0, skipped: {} }, null],
    ['never above 100 %', { listed: 600, scanned: 601, skipped: {} }, 1],
  ])('of a place: %s', (_name, run, expected) => {
    expect(placeCoverage(run)).toBe(expected);
  });

  it.each([
    [
      'every place read',
      [
        { read: true, coverage: 1 },
        { read: true, coverage: null },
      ],
      1,
    ],
    [
      'one of four not read',
      [1, 1, 1].map((c) => ({ read: true, coverage: c })).concat({ read: false, coverage: 1 }),
      0.75,
    ],
    [
      'partly read places count their share',
      [
        { read: true, coverage: 0.5 },
        { read: true, coverage: 1 },
      ],
      0.75,
    ],
    ['no place listed', [], null],
  ])('of the site: %s', (_name, places, expected) => {
    expect(siteCoverage(places)).toBe(expected);
  });
});

describe('exposure', () => {
  it.each([
    [
      'density and coverage',
      { itemsWithFindings: 5, itemsScanned: 20, runCoverage: { listed: 40, scanned: 20, skipped: {} } },
      0.25,
      0.5,
    ],
    [
      'nothing scanned',
      { itemsWithFindings: 0, itemsScanned: 0, runCoverage: { listed: 0, scanned: 0, skipped: {} } },
      null,
      null,
    ],
    ['no coverage recorded', { itemsWithFindings: 1, itemsScanned: 4, runCoverage: null }, 0.25, null],
  ])('%s', (_name, inputs, density, coverage) => {
    expect(exposure({ weighted: 30, ...inputs })).toEqual({ score: 30, band: 'red', density, coverage });
  });

  it.each([
    [3, 4, 0.75],
    [5, 4, 1],
    [1, 0, null],
  ])('ratio(%d, %d) = %s', (part, whole, expected) => {
    expect(ratio(part, whole)).toBe(expected);
  });
});
