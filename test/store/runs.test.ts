import { describe, expect, it } from 'vitest';
import { beginRun, container, SITE, tempStore } from './helpers.ts';

function store() {
  const t = tempStore();
  return t.store;
}

const eng = { product: 'confluence', key: 'ENG' } as const;
const ops = { product: 'jira', key: 'OPS' } as const;

describe('RunRepository', () => {
  it('records a run, its per-container coverage and sums it into the run totals', () => {
    const s = store();
    const { runId, siteId } = beginRun(s, [container('ENG'), container('OPS', 'jira')]);
    s.runs.recordCoverage(runId, eng, { listed: 10, scanned: 8, bytes: 100, skipped: { forbidden: 2 } });
    s.runs.recordCoverage(runId, ops, { listed: 5, scanned: 1, bytes: 5, skipped: { timeout: 1 } });
    s.runs.recordCoverage(runId, ops, {
      listed: 5,
      scanned: 4,
      bytes: 50,
      skipped: { timeout: 1, forbidden: 0 },
    });
    s.runs.finish(runId, 'partial');
    expect(s.runs.get(runId)).toMatchObject({
      siteId,
      siteUrl: SITE,
      mode: 'full',
      options: { test: true },
      status: 'partial',
      listed: 15,
      scanned: 12,
      bytes: 150,
      skipped: { forbidden: 2, timeout: 1 },
    });
    expect(s.runs.get(runId).finishedAt).not.toBeNull();
  });

  it.each([
    ['all runs', {}, [3, 2, 1]],
    ['finished runs', { finishedOnly: true }, [2, 1]],
  ])('lists %s newest first', (_name, options, expected) => {
    const s = store();
    const ids = [1, 2, 3].map(() => beginRun(s, [container('ENG')]).runId);
    s.runs.finish(ids[0]!, 'complete');
    s.runs.finish(ids[1]!, 'interrupted');
    expect(s.runs.last(5, options).map((r) => r.id)).toEqual(expected.map((n) => ids[n - 1]));
  });

  it('keeps the site-wide gaps per product, replaces them as they grow, and counts them in the run totals', () => {
    const s = store();
    const { runId } = beginRun(s, [container('ENG')]);
    s.runs.recordCoverage(runId, eng, { listed: 4, scanned: 4, bytes: 40, skipped: {} });
    s.runs.recordSiteGaps(runId, 'jira', { error: 1 });
    s.runs.recordSiteGaps(runId, 'confluence', { timeout: 1 });
    s.runs.recordSiteGaps(runId, 'confluence', { timeout: 2, forbidden: 0 });
    expect(s.runs.get(runId).siteGaps).toEqual({ jira: { error: 1 }, confluence: { timeout: 2 } });
    s.runs.recordSiteGaps(runId, 'jira', { error: 0 });
    s.runs.finish(runId, 'partial');
    expect(s.runs.get(runId)).toMatchObject({
      siteGaps: { confluence: { timeout: 2 } },
      listed: 4,
      scanned: 4,
      skipped: { timeout: 2 },
    });
    expect(() => s.runs.recordSiteGaps(runId + 1, 'jira', { error: 1 })).toThrow(/no run/);
  });

  it('reopens an interrupted run for resuming', () => {
    const s = store();
    const { runId } = beginRun(s, [container('ENG')]);
    s.runs.finish(runId, 'interrupted');
    s.runs.reopen(runId);
    expect(s.runs.get(runId)).toMatchObject({ status: 'running', finishedAt: null });
  });

  it.each([
    ['finishing an unknown run', () => store().runs.finish(42, 'complete'), /no run 42/],
    ['reading an unknown run', () => store().runs.get(42), /no run 42/],
    [
      'coverage of an unknown container',
      () => {
        const s = store();
        s.runs.recordCoverage(beginRun(s, []).runId, eng, { listed: 0, scanned: 0, bytes: 0, skipped: {} });
      },
      /unknown confluence container ENG/,
    ],
  ])('refuses %s', (_name, action, message) => {
    expect(action).toThrow(message);
  });
});
