import { describe, expect, it } from 'vitest';
import { splitCounts } from '../../src/fake-site/content/catalog.ts';
import { createSiteContent, DEFAULT_SITE_SPEC } from '../../src/fake-site/generator.ts';
import type { SiteSpec } from '../../src/fake-site/model.ts';

const spec: SiteSpec = { ...DEFAULT_SITE_SPEC, issues: 600, pages: 200 };
const site = createSiteContent(spec);

describe('site catalogues', () => {
  it.each([
    [100, 50],
    [2000, 400],
    [100_000, 20_000],
  ])('splits %i issues and %i pages exactly over the containers', (issues, pages) => {
    const sized = createSiteContent({ ...spec, issues, pages });
    expect(sized.projects.reduce((n, p) => n + p.issueCount, 0)).toBe(issues);
    expect(sized.spaces.reduce((n, s) => n + s.pageCount, 0)).toBe(pages);
    expect(sized.spaces.reduce((n, s) => n + s.blogPostCount, 0)).toBe(Math.round(pages / 5));
    expect(sized.projects.every((p) => p.issueCount > 0) && sized.spaces.every((s) => s.pageCount > 0)).toBe(
      true,
    );
  });

  it.each([
    [8, [2, 1, 1, 1, 1, 1, 1]],
    [6, [1, 1, 1, 1, 1, 1, 1]],
    [3, [1, 1, 1, 1, 1, 1, 1]],
    [100, [27, 16, 18, 7, 14, 7, 11]],
  ])('splits %i items over seven shares, one item each at least', (total, expected) => {
    expect(splitCounts(total, [0.27, 0.16, 0.18, 0.07, 0.14, 0.07, 0.11], 1)).toEqual(expected);
  });

  it.each([
    ['issues', { issues: -1 }],
    ['pages', { pages: 1.5 }],
    ['seed', { seed: Number.NaN }],
    ['now', { now: 'yesterday' }],
  ])('rejects a spec with a bad %s', (name, bad) => {
    expect(() => createSiteContent({ ...spec, ...bad })).toThrow(new RegExp(`SiteSpec\\.${name}`));
  });

  it('has about 25 users with Atlassian-style account ids', () => {
    expect(site.users.length).toBeGreaterThanOrEqual(20);
    expect(new Set(site.users.map((u) => u.accountId)).size).toBe(site.users.length);
    for (const user of site.users)
      expect(user.accountId).toMatch(
        /^([0-9a-f]{24}|712020:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/,
      );
    expect(site.users.some((u) => u.accountId.startsWith('712020:'))).toBe(true);
  });

  it.each([
    ['project', () => site.projects.filter((p) => p.forbidden).map((p) => p.key), ['FIN']],
    ['space', () => site.spaces.filter((s) => s.forbidden).map((s) => s.key), ['LEGAL']],
    [
      'archived space',
      () => site.spaces.filter((s) => s.status === 'archived').map((s) => s.key),
      ['LEGACY'],
    ],
    [
      'personal space',
      () => site.spaces.filter((s) => s.type === 'personal').map((s) => /^~[0-9a-f]{24}$/.test(s.key)),
      [true],
    ],
    [
      'knowledge base',
      () => site.spaces.filter((s) => s.type === 'knowledge_base').map((s) => s.key),
      ['SUP'],
    ],
    [
      'service desks',
      () => site.projects.filter((p) => p.projectTypeKey === 'service_desk').map((p) => p.key),
      ['SUP', 'CLIN'],
    ],
  ])('has the expected %s', (_label, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it('lists system fields and custom fields of many types, two sharing a display name', () => {
    const custom = site.fields.filter((f) => f.custom);
    for (const f of custom) {
      expect(f.id).toMatch(/^customfield_\d+$/);
      expect(f.schema.customId).toBe(Number(f.id.slice(12)));
    }
    const types = new Set(custom.map((f) => f.schema.custom?.split(':')[1]));
    for (const t of [
      'textarea',
      'textfield',
      'url',
      'readonlyfield',
      'labels',
      'select',
      'multiselect',
      'datepicker',
      'float',
      'userpicker',
      'gh-sprint',
    ])
      expect(types).toContain(t);
    const names = custom.map((f) => f.name);
    expect(names.filter((n) => n === 'Notes')).toHaveLength(2);
    for (const id of [
      'summary',
      'description',
      'environment',
      'labels',
      'comment',
      'status',
      'created',
      'updated',
      'issuetype',
    ]) {
      expect(site.fields.find((f) => f.id === id)?.schema.system).toBe(id);
    }
  });
});

describe('ids and lookups', () => {
  it.each(site.projects.map((p) => [p.key, p.issueCount] as const))(
    'round-trips every issue id and key of %s',
    (key, count) => {
      for (let index = 0; index < count; index++) {
        const issue = site.issue(key, index);
        expect(issue.key).toBe(`${key}-${index + 1}`);
        expect(site.locateIssue(issue.key)).toEqual({ projectKey: key, index });
        expect(site.locateIssue(issue.id)).toEqual({ projectKey: key, index });
      }
    },
  );

  it.each(site.spaces.flatMap((s) => (['page', 'blogpost'] as const).map((type) => [s.key, type] as const)))(
    'round-trips content and comment ids of %s %ss',
    (spaceKey, type) => {
      const space = site.spaces.find((s) => s.key === spaceKey);
      const count = type === 'page' ? space?.pageCount : space?.blogPostCount;
      for (let index = 0; index < (count ?? 0); index++) {
        const record = site.content(spaceKey, type, index);
        expect(site.locateContent(record.id)).toEqual({ spaceKey, type, index });
        const all = [...record.footerComments, ...record.inlineComments];
        for (let c = all.pop(); c; c = all.pop()) {
          expect(site.locateConfluenceComment(c.id)).toEqual({ spaceKey, type, index });
          all.push(...c.replies);
        }
      }
    },
  );

  it.each(['ENG-0', 'ENG-999999', 'NOPE-1', '1', '999000001', 'abc', '', '1e6', '01000001'])(
    'does not locate issue %j',
    (idOrKey) => {
      expect(site.locateIssue(idOrKey)).toBeUndefined();
    },
  );

  it.each(['1', '65536', '99999999999', 'x', '9999999', '19999999', '00010000000'])(
    'does not locate content or comment %j',
    (id) => {
      const firstPage = site.content('ENG', 'page', 0).id;
      expect(site.locateContent(id)).toBeUndefined();
      expect(site.locateConfluenceComment(id)).toBeUndefined();
      expect(site.locateConfluenceComment(`${firstPage}999`)).toBeUndefined();
    },
  );

  it('homepages are page 0 of their space and the root of its tree', () => {
    for (const space of site.spaces) {
      const home = site.content(space.key, 'page', 0);
      expect(home.id).toBe(space.homepageId);
      expect(home.parentId).toBeNull();
    }
  });
});

describe('determinism', () => {
  const twin = createSiteContent(spec);
  const other = createSiteContent({ ...spec, seed: spec.seed + 1 });
  const samples = [
    ['issue', (s: typeof site) => s.issue('ENG', 7)],
    ['issue', (s: typeof site) => s.issue('CLIN', 42)],
    ['page', (s: typeof site) => s.content('OPS', 'page', 9)],
    ['blog post', (s: typeof site) => s.content('SUP', 'blogpost', 3)],
    ['users', (s: typeof site) => s.users],
    ['new comment', (s: typeof site) => s.newComment(5, spec.now)],
    ['new inline comment', (s: typeof site) => s.newConfluenceComment(5, spec.now, 'inline')],
    ['edited ADF', (s: typeof site) => s.editedAdf(3, null)],
    ['edited storage', (s: typeof site) => s.editedStorage(3, '<p>x</p>')],
  ] as const;

  it.each(samples)('same seed gives the same %s, byte for byte', (_label, pick) => {
    expect(pick(twin)).toEqual(pick(site));
    expect(JSON.stringify(pick(twin))).toBe(JSON.stringify(pick(site)));
  });

  it.each(samples)('another seed gives a different %s', (_label, pick) => {
    expect(JSON.stringify(pick(other))).not.toBe(JSON.stringify(pick(site)));
  });

  it('lists the same planted records on every call and on a twin site', () => {
    expect([...site.planted()]).toEqual([...twin.planted()]);
    expect([...site.planted()]).toEqual([...site.planted()]);
  });
});
