import { describe, expect, it } from 'vitest';
import { buildReportData, measureOf, type ReportOptions } from '../../src/report/report-data.ts';
import type { ScoreRecord } from '../../src/store/scores.ts';
import type { Store } from '../../src/store/store.ts';
import type { Item } from '../../src/types.ts';
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
} from '../store/helpers.ts';

const KEY = sampleKey();
const MAIL = sampleMail();
const MRN = sampleMrn();
const recent = (it: Item): Item => ({ ...it, updated: '2026-11-20T00:00:00Z' });

/** Two scored runs over ENG, OPS and jira HR; the second cleans OPS and adds a recent item to HR. */
function scoredStore(): Store {
  const t = tempStore();
  const spaces = [container('ENG'), container('OPS'), container('HR', 'jira')];
  const first = beginRun(t.store, spaces);
  t.store.scans.record(first.runId, [
    scanned(item('ENG', '1'), `${KEY} ${MAIL}`),
    scanned(item('ENG', '2'), KEY),
    scanned(item('OPS', '3'), `${KEY} ${MRN}`),
  ]);
  t.store.runs.finish(first.runId, 'complete');
  t.store.scores.compute(first.runId);
  const second = beginRun(t.store, spaces, 'incremental');
  t.store.scans.record(second.runId, [
    scanned(item('OPS', '3'), 'clean'),
    scanned(recent(item('HR', '4', {}, 'jira')), `${MRN} ${MAIL}`),
  ]);
  t.store.runs.finish(second.runId, 'complete');
  t.store.scores.compute(second.runId);
  return t.store;
}

/** What the report shows of a score record, for comparing with records calculated from the findings. */
const shown = (s: ScoreRecord) => measureOf(s);

const OPTIONS: ReportOptions = { plan: 'standard', excluded: ['OPS'] };

describe('buildReportData', () => {
  // A past run is compared with its stored snapshot: recalculating it would count the items scanned since.
  it.each<[string, Partial<ReportOptions>, (store: Store) => void, 'calculate' | 'forRun']>([
    ['the last run', {}, () => {}, 'calculate'],
    ['an earlier run', { runId: 1 }, () => {}, 'forRun'],
    ['recent content only', { since: '2026-11-01T00:00:00Z' }, () => {}, 'calculate'],
    [
      'a value suppressed after the scan',
      {},
      (store) =>
        store.suppressions.add(
          { kind: 'fingerprint', fingerprint: fingerprintOf(KEY) },
          { reason: 'doc', by: 'x' },
        ),
      'calculate',
    ],
  ])('shows the scores of the findings, for %s', (_name, options, change, oracle) => {
    const store = scoredStore();
    change(store);
    const data = buildReportData(store, { ...OPTIONS, ...options });
    const expected =
      oracle === 'calculate'
        ? store.scores.calculate(data.run.id, { since: options.since })
        : store.scores.forRun(data.run.id);
    expect(data.site.measure).toEqual(shown(expected.find((s) => s.container === null)!));
    const rows = Object.fromEntries(data.containers.map((c) => [`${c.product}:${c.key}`, c]));
    for (const s of expected.filter((r) => r.container !== null)) {
      expect(rows[`${s.container!.product}:${s.container!.key}`]?.measure).toEqual(shown(s));
    }
    expect(data.containers).toHaveLength(expected.length - 1);
    expect(data.site.measure.open).toBeGreaterThan(0);
  });

  it('lists the most exposed items with their worst severity and categories', () => {
    const store = scoredStore();
    const data = buildReportData(store, OPTIONS);
    // ENG/1: critical KEY + medium MAIL (10.6); ENG/2: KEY (9); HR-4: high MRN + medium MAIL (5.1).
    expect(data.topItems.map((t) => [t.title, t.details.length, t.worst, t.categories])).toEqual([
      ['Page 1', 2, 'critical', ['pii', 'secret']],
      ['Page 2', 1, 'critical', ['secret']],
      ['HR-4 Page 4', 2, 'high', ['phi', 'pii']],
    ]);
    expect(data.containers.find((c) => c.key === 'OPS')?.contribution.contributed).toBe(false);
  });
});
