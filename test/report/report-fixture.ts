// Report data built by hand for the renderers' tests: one contributed space by default, overridable per test.
import type { ContainerRow, ReportData, TopItem } from '../../src/report/model.ts';

export function counts(n: number): ReportData['site']['counts'] {
  const row = { low: 0, medium: n, high: 0, critical: 1 };
  return { secret: { ...row }, pii: { ...row }, phi: { ...row } };
}

export function containerRow(overrides: Partial<ContainerRow> = {}): ContainerRow {
  return {
    product: 'confluence',
    key: 'ENG',
    name: 'Engineering',
    url: 'https://synthetic.atlassian.net/wiki/spaces/ENG',
    score: 81,
    open: 9,
    suppressed: 1,
    counts: counts(2),
    density: 0.1,
    coverage: 0.98,
    listed: 50,
    scanned: 49,
    skipped: { forbidden: 1 },
    contributed: true,
    contributionReason: 'standard plan, not excluded',
    ...overrides,
  };
}

export function topItem(overrides: Partial<TopItem> = {}): TopItem {
  return {
    product: 'confluence',
    containerKey: 'ENG',
    title: 'Runbook',
    url: 'https://synthetic.atlassian.net/wiki/x',
    findings: 3,
    worst: 'critical',
    categories: ['secret'],
    ...overrides,
  };
}

export function reportData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    siteUrl: 'https://synthetic.atlassian.net',
    generatedAt: '2026-11-29T00:00:00.000Z',
    run: {
      id: 2,
      mode: 'full',
      status: 'complete',
      startedAt: '2026-11-28T00:00:00.000Z',
      finishedAt: null,
      siteGaps: {},
    },
    site: { score: 81, open: 9, suppressed: 1, counts: counts(2), coverage: 0.98, density: 0.1 },
    containers: [containerRow()],
    trend: [
      { runId: 1, startedAt: '2026-11-27T00:00:00.000Z', score: 70 },
      { runId: 2, startedAt: '2026-11-28T00:00:00.000Z', score: 81 },
    ],
    topItems: [topItem()],
    plan: 'standard',
    ...overrides,
  };
}
