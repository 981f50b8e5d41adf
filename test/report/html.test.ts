// The HTML report's wording where a reader could be misled: unread places, partial coverage, same keys in
// both products, the site configuration's own advice, demo links. Parsed with linkedom (the browser test covers
// rendering, sizes and isolation).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.ts';
import type { ReportData } from '../../src/report/model.ts';
import type { TopItem } from '../../src/report/model.ts';
import { forbiddenRow, measure, placeRow, reportData, topItem } from './report-fixture.ts';

const zero = { low: 0, medium: 0, high: 0, critical: 0 };
const clean = measure({
  score: 0,
  weight: 0,
  band: 'green',
  open: 0,
  counts: { secret: zero, pii: zero, phi: zero },
});
const empty = placeRow({
  product: 'jira',
  key: 'NEW',
  label: 'NEW',
  name: 'New project',
  rank: 2,
  measure: clean,
});
const stale = placeRow({
  key: 'OLD',
  label: 'OLD',
  state: 'excluded',
  stale: true,
  rank: 3,
  measure: measure({ score: 12.5, weight: 12.5 }),
  lastScanned: { run: 1, at: '2026-11-01T00:00:00.000Z' },
  reason: "left out by this run's options; findings as of 2026-11-01 (run 1)",
  coverage: null,
});

type Page = ReturnType<typeof parseHTML>['document'];
function render(data: ReportData): Page {
  return parseHTML(renderHtml(data)).document;
}
const rowOf = (doc: Page, key: string) =>
  [...doc.querySelectorAll('#containers tbody tr')].find((tr) => tr.children[2]?.textContent === key);
const scoreCell = (doc: Page, key: string) => rowOf(doc, key)?.children[5];
const coverageCard = (doc: Page) => doc.querySelector('#coverage-card');

