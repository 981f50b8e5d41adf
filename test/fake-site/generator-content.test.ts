import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainMacro } from '../../src/fake-site/content/storage-builder.ts';
import { createSiteContent, DEFAULT_SITE_SPEC } from '../../src/fake-site/generator.ts';
import type { ContentRecord, IssueRecord } from '../../src/fake-site/model.ts';
import { adfTypes, parseStorage } from './generator-text.ts';

const site = createSiteContent(DEFAULT_SITE_SPEC);
const now = Date.parse(DEFAULT_SITE_SPEC.now);
const issues: IssueRecord[] = site.projects.flatMap((p) =>
  Array.from({ length: p.issueCount }, (_, i) => site.issue(p.key, i)),
);
const contents: ContentRecord[] = site.spaces.flatMap((s) => [
  ...Array.from({ length: s.pageCount }, (_, i) => site.content(s.key, 'page', i)),
  ...Array.from({ length: s.blogPostCount }, (_, i) => site.content(s.key, 'blogpost', i)),
]);
const ms = (iso: string): number => Date.parse(iso);

describe('Jira issues of a default-size site', () => {
  const adfTypesSeen = new Set<string>();
  for (const issue of issues) {
    for (const doc of [issue.description, issue.environment, ...issue.comments.map((c) => c.body)])
      if (doc) adfTypes(doc, adfTypesSeen);
    for (const value of Object.values(issue.customFields))
      if ((value as { type?: string }).type === 'doc') adfTypes(value as never, adfTypesSeen);
  }
  const marks = new Set(
    JSON.stringify(issues.map((i) => i.description)).match(/"type":"(link|strong|code)"/g),
  );

  it.each([
    'doc',
    'paragraph',
    'text',
    'heading',
    'bulletList',
    'orderedList',
    'listItem',
    'codeBlock',
    'panel',
    'expand',
    'table',
    'tableRow',
    'tableHeader',
    'tableCell',
    'mention',
    'inlineCard',
    'blockCard',
    'status',
    'date',
    'emoji',
    'hardBreak',
    'extension',
    'mediaSingle',
    'media',
    'blockquote',
    'rule',
    'taskList',
    'taskItem',
    'decisionList',
    'decisionItem',
    'nestedExpand',
    'embedCard',
    'mediaGroup',
    'mediaInline',
    'caption',
    'placeholder',
    'layoutSection',
    'layoutColumn',
    'bodiedExtension',
    'inlineExtension',
  ])('uses ADF node %s somewhere', (type) => {
    expect(adfTypesSeen).toContain(type);
  });

  it('uses link, strong and code marks', () => {
    expect(marks.size).toBe(3);
  });

  it('keeps every instant in order: created <= comments <= updated < now, within two years', () => {
    for (const issue of issues) {
      expect(ms(issue.created)).toBeGreaterThan(now - 2 * 366 * 86_400_000);
      expect(ms(issue.updated)).toBeGreaterThanOrEqual(ms(issue.created));
      expect(ms(issue.updated)).toBeLessThan(now);
      for (const c of issue.comments) {
        expect(ms(c.created)).toBeGreaterThanOrEqual(ms(issue.created));
        expect(ms(c.updated)).toBeLessThanOrEqual(ms(issue.updated));
        expect(ms(c.updated)).toBeGreaterThanOrEqual(ms(c.created));
      }
    }
  });

  it('has mostly short threads and a few longer than one page of comments', () => {
    const counts = issues.map((i) => i.comments.length);
    expect(counts.filter((n) => n > 100).length).toBeGreaterThan(0);
    expect(counts.filter((n) => n <= 10).length / counts.length).toBeGreaterThan(0.97);
    expect(new Set(issues.flatMap((i) => i.comments.map((c) => c.id))).size).toBe(
      counts.reduce((a, b) => a + b, 0),
    );
  });

  it('varies statuses, issue types and fills custom fields by type', () => {
    expect(new Set(issues.map((i) => i.status.category))).toEqual(new Set(['new', 'indeterminate', 'done']));
    expect(new Set(issues.map((i) => i.issueType.name)).size).toBeGreaterThan(8);
    const values = issues.flatMap((i) => Object.entries(i.customFields));
    const byId = (id: string) => values.filter(([k]) => k === id).map(([, v]) => v);
    expect(byId('customfield_10020').every((v) => (v as { type: string }).type === 'doc')).toBe(true);
    expect(byId('customfield_10030').every((v) => typeof v === 'string')).toBe(true);
    expect(byId('customfield_10040').every((v) => typeof (v as { value: unknown }).value === 'string')).toBe(
      true,
    );
    expect(byId('customfield_10042').every((v) => /^\d{4}-\d\d-\d\d$/.test(v as string))).toBe(true);
  });
});

