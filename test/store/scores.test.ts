import { describe, expect, it } from 'vitest';
import { exposureScore } from '../../src/score.ts';
import type { ScoreRecord } from '../../src/store/scores.ts';
import type { Store } from '../../src/store/store.ts';
import type { PlaceVisibility } from '../../src/types.ts';
import {
  beginRun,
  container,
  fingerprintOf,
  item,
  sampleKey,
  sampleMail,
  sampleMrn,
  scanned,
  tempStore,
} from './helpers.ts';

const KEY = sampleKey(); // critical, 0.9 → 9
const MAIL = sampleMail(); // medium, 0.8 → 1.6
const MRN = sampleMrn(); // high, 0.7 → 3.5
const spaces = [container('ENG'), container('OPS'), container('HR', 'jira')];

/** Run 1: ENG holds KEY twice and MAIL, OPS holds KEY and MRN, HR is clean. Run 2: OPS cleaned. */
function twoRuns(store: Store) {
  const first = beginRun(store, spaces);
  store.scans.record(first.runId, [
    scanned(item('ENG', '1'), `${KEY} ${MAIL}`),
    scanned(item('ENG', '2'), KEY),
    scanned(item('ENG', '3'), 'clean'),
    scanned(item('OPS', '4'), `${KEY} ${MRN}`),
    scanned(item('HR', '5', {}, 'jira'), 'clean'),
  ]);
  store.runs.recordCoverage(
    first.runId,
    { product: 'confluence', key: 'ENG' },
    { listed: 4, scanned: 3, bytes: 10, skipped: { forbidden: 1 } },
  );
  store.runs.finish(first.runId, 'partial');
  store.scores.compute(first.runId);
  const second = beginRun(store, spaces, 'incremental');
  store.scans.record(second.runId, [scanned(item('OPS', '4'), 'clean')]);
  store.runs.finish(second.runId, 'complete');
  store.scores.compute(second.runId);
  return { first, second };
}

const byKey = (records: ScoreRecord[]) =>
  Object.fromEntries(records.map((r) => [r.container?.key ?? 'site', r]));

describe('ScoreRepository', () => {
  it.each([
    // key, run index, weighted, open, distinct, items with findings, items scanned, listed, coverage. Run 1 recorded
    // coverage for ENG alone: it listed no other place. ENG: 3 scanned of 4 listed and 1 not read, 3 / 5. Run 2
    // recorded no coverage (as runs before schema 5 did): each place was read, with nothing to count.
    ['ENG', 0, 9 + 1.6, 3, 2, 2, 3, 4, 0.6],
    ['OPS', 0, 9 + 3.5, 2, 2, 1, 1, null, null],
    ['HR', 0, 0, 0, 0, 0, 1, null, null],
    ['site', 0, 9 + 1.6 + 3.5, 5, 3, 3, 5, 4, 0.6],
    ['ENG', 1, 9 + 1.6, 3, 2, 2, 3, null, null],
    ['OPS', 1, 0, 0, 0, 0, 1, null, null],
    ['site', 1, 9 + 1.6, 3, 2, 2, 5, 0, 1],
  ] as const)(
    '%s in run %i',
    (key, runIndex, weighted, open, distinct, withFindings, itemsScanned, listed, coverage) => {
      const t = tempStore();
      const { first, second } = twoRuns(t.store);
      const runId = [first, second][runIndex]!.runId;
      const record = byKey(t.store.scores.forRun(runId))[key]!;
      expect(record.weighted).toBeCloseTo(weighted, 10);
      expect(record).toMatchObject({
        score: exposureScore(weighted),
        openFindings: open,
        distinctValues: distinct,
        itemsWithFindings: withFindings,
        itemsScanned,
        itemsListed: listed,
        coverage,
        density: itemsScanned ? withFindings / itemsScanned : null,
      });
      // Recomputing a past run from the findings table gives the stored history back.
      expect(byKey(t.store.scores.calculate(runId))[key]).toEqual(record);
    },
  );

  it('counts by category and severity, and keeps suppressed findings out of the score', () => {
    const t = tempStore();
    const { second } = twoRuns(t.store);
    t.store.suppressions.add(
      { kind: 'fingerprint', fingerprint: fingerprintOf(KEY) },
      { reason: 'docs key', by: 'x' },
    );
    const eng = byKey(t.store.scores.compute(second.runId)).ENG!;
    expect(eng).toMatchObject({
      openFindings: 1,
      suppressed: 2,
      distinctValues: 1,
      score: exposureScore(1.6),
    });
    expect(eng.counts.pii.medium).toBe(1);
    expect(eng.counts.secret.critical).toBe(0);
  });

  it('keeps one row per container per run as history, and scores only recent content with `since`', () => {
    const t = tempStore();
    const { first, second } = twoRuns(t.store);
    const ops = t.store.scores.history(first.siteId, { product: 'confluence', key: 'OPS' });
    expect(ops.map((r) => [r.runId, r.openFindings])).toEqual([
      [first.runId, 2],
      [second.runId, 0],
    ]);
    expect(t.store.scores.history(first.siteId).map((r) => r.runId)).toEqual([first.runId, second.runId]);
    const recent = byKey(t.store.scores.calculate(second.runId, { since: '2026-10-02T00:00:00Z' }));
    expect(recent.ENG).toMatchObject({ openFindings: 0, itemsScanned: 0 });
  });
});

