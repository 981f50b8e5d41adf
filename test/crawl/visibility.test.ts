// What the token could see: the projects and spaces listed to it and whether it administers each product, by the
// API user's roles on the fake site. A plain user is never shown the project it cannot browse, so no trace of it
// is stored and no gap names it; an administrator is, and the crawl reports it as a gap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibilityLine } from '../../src/crawl/visibility.ts';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { ConfluenceRole, JiraRole } from '../../src/fake-site/site.ts';
import { crawl, TruthScanner } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const SPEC = { seed: 3, issues: 120, pages: 40, now: '2026-01-15T12:00:00.000Z' };

describe.each([
  ['admin', 'admin', 6, true, true, [['jira', 'FIN']]],
  ['user', 'user', 5, false, false, []],
  ['project-admin', 'admin', 5, false, true, []],
] as const)(
  'a crawl by a Jira %s and Confluence %s',
  (jiraRole: JiraRole, confluenceRole: ConfluenceRole, projects, jiraAdmin, confluenceAdmin, gaps) => {
    let site: FakeSite;
    let sink: MemorySink;
    let result: Awaited<ReturnType<typeof crawl>>;
    beforeAll(async () => {
      site = await startFakeSite({ content: createSiteContent(SPEC), jiraRole, confluenceRole });
      sink = new MemorySink();
      result = await crawl(site, sink, new TruthScanner([]));
    });
    afterAll(() => site.stop());

    it(`sees ${projects} projects and 7 spaces, and says which products it administers`, () => {
      expect(result.visibility).toEqual({
        jira: { containers: projects, admin: jiraAdmin },
        confluence: { containers: 7, admin: confluenceAdmin },
      });
    });

    it('reports as gaps only the projects it was shown but could not browse', () => {
      const incomplete = result.coverage
        .filter((c) => !c.complete && c.containerKey !== 'site-config')
        .map((c) => [c.product, c.containerKey]);
      expect(incomplete).toEqual(gaps);
      const stored = [...sink.containers.values()].map((c) => c.key);
      expect(stored.includes('FIN')).toBe(gaps.length > 0);
      expect(stored).not.toContain('LEGAL');
    });
  },
);

describe('visibilityLine', () => {
  it.each([
    [{}, undefined],
    [{ jira: { containers: 1, admin: true } }, 'visible to this token: 1 Jira project (Jira administrator)'],
    [
      { jira: { containers: 6, admin: false }, confluence: { containers: 7, admin: undefined } },
      'visible to this token: 6 Jira projects (not a Jira administrator), 7 Confluence spaces (Confluence administrator: unknown)',
    ],
  ])('says %j as %j', (visibility, line) => {
    expect(visibilityLine(visibility)).toBe(line);
  });
});