describe('Confluence content of a default-size site', () => {
  const parsed = contents.map((c) => ({ record: c, parts: parseStorage(c.body) }));
  const tags = new Set(parsed.flatMap((p) => [...p.parts.tags]));

  it.each([
    'ac:structured-macro',
    'ac:plain-text-body',
    'ac:rich-text-body',
    'ac:parameter',
    'table',
    'th',
    'td',
    'ac:task-list',
    'ac:task-body',
    'ri:user',
    'ac:link',
    'ri:page',
    'ri:url',
    'ri:attachment',
    'ac:plain-text-link-body',
    'ac:image',
    'ac:inline-comment-marker',
    'ac:emoticon',
    'time',
    'h2',
  ])('uses storage element %s somewhere', (tag) => {
    expect(tags).toContain(tag);
  });

  it('nests an info macro inside an expand macro and leaves named entities in the source', () => {
    expect(
      contents.some((c) =>
        /ac:name="expand"[^]*?<ac:rich-text-body><ac:structured-macro ac:name="info"/.test(c.body),
      ),
    ).toBe(true);
    expect(contents.some((c) => c.body.includes('&rsquo;'))).toBe(true);
    expect(parsed.some((p) => p.parts.text.includes('\u2019'))).toBe(true);
  });

  it('keeps code macro CDATA intact, including <, >, & and a split ]]>', () => {
    const cdata = parsed.flatMap((p) => p.parts.cdata);
    expect(cdata.some((c) => c.includes(']]>') && c.includes('<done/>') && c.includes('&&'))).toBe(true);
  });

  it('round-trips any text through a CDATA macro body', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (body) => {
        expect(parseStorage(plainMacro('code', 'id', body)).cdata.join('')).toBe(body);
      }),
      { numRuns: 300 },
    );
  });

  it('builds page trees whose parents come earlier in the same space', () => {
    for (const c of contents.filter((r) => r.type === 'page' && r.parentId !== null)) {
      const parent = site.locateContent(c.parentId as string);
      expect(parent?.spaceKey).toBe(c.spaceKey);
      expect(parent?.type).toBe('page');
      expect(Number(c.parentId)).toBeLessThan(Number(c.id));
    }
    expect(contents.filter((c) => c.type === 'blogpost').every((c) => c.parentId === null)).toBe(true);
  });

  it('has archived and draft pages, several versions per page, and ordered version times', () => {
    const statuses = contents.map((c) => c.status);
    expect(statuses.filter((s) => s === 'archived').length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 'draft').length).toBeGreaterThan(0);
    expect(contents.filter((c) => c.versions.length >= 3).length).toBeGreaterThan(contents.length / 10);
    for (const c of contents) {
      expect(c.versions.map((v) => v.number)).toEqual(c.versions.map((_, i) => i + 1));
      expect(c.version.number).toBe(c.versions.length);
      expect(c.body).toBe(c.versions[c.versions.length - 1]?.body);
      const times = c.versions.map((v) => ms(v.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBe(ms(c.createdAt));
      expect(Math.max(...times)).toBeLessThan(now);
    }
  });

  it('keeps every instant in order: space < content <= comments and replies < now', () => {
    const after = (list: ContentRecord['footerComments'], from: number): void => {
      for (const c of list) {
        expect(ms(c.createdAt)).toBeGreaterThanOrEqual(from);
        expect(ms(c.createdAt)).toBeLessThan(now);
        after(c.replies, ms(c.createdAt));
      }
    };
    for (const c of contents) {
      const space = site.spaces.find((s) => s.key === c.spaceKey);
      expect(ms(c.createdAt)).toBeGreaterThan(ms(space?.createdAt ?? ''));
      after(c.footerComments, ms(c.createdAt));
      after(c.inlineComments, ms(c.createdAt));
    }
  });

  it('has footer comments with nested replies, long threads, and inline comments anchored by markers', () => {
    const depth = (list: ContentRecord['footerComments']): number =>
      list.length === 0 ? 0 : 1 + Math.max(...list.map((c) => depth(c.replies)));
    expect(Math.max(...contents.map((c) => depth(c.footerComments)))).toBe(3);
    expect(contents.some((c) => c.footerComments.length > 25)).toBe(true);
    const inline = contents.flatMap((c) => c.inlineComments.map((i) => ({ c, i })));
    expect(new Set(inline.map(({ i }) => i.resolutionStatus))).toEqual(
      new Set(['open', 'resolved', 'reopened', 'dangling']),
    );
    for (const { c, i } of inline) {
      const anchored = c.body.includes(`ac:ref="${i.markerRef}"`);
      expect(anchored).toBe(i.resolutionStatus !== 'dangling');
      expect(i.originalSelection).toBeTruthy();
    }
  });
});
