// The HTML report's wording where a reader could be misled: unread places, partial coverage, same keys in
// both products. Parsed with linkedom (the browser test covers rendering and isolation).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.ts';
import type { ReportData } from '../../src/report/model.ts';
import { containerRow, reportData, topItem } from './report-fixture.ts';

const zero = { low: 0, medium: 0, high: 0, critical: 0 };
const noFindings = { secret: { ...zero }, pii: { ...zero }, phi: { ...zero } };
const forbidden = containerRow({
  product: 'jira',
  key: 'FIN',
  name: 'Finance',
  score: 0,
  open: 0,
  counts: noFindings,
  density: null,
  coverage: null,
  listed: 0,
  scanned: 0,
  skipped: { forbidden: 1 },
});
const empty = containerRow({ ...forbidden, key: 'NEW', name: 'New project', skipped: {} });
const complete = containerRow({ skipped: {}, listed: 50, scanned: 50, coverage: 1 });

type Page = ReturnType<typeof parseHTML>['document'];
function render(data: ReportData): Page {
  return parseHTML(renderHtml(data)).document;
}
const rowOf = (doc: Page, key: string) =>
  [...doc.querySelectorAll('#containers tbody tr')].find((tr) => tr.children[1]?.textContent === key);
const scoreOf = (doc: Page, key: string) => rowOf(doc, key)?.children[3]?.textContent;
const coverageCard = (doc: Page) =>
  [...doc.querySelectorAll('#summary .card')].find((c) => c.textContent?.startsWith('Coverage'));

describe('HTML report wording', () => {
  it('says "not read" instead of a score for a place the token could not read, and 0 for an empty one', () => {
    const doc = render(reportData({ containers: [complete, forbidden, empty] }));
    expect(scoreOf(doc, 'FIN')).toBe('not read');
    expect(scoreOf(doc, 'NEW')).toBe('0');
    expect(scoreOf(doc, 'ENG')).toBe('81');
    expect(doc.querySelector('#score-chart')?.textContent).toContain('FIN (jira) · not read');
    expect(doc.querySelector('#score-chart')?.textContent).not.toContain('NEW (jira) · not read');
  });

  it.each([
    [[complete], null],
    [[complete, forbidden], '1 place not fully read'],
    [[containerRow(), forbidden], '2 places not fully read'],
  ])('the coverage card counts the places with gaps (%#)', (containers, note) => {
    const card = coverageCard(render(reportData({ containers })));
    expect(card?.querySelector('b')?.textContent).toBe('98.0%');
    expect(card?.querySelector('small')?.textContent ?? null).toBe(note);
  });

  it('lists the site-wide listings a run could not read, and the coverage card says so', () => {
    const run = {
      ...reportData().run,
      siteGaps: { jira: { error: 1 }, confluence: { timeout: 2, forbidden: 0 } },
    };
    const doc = render(reportData({ run, containers: [complete] }));
    const lines = [...doc.querySelectorAll('#site-gaps li')].map((li) => li.textContent);
    expect(lines).toEqual([
      'jira site-wide listings: not read: 1 error',
      'confluence site-wide listings: not read: 2 timeout',
    ]);
    expect(coverageCard(doc)?.querySelector('small')?.textContent).toBe('site-wide listings not read');
    expect(render(reportData({ containers: [complete] })).querySelector('#site-gaps')).toBeNull();
  });

  it('names the product beside the key where a Jira project and a space share it', () => {
    const doc = render(
      reportData({
        containers: [complete, containerRow({ product: 'jira', key: 'ENG', name: 'Engineering board' })],
        topItems: [topItem(), topItem({ product: 'jira', title: 'ENG-1 Rotate key' })],
      }),
    );
    const where = [...doc.querySelectorAll('#top-items tbody tr')].map((tr) => tr.children[0]?.textContent);
    expect(where).toEqual(['ENG (confluence)', 'ENG (jira)']);
    const excluded = [...doc.querySelectorAll('#exclude-first li a')].map((a) => a.textContent);
    expect(excluded).toEqual(['ENG (confluence) — Engineering', 'ENG (jira) — Engineering board']);
  });
});