describe('HTML report wording', () => {
  it.each([
    ['a place the token could not read', 'not read', forbiddenRow(), 'na'],
    ['a place never scanned', 'never scanned', forbiddenRow({ state: 'never-scanned', key: 'FIN' }), 'na'],
    ['an empty place that was read', '0.0', empty, 'green'],
    ['a place read in this run', '81.0', placeRow(), 'red'],
    ['a place left out, with its last findings', '12.5 (stale)', stale, 'stale'],
  ])('%s shows %j', (_name, text, row, cls) => {
    const doc = render(reportData({ containers: [row] }));
    expect(scoreCell(doc, row.label)?.textContent).toBe(text);
    expect(scoreCell(doc, row.label)?.className).toContain(cls);
  });

  it('labels the chart bars with their values and unread places with their state', () => {
    const chart = render(reportData({ containers: [placeRow(), empty, forbiddenRow()] })).querySelector(
      '#score-chart',
    )?.textContent;
    expect(chart).toContain('81.0');
    expect(chart).toContain('not read');
  });

  it.each([
    [[placeRow()], '100.0%', null],
    [[placeRow(), forbiddenRow()], '50.0%', '1 not read'],
    [[placeRow(), stale, forbiddenRow()], '33.3%', '1 not read; 1 left out by options'],
  ])('the coverage card counts unread places as gaps (%#)', (containers, shown, note) => {
    const card = coverageCard(render(reportData({ containers })));
    expect(card?.querySelector('b')?.textContent).toBe(shown);
    expect(card?.querySelector('small')?.textContent ?? null).toBe(note);
  });

  it('lists the site-wide listings a run could not read, and the coverage card says so', () => {
    const base = reportData();
    const site = {
      ...base.site,
      listingGaps: { jira: { error: 1 }, confluence: { timeout: 2, forbidden: 0 } },
    };
    const doc = render({ ...base, site });
    const lines = [...doc.querySelectorAll('#site-gaps li')].map((li) => li.textContent);
    expect(lines).toEqual([
      'jira site-wide listings: not read: 1 error',
      'confluence site-wide listings: not read: 2 timeout',
    ]);
    expect(coverageCard(doc)?.querySelector('small')?.textContent).toBe('site-wide listings not read');
    expect(render(reportData()).querySelector('#site-gaps')).toBeNull();
  });

  it('names the product beside the key where a Jira project and a space share it', () => {
    const doc = render(
      reportData({
        containers: [placeRow(), placeRow({ product: 'jira', name: 'Engineering board', rank: 2 })],
        topItems: [topItem(), topItem({ product: 'jira', title: 'ENG-1 Rotate key' })],
      }),
    );
    const where = [...doc.querySelectorAll('#top-items tbody tr')].map((tr) => tr.children[0]?.textContent);
    expect(where).toEqual(['ENG (confluence)', 'ENG (jira)']);
    const excluded = [...doc.querySelectorAll('#exclude-first li a')].map((a) => a.textContent);
    expect(excluded).toEqual(['ENG (confluence) — Engineering', 'ENG (jira) — Engineering board']);
  });

  it('keeps the site configuration out of the per-space list and gives it its own advice', () => {
    const config = placeRow({
      product: 'jira',
      key: 'site-config',
      label: 'site-config',
      siteWide: true,
      rank: 1,
    });
    const doc = render(reportData({ containers: [config, placeRow({ rank: 2 })] }));
    expect([...doc.querySelectorAll('#exclude-first li')].map((li) => li.textContent)).toEqual([
      expect.stringContaining('ENG (confluence)'),
    ]);
    expect(doc.querySelector('#site-configuration')?.textContent).toMatch(
      /whole organisation: rename or clean/,
    );
  });

  it('says the links of a demo report lead to a site that stops with the demo, and lists items inline', () => {
    const doc = render(reportData({ demo: true }));
    expect(doc.querySelector('#demo-note')?.textContent).toMatch(/stops\s+with the demo/);
    expect(doc.querySelector('#top-items details li')?.textContent).toBe(
      'critical aws-access-key-id in body: AKIA••••WXYZ',
    );
    expect(render(reportData()).querySelector('#demo-note')).toBeNull();
  });

  it.each([
    ['public', 'high us-ssn in comment (public reply, the customer sees it): •••-••-6789', true],
    ['internal', 'high us-ssn in comment (internal note): •••-••-6789', false],
    ['restricted', 'high us-ssn in comment (restricted to a role or group): •••-••-6789', false],
    [null, 'high us-ssn in comment: •••-••-6789', false],
  ] as const)('says who reads a comment listed under the top items: %s', (visibility, text, highlighted) => {
    const detail: TopItem['details'][number] = {
      field: 'comment',
      ruleId: 'us-ssn',
      severity: 'high',
      preview: '•••-••-6789',
      visibility,
      url: 'https://synthetic.atlassian.net/browse/HR-7?focusedCommentId=10001',
    };
    const doc = render(reportData({ topItems: [topItem({ details: [detail] })] }));
    const line = doc.querySelector('#top-items details li');
    expect(line?.textContent).toBe(text);
    expect(line?.querySelector('.public') !== null).toBe(highlighted);
    expect(line?.querySelector('a')).toBeNull(); // a comment is reached from the item's link
  });

  it('links a finding in an attached file to that file, by id', () => {
    const file = 'https://synthetic.atlassian.net/rest/api/3/attachment/content/10042';
    const detail: TopItem['details'][number] = {
      field: 'attachment-content',
      ruleId: 'aws-access-key-id',
      severity: 'critical',
      preview: 'AKIA••••WXYZ',
      visibility: null,
      url: file,
    };
    const doc = render(reportData({ topItems: [topItem({ details: [detail] })] }));
    const line = doc.querySelector('#top-items details li');
    expect(line?.textContent).toBe('critical aws-access-key-id in attachment-content: AKIA••••WXYZ the file');
    expect(line?.querySelector('a')?.getAttribute('href')).toBe(file);
  });
});
