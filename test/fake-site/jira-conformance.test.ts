// Jira endpoints driven through the real jira.js client with strict schema checking: a mismatch throws.
import { createCloudClient, isAuthError, isNotFoundError, isApiError } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { JiraRole } from '../../src/fake-site/site.ts';
import { createFixtureContent } from './fixture-content.ts';

let site: FakeSite;
let jira: ReturnType<typeof createCloudClient>;

beforeAll(async () => {
  site = await startFakeSite({ content: createFixtureContent() });
  jira = createCloudClient({
    host: site.url,
    auth: { type: 'basic', email: site.email, apiToken: site.token },
    onSchemaMismatch: 'throw',
  });
});
afterAll(() => site.stop());

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('jira.js against the fake site', () => {
  it('reads the current user with the user time zone, and server info', async () => {
    const me = await jira.myself.getCurrentUser();
    expect(me.timeZone).toBe('Europe/Berlin');
    expect(me.emailAddress).toBe(site.email);
    const info = await jira.serverInfo.getServerInfo();
    expect(info.deploymentType).toBe('Cloud');
  });

  it('lists fields with schemas, custom fields included', async () => {
    const fields = await jira.issueFields.getFields();
    expect(fields.map((f) => f.id)).toContain('customfield_10042');
    expect(fields.every((f) => typeof f.schema?.type === 'string')).toBe(true);
  });

  it('gets a project by key or id, and 404s for the forbidden and the unknown', async () => {
    expect((await jira.projects.getProject({ projectIdOrKey: 'ENG' })).id).toBe('10000');
    expect((await jira.projects.getProject({ projectIdOrKey: '10001' })).key).toBe('SUP');
    for (const key of ['FIN', 'NOPE']) {
      expect(isNotFoundError(await errorOf(jira.projects.getProject({ projectIdOrKey: key })))).toBe(true);
    }
  });

  it.each([
    [1, 3],
    [2, 2],
    [100, 1],
  ])(
    'pages projects with maxResults %i in %i page(s), to an administrator the unbrowsable one too',
    async (maxResults, pages) => {
      const keys: string[] = [];
      let startAt = 0;
      let requests = 0;
      for (;;) {
        const page = await jira.projects.searchProjects({ startAt, maxResults });
        requests++;
        keys.push(...page.values.map((p) => p.key!));
        if (page.isLast) break;
        startAt += page.values.length;
      }
      expect(keys).toEqual(['ENG', 'SUP', 'FIN']);
      expect(requests).toBe(pages);
    },
  );

  it.each([
    ['project = ENG', 12],
    ['project in (ENG, SUP) ORDER BY key ASC', 15],
    ['project = ENG AND key in (ENG-1, ENG-2)', 2],
    ['project = SUP OR project = ENG AND updated >= -1000d', 15],
  ])('searches %s to the end with POST and small pages', async (jql, expected) => {
    const ids = new Set<string>();
    let nextPageToken: string | undefined;
    do {
      const page = await jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({
        jql,
        maxResults: 5,
        nextPageToken,
        fields: ['summary', 'updated', 'comment'],
      });
      for (const issue of page.issues ?? []) ids.add(issue.id!);
      nextPageToken = page.nextPageToken ?? undefined;
      if (!nextPageToken) expect(page.isLast).toBe(true);
    } while (nextPageToken);
    expect(ids.size).toBe(expected);
  });

  it('can return short non-final pages, which a token loop still reads to the end', async () => {
    const short = await startFakeSite({
      content: createFixtureContent(),
      pageSizes: { jiraShortPages: true },
    });
    const client = createCloudClient({
      host: short.url,
      auth: { type: 'basic', email: short.email, apiToken: short.token },
      onSchemaMismatch: 'throw',
    });
    const sizes: number[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await client.issueSearch.searchAndReconsileIssuesUsingJqlPost({
        jql: 'project = ENG',
        maxResults: 4,
        nextPageToken,
      });
      sizes.push(page.issues!.length);
      nextPageToken = page.nextPageToken ?? undefined;
    } while (nextPageToken);
    await short.stop();
    expect(sizes[0]).toBeLessThan(4);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(12);
  });

  it('returns ids only by default, and the chosen fields otherwise, comments embedded up to 20', async () => {
    const bare = await jira.issueSearch.searchAndReconsileIssuesUsingJql({ jql: 'key = ENG-1' });
    expect(bare.issues).toEqual([{ id: '20000' }]);
    const full = await jira.issueSearch.searchAndReconsileIssuesUsingJql({
      jql: 'key = ENG-1',
      fields: ['*all', '-labels'],
      expand: 'renderedFields,names,schema',
    });
    const fields = full.issues![0]!.fields!;
    expect(fields.labels).toBeUndefined();
    expect(fields.comment.comments).toHaveLength(20);
    expect(fields.comment.total).toBe(45);
    expect(fields.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-0[78]00$/);
    expect(full.issues![0]!.renderedFields!.description).toContain('<p>');
    expect(full.names!.customfield_10042).toBe('Root cause');
    expect(full.schema!.customfield_10042.custom).toContain('textarea');
  });

  it.each([
    ['', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    [
      'ORDER BY updated',
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ],
    ['project = FIN', "The value 'FIN' does not exist for the field 'project'."],
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['project = "unterminated', undefined],
  ])('rejects JQL %j with 400', async (jql, message) => {
    const error = await errorOf(jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql }));
    expect(isApiError(error) && error.status).toBe(400);
    if (message) expect(JSON.stringify((error as { body: unknown }).body)).toContain(message);
  });

  it('counts issues approximately', async () => {
    expect((await jira.issueSearch.countIssues({ jql: 'project = ENG' })).count).toBe(12);
  });

  it('gets one issue with all fields, and 404s for missing and forbidden issues', async () => {
    const issue = await jira.issues.getIssue({ issueIdOrKey: 'ENG-3', expand: 'renderedFields' });
    expect(issue.key).toBe('ENG-3');
    expect(issue.fields!.customfield_10043).toBe('ref-2');
    for (const key of ['ENG-999', 'FIN-1'])
      expect(isNotFoundError(await errorOf(jira.issues.getIssue({ issueIdOrKey: key })))).toBe(true);
  });

  it('bulk-fetches issues and reports the missing ones', async () => {
    const result = await jira.issues.bulkFetchIssues({
      issueIdsOrKeys: ['ENG-1', 'SUP-2', 'FIN-1'],
      fields: ['summary'],
    });
    expect(result.issues!.map((i) => i.key)).toEqual(['ENG-1', 'SUP-2']);
    expect(result.issueErrors).toHaveLength(1);
  });

  it.each([10, 100, 500])(
    'pages comments by offset with maxResults %i (server caps at 100)',
    async (maxResults) => {
      const ids: string[] = [];
      let startAt = 0;
      for (;;) {
        const page = await jira.issueComments.getComments({
          issueIdOrKey: 'ENG-1',
          startAt,
          maxResults,
          expand: 'renderedBody',
        });
        expect(page.maxResults).toBe(Math.min(maxResults, 100));
        ids.push(...page.comments!.map((c) => c.id!));
        startAt += page.comments!.length;
        if (startAt >= page.total! || !page.comments!.length) break;
      }
      expect(new Set(ids).size).toBe(45);
    },
  );

  it('reads one comment, comments by id, and the changelog', async () => {
    const comment = await jira.issueComments.getComment({ issueIdOrKey: 'ENG-1', id: '20000001' });
    expect(comment.created).toBeInstanceOf(Date);
    const list = await jira.issueComments.getCommentsByIds({ ids: [20000001, 20000002] });
    expect(list.values).toHaveLength(2);
    site.admin.updateIssue('ENG-2', { summary: 'renamed' });
    const changes = await jira.issues.getChangeLogs({ issueIdOrKey: 'ENG-2' });
    expect(changes.values![0]!.items![0]).toMatchObject({
      field: 'summary',
      fromString: 'ENG ticket 2',
      toString: 'renamed',
    });
  });

  it('answers the removed search endpoints with 410', async () => {
    for (const path of ['/rest/api/3/search?jql=project%3DENG', '/rest/api/2/search']) {
      const response = await fetch(`${site.url}${path}`, {
        headers: { Authorization: `Bearer ${site.token}` },
      });
      expect(response.status).toBe(410);
      expect(JSON.stringify(await response.json())).toContain('CHANGE-2046');
    }
  });

  it('treats a dead token as 401 on myself and as anonymous on anonymous-capable endpoints', async () => {
    const dead = createCloudClient({
      host: site.url,
      auth: { type: 'basic', email: site.email, apiToken: 'wrong' },
      onSchemaMismatch: 'throw',
    });
    expect(isAuthError(await errorOf(dead.myself.getCurrentUser()))).toBe(true);
    const projects = await dead.projects.searchProjects({});
    expect(projects.total).toBe(0);
    const search = await dead.issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql: 'project = ENG' });
    expect(search.issues).toEqual([]);
    const raw = await fetch(`${site.url}/rest/api/3/project/search`, {
      headers: { Authorization: `Bearer wrong` },
    });
    expect(raw.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    const anonymous = await fetch(`${site.url}/rest/api/3/project/search`);
    expect([anonymous.status, anonymous.headers.get('x-seraph-loginreason')]).toEqual([200, null]);
    expect(((await anonymous.json()) as { total: number }).total).toBe(0);
  });

  it.each([
    ['fields=summary&fields=updated&expand=names', ['summary', 'updated'], true],
    ['fields=summary,updated', ['summary', 'updated'], false],
    ['fields=*navigable,-description', ['summary', 'updated', 'customfield_10042'], false],
  ])('accepts GET search list parameters %s', async (params, present, names) => {
    const response = await fetch(`${site.url}/rest/api/3/search/jql?jql=key%3DENG-1&${params}`, {
      headers: { Authorization: `Bearer ${site.token}` },
    });
    const body = (await response.json()) as {
      issues: Array<{ fields: Record<string, unknown> }>;
      names?: unknown;
    };
    const issue = body.issues[0]!;
    for (const field of present) expect(issue.fields).toHaveProperty(field);
    expect(issue.fields).not.toHaveProperty('description');
    expect(body.names !== undefined).toBe(names);
  });
});

