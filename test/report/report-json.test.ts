// `report --json` is the report model as docs/report.schema.json describes it: the model built from a store and
// every variant of a place validate, and the schema refuses what it must (a number without its measure, an
// unknown state or visibility, a field it does not name).
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/model.ts';
import { buildReportData } from '../../src/report/report-data.ts';
import { beginRun, container, item, sampleKey, scanned, tempStore } from '../store/helpers.ts';
import { forbiddenRow, placeRow, reportData, topItem } from './report-fixture.ts';
import { schemaErrors } from './report-schema.ts';

/** A run that reads ENG, finds FIN forbidden, and leaves OPS out after an earlier run read it. */
function storeReport(): ReportData {
  const { store } = tempStore();
  const places = [container('ENG'), container('OPS'), container('FIN', 'jira')];
  const coverage = { listed: 1, scanned: 1, bytes: 1, skipped: {} };
  const first = beginRun(store, places).runId;
  store.scans.record(first, [scanned(item('OPS', '2'), sampleKey())]);
  store.runs.recordCoverage(first, { product: 'confluence', key: 'OPS' }, coverage);
  store.runs.finish(first, 'complete');
  store.scores.compute(first);
  const { runId: second, siteId } = beginRun(store, places);
  const readAt = '2026-10-01T00:00:00.000Z';
  store.containers.recordVisibility(siteId, 'confluence', [{ key: 'ENG', visibility: 'public', readAt }]);
  store.containers.recordVisibility(siteId, 'jira', [{ key: 'FIN', visibility: 'restricted', readAt }]);
  store.scans.record(second, [scanned(item('ENG', '1'), sampleKey())]);
  store.runs.recordCoverage(second, { product: 'confluence', key: 'ENG' }, coverage);
  store.runs.recordCoverage(second, { product: 'confluence', key: 'OPS' }, coverage, true);
  store.runs.recordCoverage(
    second,
    { product: 'jira', key: 'FIN' },
    { ...coverage, listed: 0, scanned: 0, skipped: { forbidden: 1 } },
  );
  store.runs.finish(second, 'partial');
  store.scores.compute(second);
  return JSON.parse(JSON.stringify(buildReportData(store, { plan: 'standard', excluded: [] }))) as ReportData;
}

describe('report --json schema', () => {
  it('describes the report built from a store: read, forbidden and left-out places, with their visibility', () => {
    const data = storeReport();
    expect(schemaErrors(data)).toEqual([]);
    expect(data.containers.map((c) => [c.key, c.state, c.stale, c.measure === null, c.visibility])).toEqual([
      ['ENG', 'scanned', false, false, 'public'],
      ['OPS', 'excluded', true, false, 'unknown'],
      ['FIN', 'not-read', false, true, 'restricted'],
    ]);
    expect(data.site.coverage).toBeCloseTo(1 / 3, 10);
  });

  it.each<[string, ReportData]>([
    ['one place read', reportData()],
    [
      'a forbidden place and a demo site',
      reportData({ containers: [placeRow(), forbiddenRow()], demo: true }),
    ],
    ...(['public', 'logged-in', 'restricted', 'unknown'] as const).map((visibility): [string, ReportData] => [
      `a ${visibility} place`,
      reportData({ containers: [placeRow({ visibility })] }),
    ]),
    [
      'the site configuration',
      reportData({ containers: [placeRow({ key: 'site-config', product: 'jira', siteWide: true })] }),
    ],
    [
      'a public service desk reply among the top items',
      reportData({
        topItems: [
          topItem({
            product: 'jira',
            details: [
              {
                field: 'comment',
                ruleId: 'us-ssn',
                severity: 'high',
                preview: '•••-••-6789',
                visibility: 'public',
                url: 'https://synthetic.atlassian.net/browse/HR-7?focusedCommentId=10001',
              },
            ],
          }),
        ],
      }),
    ],
    [
      'a plan that contributes nothing',
      { ...reportData(), shortlist: { ...reportData().shortlist, plan: 'premium', note: 'x' } },
    ],
  ])('validates %s', (_name, data) => {
    expect(schemaErrors(JSON.parse(JSON.stringify(data)))).toEqual([]);
  });

  it.each<[string, (data: ReportData) => unknown, RegExp]>([
    [
      'an unknown state',
      (d) => ({ ...d, containers: [{ ...d.containers[0], state: 'clean' }] }),
      /containers\/0\/state/,
    ],
    [
      'a visibility outside the four',
      (d) => ({ ...d, containers: [{ ...d.containers[0], visibility: 'open' }] }),
      /visibility/,
    ],
    [
      'a score without its measure',
      (d) => ({ ...d, containers: [{ ...d.containers[0], score: 3 }] }),
      /additional/,
    ],
    [
      'a comment visibility outside the three',
      (d) => ({
        ...d,
        topItems: [topItem({ details: [{ ...topItem().details[0]!, visibility: 'customer' as never }] })],
      }),
      /topItems\/0\/details\/0\/visibility/,
    ],
    [
      'a detail without its visibility',
      (d) => ({
        ...d,
        topItems: [topItem({ details: [{ ...topItem().details[0]!, visibility: undefined as never }] })],
      }),
      /visibility/,
    ],
    ['coverage above 100 %', (d) => ({ ...d, site: { ...d.site, coverage: 1.01 } }), /coverage/],
    ['a run without its mode', (d) => ({ ...d, run: { ...d.run, mode: undefined } }), /run/],
  ])('refuses %s', (_name, change, error) => {
    expect(schemaErrors(change(JSON.parse(JSON.stringify(reportData())) as ReportData)).join('\n')).toMatch(
      error,
    );
  });
});
