// Per-place baselines in the store: a watermark only moves forward, a complete read clears a refusal and is dated
// by its run's start, and each run's plan per place reads back as recorded.
import { describe, expect, it } from 'vitest';
import type { BaselineChange, StoredBaseline } from '../../src/store/baselines.ts';
import { SITE, tempStore } from './helpers.ts';

const ENG = { product: 'jira', key: 'ENG' } as const;
const T1 = '2026-09-01T10:00:00.000Z';
const T2 = '2026-09-02T10:00:00.000Z';

function storeWithRun() {
  const { store } = tempStore();
  const { runId, siteId } = store.runs.begin({ site: SITE, mode: 'full', options: {}, rulesetHash: 'h' });
  store.containers.upsert(siteId, [{ ...ENG, id: '1', name: 'Eng', url: 'u' }]);
  return { store, runId, siteId, startedAt: store.runs.get(runId).startedAt };
}

describe('baselines', () => {
  it.each<[string, BaselineChange[], (start: string) => StoredBaseline]>([
    ['refused', [{ forbidden: true }], () => ({ forbidden: true })],
    ['read to its end', [{ complete: true }], (s) => ({ completeRun: 1, completeAt: s, forbidden: false })],
    [
      'refused, then read to its end',
      [{ forbidden: true }, { complete: true }],
      (s) => ({ completeRun: 1, completeAt: s, forbidden: false }),
    ],
    [
      'read, then refused: the last complete read stays',
      [{ complete: true }, { forbidden: true }],
      (s) => ({ completeRun: 1, completeAt: s, forbidden: true }),
    ],
    [
      'a later watermark',
      [{ watermark: T1 }, { watermark: T2 }],
      () => ({ watermark: T2, forbidden: false }),
    ],
    [
      'an earlier watermark is ignored',
      [{ watermark: T2 }, { watermark: T1 }],
      () => ({ watermark: T2, forbidden: false }),
    ],
  ])('%s', (_, changes, expected) => {
    const { store, runId, siteId, startedAt } = storeWithRun();
    for (const change of changes) store.baselines.record(siteId, runId, ENG, change);
    expect(store.baselines.get(siteId, ENG)).toEqual(expected(startedAt));
    expect(store.baselines.any(siteId)).toBe(true);
  });

  it('reads back the plan of each run, and keeps it when the coverage counts are written', () => {
    const { store, runId, siteId } = storeWithRun();
    expect(store.baselines.any(siteId)).toBe(false);
    expect(store.baselines.readOf(runId, siteId, ENG)).toBeUndefined();
    store.baselines.recordRead(runId, siteId, ENG, { mode: 'full', reason: 'due' });
    store.runs.recordCoverage(runId, ENG, { listed: 4, scanned: 4, bytes: 10, skipped: {} });
    expect(store.baselines.readOf(runId, siteId, ENG)).toEqual({ mode: 'full', reason: 'due' });
    expect(store.runs.coverage(runId)).toMatchObject([{ listed: 4, scanned: 4 }]);
    store.baselines.recordRead(runId, siteId, ENG, { mode: 'incremental' });
    expect(store.baselines.readOf(runId, siteId, ENG)).toEqual({ mode: 'incremental' });
  });
});
