// The approximate counts behind the progress bars. Jira refuses a query naming a project the token can list but
// not browse, so its count must leave such projects out rather than give no estimate at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSources } from '../../src/crawl/clients.ts';
import { createSiteContent, DEFAULT_SITE_SPEC } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { silentLogger } from '../../src/log.ts';

const content = createSiteContent({ ...DEFAULT_SITE_SPEC, issues: 120, pages: 10 });
const readable = content.projects.filter((p) => !p.forbidden);
const forbidden = content.projects.filter((p) => p.forbidden);
let site: FakeSite;
let sources: ReturnType<typeof createSources>;

beforeAll(async () => {
  site = await startFakeSite({ content });
  sources = createSources({ site: site.url, email: site.email, apiToken: site.token }, 1e6, silentLogger);
});
afterAll(() => site.stop());

const issuesIn = (projects: typeof readable) => projects.reduce((n, p) => n + p.issueCount, 0);

describe('JiraSource.count', () => {
  it('the demo site has both kinds of project', () => {
    expect(readable.length).toBeGreaterThan(1);
    expect(forbidden.length).toBeGreaterThan(0);
  });

  it('counts the readable projects', async () => {
    expect(await sources.jira.count(readable.map((p) => p.key))).toBe(issuesIn(readable));
  });

  it('leaves out projects Jira refuses to search, wherever they stand in the list', async () => {
    const keys = [forbidden[0]!.key, ...readable.map((p) => p.key), ...forbidden.map((p) => p.key)];
    expect(await sources.jira.count(keys)).toBe(issuesIn(readable));
  });

  it('is 0 when every project is refused, and undefined for an unknown failure', async () => {
    expect(await sources.jira.count(forbidden.map((p) => p.key))).toBe(0);
    site.admin.setFaults({ rules: [{ status: 500, probability: 1 }] });
    try {
      expect(await sources.jira.count(readable.map((p) => p.key))).toBeUndefined();
    } finally {
      site.admin.setFaults({});
    }
  });
});

describe('ConfluenceSource.count', () => {
  const readableSpaces = content.spaces.filter((s) => !s.forbidden);

  it('counts the current pages and blog posts of the readable spaces, with forbidden spaces named too', async () => {
    // Search sees current content only: archived and draft pages are left out.
    let pages = 0;
    for (const space of readableSpaces) {
      for (const [type, count] of [
        ['page', space.pageCount],
        ['blogpost', space.blogPostCount],
      ] as const)
        for (let i = 0; i < count; i++) if (content.content(space.key, type, i).status === 'current') pages++;
    }
    expect(pages).toBeGreaterThan(0);
    const keys = content.spaces.map((s) => s.key);
    expect(await sources.confluence.count(keys)).toBe(pages);
    expect(await sources.confluence.count([])).toBe(0);
  });
});
