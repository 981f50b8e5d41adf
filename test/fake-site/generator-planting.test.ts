import { describe, expect, it } from 'vitest';
import { SENSITIVE_KINDS } from '../../src/synth/sensitive.ts';
import { createSiteContent, DEFAULT_SITE_SPEC } from '../../src/fake-site/generator.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';
import type { Category } from '../../src/types.ts';
import { contentFieldText, issueFieldText } from './generator-text.ts';

const site = createSiteContent({ ...DEFAULT_SITE_SPEC, issues: 4000, pages: 1000 });
const planted = [...site.planted()];
const jira = planted.filter((p) => p.product === 'jira');
const confluence = planted.filter((p) => p.product === 'confluence');

function fieldText(record: PlantedRecord): string {
  if (record.product === 'jira') {
    const where = site.locateIssue(record.item);
    return where ? issueFieldText(site.issue(where.projectKey, where.index), record.field) : '';
  }
  const where = site.locateContent(record.item);
  return where ? contentFieldText(site.content(where.spaceKey, where.type, where.index), record.field) : '';
}

/** Whether a view restriction hides the page or blog post with this id. */
function restricted(id: string): boolean {
  const where = site.locateContent(id)!;
  return site.content(where.spaceKey, where.type, where.index).restricted;
}

const share = (records: readonly PlantedRecord[], test: (r: PlantedRecord) => boolean): number =>
  records.filter(test).length / records.length;

describe('planted values', () => {
  it('are each found verbatim in the field they are recorded for', () => {
    const missing = planted
      .filter((r) => !fieldText(r).includes(r.value))
      .map((r) => `${r.item} ${r.field} ${r.kind}`);
    expect(missing).toEqual([]);
  });

  it('are gone from the current body when planted in an older version only', () => {
    const versioned = confluence.filter((r) => r.field.startsWith('version:'));
    expect(versioned.length).toBeGreaterThan(0);
    for (const r of versioned) expect(fieldText({ ...r, field: 'body' })).not.toContain(r.value);
  });

  it.each([
    ['summary', jira],
    ['description', jira],
    ['environment', jira],
    ['comment:', jira],
    ['worklog:', jira],
    ['customfield_', jira],
    ['title', confluence],
    ['body', confluence],
    ['version:', confluence],
    ['footer-comment:', confluence],
    ['inline-comment:', confluence],
  ])('reach the %s fields', (prefix, records) => {
    expect(records.some((r) => r.field.startsWith(prefix))).toBe(true);
  });

  it('reach blog posts as well as pages, and keep one-line fields short', () => {
    expect(confluence.some((r) => site.locateContent(r.item)?.type === 'blogpost')).toBe(true);
    for (const r of jira.filter((p) => p.field === 'summary'))
      expect(fieldText(r).length).toBeLessThanOrEqual(255);
  });

  it.each(site.projects.map((p) => [p.key, p.issueCount, !p.forbidden] as const))(
    'mark Jira %s records readable=%s',
    (key, _count, readable) => {
      const records = jira.filter((r) => r.container === key);
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((r) => r.readable === readable && r.item.startsWith(`${key}-`))).toBe(true);
    },
  );

  it.each(site.spaces.map((s) => [s.key, !s.forbidden] as const))(
    'mark Confluence %s records readable=%s, unless a view restriction hides their page',
    (key, spaceReadable) => {
      const records = confluence.filter((r) => r.container === key);
      expect(records.length).toBeGreaterThan(0);
      const wrong = records.filter(
        (r) =>
          r.readable !== (spaceReadable && !restricted(r.item)) ||
          site.locateContent(r.item)?.spaceKey !== key,
      );
      expect(wrong.map((r) => `${r.item} ${r.field}`)).toEqual([]);
    },
  );
});

describe('view restrictions', () => {
  const pages = site.spaces.flatMap((space) =>
    Array.from({ length: space.pageCount }, (_, index) => site.content(space.key, 'page', index)),
  );
  const byId = new Map(pages.map((p) => [p.id, p]));

  it('hide a few pages, never a home page, and planted values among them', () => {
    const hidden = pages.filter((p) => p.restricted);
    expect(hidden.length / pages.length).toBeGreaterThan(0.005);
    expect(hidden.length / pages.length).toBeLessThan(0.05);
    expect(hidden.some((p) => p.parentId === null)).toBe(false);
    expect(confluence.some((r) => !r.readable && restricted(r.item))).toBe(true);
  });

  it('are inherited: every page under a restricted page is restricted', () => {
    const leaks = pages.filter(
      (p) => p.parentId !== null && byId.get(p.parentId)?.restricted && !p.restricted,
    );
    expect(leaks.map((p) => p.id)).toEqual([]);
    expect(pages.some((p) => p.restricted && !byId.get(p.parentId ?? '')?.restricted)).toBe(true);
  });
});

describe('planting rate and mix', () => {
  const carrying = (product: PlantedRecord['product'], container: string): number =>
    new Set(planted.filter((r) => r.product === product && r.container === container).map((r) => r.item))
      .size;

  // Item rates count values in attached files too (about one item in ten has files, a few of those carry a value).
  it.each([
    ['ENG', 0.02, 0.07],
    ['OPS', 0.04, 0.11],
    ['SUP', 0.025, 0.08],
    ['HR', 0.015, 0.08],
    ['CLIN', 0.06, 0.15],
    ['FIN', 0.03, 0.12],
  ])('plants values in a realistic share of %s issues (%f..%f)', (key, lo, hi) => {
    const project = site.projects.find((p) => p.key === key);
    const rate = carrying('jira', key) / (project?.issueCount ?? 1);
    expect(rate).toBeGreaterThanOrEqual(lo);
    expect(rate).toBeLessThanOrEqual(hi);
  });

  it('plants values in a few percent of pages and blog posts overall, most content clean', () => {
    const items = site.spaces.reduce((n, s) => n + s.pageCount + s.blogPostCount, 0);
    const rate = new Set(confluence.map((r) => r.item)).size / items;
    expect(rate).toBeGreaterThan(0.03);
    expect(rate).toBeLessThan(0.1);
  });

  it.each<[Category, string[], number]>([
    ['secret', ['ENG', 'OPS'], 0.7],
    ['phi', ['CLIN', 'SUP'], 0.8],
  ])('concentrates %s values in %j (share >= %f)', (category, keys, min) => {
    const ofCategory = planted.filter((r) => r.category === category);
    expect(share(ofCategory, (r) => keys.includes(r.container))).toBeGreaterThanOrEqual(min);
  });

  it.each<[Category, number]>([
    ['secret', 0.25],
    ['pii', 0.25],
    ['phi', 0.12],
  ])('draws at least %s share %f of all planted values', (category, min) => {
    expect(share(planted, (r) => r.category === category)).toBeGreaterThanOrEqual(min);
  });

  it('uses every sensitive kind somewhere in a large site', () => {
    const large = createSiteContent({ ...DEFAULT_SITE_SPEC, issues: 40_000, pages: 10_000 });
    const kinds = new Set(Array.from(large.planted(), (r) => r.kind));
    expect(kinds).toEqual(new Set(SENSITIVE_KINDS.map((k) => k.kind)));
  });
});
