// Report data built by hand for the renderers' tests: one contributed space by default, overridable per test.
import type { Measure, PlaceRow, ReportData, TopItem } from '../../src/report/model.ts';
import { shortlist } from '../../src/report/shortlist.ts';
import { siteCoverage } from '../../src/score.ts';

export function counts(n: number): Measure['counts'] {
  const row = { low: 0, medium: n, high: 0, critical: 1 };
  return { secret: { ...row }, pii: { ...row }, phi: { ...row } };
}

export function measure(overrides: Partial<Measure> = {}): Measure {
  return {
    score: 81,
    weight: 81,
    band: 'red',
    open: 9,
    suppressed: 1,
    counts: counts(2),
    itemsWithFindings: { secret: 2, pii: 1, phi: 1 },
    density: 0.1,
    ...overrides,
  };
}

export function placeRow(overrides: Partial<PlaceRow> = {}): PlaceRow {
  return {
    product: 'confluence',
    key: 'ENG',
    name: 'Engineering',
    label: 'ENG',
    url: 'https://synthetic.atlassian.net/wiki/spaces/ENG',
    type: 'global',
    siteWide: false,
    state: 'scanned',
    gaps: {},
    reason: null,
    lastScanned: { run: 2, at: '2026-11-28T00:00:00.000Z' },
    stale: false,
    rank: 1,
    measure: measure(),
    coverage: 1,
    listed: 50,
    scanned: 50,
    visibility: 'unknown',
    contribution: { contributed: true, reason: 'standard plan, not excluded' },
    ...overrides,
  };
}

/** A place the token could not read in this run and no earlier run read either. */
export const forbiddenRow = (overrides: Partial<PlaceRow> = {}): PlaceRow =>
  placeRow({
    product: 'jira',
    key: 'FIN',
    name: 'Finance',
    label: 'FIN',
    state: 'not-read',
    gaps: { forbidden: 1 },
    reason: 'not read: 1 forbidden',
    lastScanned: null,
    rank: null,
    measure: null,
    coverage: 0,
    listed: 0,
    scanned: 0,
    ...overrides,
  });

export function topItem(overrides: Partial<TopItem> = {}): TopItem {
  return {
    product: 'confluence',
    containerKey: 'ENG',
    title: 'Runbook',
    url: 'https://synthetic.atlassian.net/wiki/x',
    findings: 3,
    worst: 'critical',
    categories: ['secret'],
    details: [
      {
        field: 'body',
        ruleId: 'aws-access-key-id',
        severity: 'critical',
        preview: 'AKIA••••WXYZ',
        visibility: null,
        url: 'https://synthetic.atlassian.net/wiki/x',
      },
    ],
    ...overrides,
  };
}

export function reportData(overrides: Partial<ReportData> = {}): ReportData {
  const containers = overrides.containers ?? [placeRow()];
  const places = { scanned: 0, 'not-read': 0, excluded: 0, 'never-scanned': 0, listed: containers.length };
  for (const c of containers) places[c.state]++;
  return {
    schemaVersion: 1,
    siteUrl: 'https://synthetic.atlassian.net',
    demo: false,
    generatedAt: '2026-11-29T00:00:00.000Z',
    since: null,
    run: { id: 2, mode: 'full', status: 'complete', started: '2026-11-28T00:00:00.000Z', finished: null },
    site: {
      measure: measure(),
      coverage: siteCoverage(containers.map((c) => ({ read: c.state === 'scanned', coverage: c.coverage }))),
      places,
      listingGaps: {},
      attachmentContents: {},
    },
    shortlist: shortlist('standard', containers),
    trend: [
      { run: 1, started: '2026-11-27T00:00:00.000Z', score: 70 },
      { run: 2, started: '2026-11-28T00:00:00.000Z', score: 81 },
    ],
    topItems: [topItem()],
    ...overrides,
    containers,
  };
}
