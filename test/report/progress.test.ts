import { describe, expect, it } from 'vitest';
import { progressLine, type ProductProgress } from '../../src/report/progress.ts';

const base: ProductProgress = {
  product: 'jira',
  done: 40,
  total: 200,
  rate: 12.4,
  etaSeconds: 13,
  throttled: false,
};
const seconds = (s: number) => `${s}s`;

describe('progressLine', () => {
  it.each([
    ['a known estimate', base, ' jira       [##] 40/200 items | 12/s | ETA 13s'],
    [
      'no estimate from the site',
      { ...base, product: 'confluence', total: undefined },
      ' confluence [##] 40/? items | 12/s | ETA ?',
    ],
    [
      'nothing done yet (no rate to extrapolate)',
      { ...base, done: 0, rate: 0 },
      ' jira       [##] 0/200 items | 0/s | ETA ?',
    ],
    [
      'an ETA the library cannot compute',
      { ...base, etaSeconds: Number.NaN },
      ' jira       [##] 40/200 items | 12/s | ETA ?',
    ],
    [
      'the site throttling',
      { ...base, throttled: true },
      ' jira       [##] 40/200 items | 12/s | ETA 13s | throttled: waiting for the site',
    ],
  ] as const)('%s', (_name, progress: ProductProgress, line) => {
    expect(progressLine(progress, '##', seconds)).toBe(line);
  });
});
