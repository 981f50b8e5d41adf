// Who may see each place, as the crawl reads it: one permission read per place in scope on a full run, none on an
// incremental run within a week of the last read, `unknown` (and one line saying why) where the token may not read
// permissions, and an admin change seen by the next full run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownVisibilityLine } from '../../src/crawl/place-visibility.ts';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { JiraRole } from '../../src/fake-site/site.ts';
import { crawl, TruthScanner } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const SPEC = { seed: 3, issues: 120, pages: 40, now: '2026-01-15T12:00:00.000Z' };
const RESTRICTED_SPACES = ['HR', 'CLIN', 'LEGACY', 'OPS'];

function visibilityOf(sink: MemorySink, product: 'jira' | 'confluence') {
  return Object.fromEntries([...sink.placeVisibility(product)].map(([key, v]) => [key, v.visibility]));
}

describe.each([
  [
    'admin',
    { read: 6, unknown: 0 },
    { ENG: 'logged-in', SUP: 'public', FIN: 'restricted', HR: 'restricted' },
  ],
  ['user', { read: 5, unknown: 5 }, { ENG: 'unknown', SUP: 'unknown', HR: 'unknown' }],
] as const)('a full crawl by a Jira %s', (jiraRole: JiraRole, jiraTally, projects) => {
  let site: FakeSite;
  let sink: MemorySink;
  let result: Awaited<ReturnType<typeof crawl>>;
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC), jiraRole });
    sink = new MemorySink();
    result = await crawl(site, sink, new TruthScanner([]));
  });
  afterAll(() => site.stop());

  it('reads one permission answer per place in scope', () => {
    expect(result.permissions).toEqual({ jira: jiraTally, confluence: { read: 7, unknown: 0 } });
    const stats = site.stats().byRoute;
    expect(stats['/rest/api/3/project/{projectKeyOrId}/permissionscheme']).toBe(jiraTally.read);
    expect(stats['/wiki/api/v2/spaces/{id}/permissions']).toBe(7);
  });

  it('records each project and space as its permissions say, unknown where they could not be read', () => {
    expect(visibilityOf(sink, 'jira')).toMatchObject(projects);
    const spaces = visibilityOf(sink, 'confluence');
    expect(spaces).toMatchObject({ ENG: 'logged-in', SUP: 'public' });
    for (const key of RESTRICTED_SPACES) expect(spaces[key]).toBe('restricted');
    expect(spaces).not.toHaveProperty('LEGAL');
  });

  it('leaves the crawl complete: visibility is no content, so unreadable permissions are no coverage gap', () => {
    const gaps = result.coverage.filter((c) => !c.complete).map((c) => c.containerKey);
    expect(gaps.filter((key) => key !== 'site-config')).toEqual(jiraRole === 'admin' ? ['FIN'] : []);
  });
});

describe('when permissions are read again', () => {
  let site: FakeSite;
  const sink = new MemorySink();
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
    await crawl(site, sink, new TruthScanner([]));
  });
  afterAll(() => site.stop());

  it('skips them on an incremental run within a week of the last read', async () => {
    const result = await crawl(site, sink, new TruthScanner([]), { mode: 'incremental' });
    expect(result.permissions).toEqual({
      jira: { read: 0, unknown: 0 },
      confluence: { read: 0, unknown: 0 },
    });
  });

  it('reads them on an incremental run once the last read is a week old', async () => {
    const weekAgo = new Date(Date.now() - 7 * 86_400_000 - 1000).toISOString();
    for (const [key, seen] of sink.visibility) sink.visibility.set(key, { ...seen, readAt: weekAgo });
    const result = await crawl(site, sink, new TruthScanner([]), { mode: 'incremental' });
    expect(result.permissions?.confluence).toEqual({ read: 7, unknown: 0 });
  });

  it('sees a space opened to anonymous users on the next full run', async () => {
    site.admin.setAccess('space', 'HR', 'public');
    site.admin.setAccess('project', 'SUP', 'restricted');
    await crawl(site, sink, new TruthScanner([]));
    expect(visibilityOf(sink, 'confluence').HR).toBe('public');
    expect(visibilityOf(sink, 'jira').SUP).toBe('restricted');
  });
});

describe('unknownVisibilityLine', () => {
  it.each([
    [{}, undefined],
    [{ jira: { read: 6, unknown: 0 } }, undefined],
    [
      { jira: { read: 5, unknown: 5 } },
      "visibility unknown for 5 Jira projects (reading a project's permission scheme needs Administer Jira or " +
        'Administer Projects)',
    ],
    [
      { jira: { read: 1, unknown: 1 }, confluence: { read: 7, unknown: 2 } },
      "visibility unknown for 1 Jira project (reading a project's permission scheme needs Administer Jira or " +
        "Administer Projects), 2 Confluence spaces (reading a space's permissions needs view permission on the space)",
    ],
  ])('says %j as %j', (tallies, line) => {
    expect(unknownVisibilityLine(tallies)).toBe(line);
  });
});