// GET /project/search lists a project where the user has Browse Projects or Administer Projects on it, or
// Administer Jira: an administrator sees the project it cannot browse (and JQL naming it fails, as above),
// a project administrator of other projects and a plain user never do.
describe.each([
  ['admin', ['ENG', 'SUP', 'FIN']],
  ['project-admin', ['ENG', 'SUP']],
  ['user', ['ENG', 'SUP']],
] as const)('project/search for a %s', (jiraRole: JiraRole, expected) => {
  let roleSite: FakeSite;
  beforeAll(async () => {
    roleSite = await startFakeSite({ content: createFixtureContent(), jiraRole });
  });
  afterAll(() => roleSite.stop());

  it(`lists ${expected.join(', ')}, and the unbrowsable project's issues stay unsearchable`, async () => {
    const client = createCloudClient({
      host: roleSite.url,
      auth: { type: 'basic', email: roleSite.email, apiToken: roleSite.token },
      onSchemaMismatch: 'throw',
    });
    const page = await client.projects.searchProjects({ maxResults: 100 });
    expect([page.values.map((p) => p.key), page.total]).toEqual([expected, expected.length]);
    const search = await errorOf(
      client.issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql: 'project = FIN', fields: ['summary'] }),
    );
    expect(isApiError(search) && search.status).toBe(400);
    const all = await client.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql: 'updated >= -10000d',
      fields: ['summary'],
      maxResults: 100,
    });
    expect(all.issues?.some((i) => i.key?.startsWith('FIN-'))).toBe(false);
  });
});