describe('ScoreRepository.forReport', () => {
  it.each([0, 1])('reads the stored scores of run %i, equal to calculating them', (runIndex) => {
    const t = tempStore();
    const runId = Object.values(twoRuns(t.store))[runIndex]!.runId;
    expect(t.store.scores.forReport(runId)).toEqual(t.store.scores.calculate(runId));
  });

  it.each([
    ['with `since` (stored rows cover all content)', true, { since: '2026-10-02T00:00:00Z' }],
    ['for a run never scored', false, {}],
  ])('calculates %s', (_name, compute, scope) => {
    const t = tempStore();
    const run = beginRun(t.store, spaces);
    t.store.scans.record(run.runId, [scanned(item('ENG', '1'), `${KEY} ${MAIL}`)]);
    t.store.runs.finish(run.runId, 'complete');
    if (compute) t.store.scores.compute(run.runId);
    const expected = t.store.scores.calculate(run.runId, scope);
    expect(t.store.scores.forReport(run.runId, scope)).toEqual(expected);
    expect(byKey(expected).ENG!.openFindings).toBe(compute ? 0 : 2);
  });

  it.each(['add', 'remove'] as const)(
    'refreshes the latest stored scores when a suppression is %sed',
    (change) => {
      const t = tempStore();
      const { first, second } = twoRuns(t.store);
      const target = { kind: 'fingerprint', fingerprint: fingerprintOf(KEY) } as const;
      const firstBefore = t.store.scores.forRun(first.runId);
      t.store.suppressions.add(target, { reason: 'docs key', by: 'x' });
      if (change === 'remove') t.store.suppressions.remove(target);
      expect(t.store.scores.forReport(second.runId)).toEqual(t.store.scores.calculate(second.runId));
      expect(byKey(t.store.scores.forReport(second.runId)).ENG!.suppressed).toBe(change === 'add' ? 2 : 0);
      // An older run keeps the snapshot taken at its scan.
      expect(t.store.scores.forRun(first.runId)).toEqual(firstBefore);
    },
  );
});

describe('visibility in the ranking', () => {
  /** ENG and OPS hold one key each (9) and ENG also MAIL (1.6); OPS shares ENG's key. */
  function scored(visibility: Record<string, PlaceVisibility>) {
    const t = tempStore();
    const run = beginRun(t.store, spaces);
    t.store.scans.record(run.runId, [
      scanned(item('ENG', '1'), `${KEY} ${MAIL}`),
      scanned(item('OPS', '2'), KEY),
    ]);
    const readAt = '2026-10-01T00:00:00.000Z';
    const places = Object.entries(visibility).map(([key, v]) => ({ key, visibility: v, readAt }));
    t.store.containers.recordVisibility(run.siteId, 'confluence', places);
    t.store.runs.finish(run.runId, 'complete');
    return byKey(t.store.scores.compute(run.runId));
  }

  it.each<[string, Record<string, PlaceVisibility>, number, number, number]>([
    // ENG weight, OPS weight, site weight (a value takes its most exposed place's factor)
    ['nothing read', {}, 10.6, 9, 10.6],
    ['OPS public', { OPS: 'public' }, 10.6, 18, 18 + 1.6],
    ['OPS logged-in', { OPS: 'logged-in' }, 10.6, 11.25, 11.25 + 1.6],
    ['ENG restricted, OPS unknown', { ENG: 'restricted', OPS: 'unknown' }, 10.6, 9, 10.6],
    ['both public', { ENG: 'public', OPS: 'public' }, 21.2, 18, 21.2],
  ])('%s', (_case, visibility, eng, ops, site) => {
    const records = scored(visibility);
    expect(records.ENG!.weighted).toBeCloseTo(eng, 10);
    expect(records.OPS!.weighted).toBeCloseTo(ops, 10);
    expect(records.site!.weighted).toBeCloseTo(site, 10);
    expect(records.OPS!.container?.visibility).toBe(visibility.OPS ?? 'unknown');
  });
});
