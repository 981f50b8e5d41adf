// A scoped token against the fake site, through the real jira.js (strict schema checks) and confluence.js (which
// throws on any mismatch): the site URL refuses it, every call exposure makes works through the gateway prefixes,
// and a withheld scope answers the real scope-mismatch 401 that both clients map to ScopeError.
import * as confluence from 'confluence.js';
import * as jira from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRANT } from '../../src/fake-site/scopes.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { createFixtureContent } from './fixture-content.ts';

const ENG_SPACE = 65538;
const FIRST_PAGE = 100000;

function clients(site: FakeSite, host: { jira: string; confluence: string }) {
  const auth = { type: 'basic' as const, email: site.email, apiToken: site.token };
  return {
    jira: jira.createCloudClient({ host: host.jira, auth, onSchemaMismatch: 'throw' }),
    v2: confluence.createV2Client({ host: host.confluence, auth }),
    v1: confluence.createV1Client({ host: host.confluence, auth }),
  };
}

const throughGateway = (site: FakeSite) =>
  clients(site, {
    jira: `${site.gatewayUrl}/ex/jira/${site.cloudId}`,
    confluence: `${site.gatewayUrl}/ex/confluence/${site.cloudId}`,
  });

type Clients = ReturnType<typeof clients>;

/** Every call the crawler makes, by the scope it needs from the default grant. */
const CALLS: Array<[string, string, (c: Clients) => Promise<unknown>]> = [
  ['myself', 'read:jira-user', (c) => c.jira.myself.getCurrentUser()],
  ['fields', 'read:jira-work', (c) => c.jira.issueFields.getFields()],
  ['projects', 'read:jira-work', (c) => c.jira.projects.searchProjects({ maxResults: 100 })],
  [
    'issue search',
    'read:jira-work',
    (c) =>
      c.jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql: 'project = ENG', fields: ['summary'] }),
  ],
  ['issue count', 'read:jira-work', (c) => c.jira.issueSearch.countIssues({ jql: 'project = ENG' })],
  ['comments', 'read:jira-work', (c) => c.jira.issueComments.getComments({ issueIdOrKey: 'ENG-1' })],
  [
    'permissions',
    'read:jira-work',
    (c) => c.jira.permissions.getMyPermissions({ permissions: 'ADMINISTER' }),
  ],
  [
    'workflows',
    'read:workflow:jira',
    (c) => c.jira.workflows.searchWorkflows({ expand: 'values.transitions' }),
  ],
  ['current user', 'read:confluence-user', (c) => c.v1.users.getCurrentUser()],
  ['spaces', 'read:space:confluence', (c) => c.v2.space.getSpaces({ limit: 250 })],
  [
    'pages',
    'read:page:confluence',
    (c) => c.v2.page.getPagesInSpace({ id: ENG_SPACE, bodyFormat: 'storage' }),
  ],
  ['blog posts', 'read:page:confluence', (c) => c.v2.blogPost.getBlogPostsInSpace({ id: ENG_SPACE })],
  ['trash', 'read:page:confluence', (c) => c.v2.page.getPages({ status: ['trashed'] })],
  ['versions', 'read:page:confluence', (c) => c.v2.version.getPageVersions({ id: FIRST_PAGE + 2 })],
  ['footer comments', 'read:comment:confluence', (c) => c.v2.comment.getFooterComments({ limit: 250 })],
  ['inline comments', 'read:comment:confluence', (c) => c.v2.comment.getInlineComments({ limit: 250 })],
  ['CQL search', 'search:confluence', (c) => c.v1.search.searchByCQL({ cql: 'space = ENG', limit: 1 })],
];

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

const isScopeError = (e: unknown) => jira.isScopeError(e) || confluence.isScopeError(e);
const isAuthError = (e: unknown) => jira.isAuthError(e) || confluence.isAuthError(e);

let site: FakeSite;
beforeAll(async () => {
  site = await startFakeSite({ content: createFixtureContent(), tokenKind: 'scoped' });
});
afterAll(() => site.stop());

describe('a scoped token', () => {
  it('has a gateway on another origin than the site', () => {
    expect(new URL(site.gatewayUrl).origin).not.toBe(new URL(site.url).origin);
  });

  it.each(CALLS)('works through the gateway: %s', async (_name, _scope, call) => {
    await expect(call(throughGateway(site))).resolves.toBeDefined();
  });

  it.each(CALLS.filter(([name]) => ['myself', 'spaces', 'current user'].includes(name)))(
    'is refused by the site URL: %s',
    async (_name, _scope, call) => {
      const atSite = clients(site, { jira: site.url, confluence: site.url });
      expect(isAuthError(await errorOf(call(atSite)))).toBe(true);
    },
  );

  it.each([
    ['a wrong cloud id', '/ex/jira/00000000-0000-4000-8000-0000000000ff/rest/api/3/myself', 404],
    ['Jira paths under the Confluence prefix', '/ex/confluence/{id}/rest/api/3/myself', 404],
    ['Confluence paths under the Jira prefix', '/ex/jira/{id}/wiki/api/v2/spaces', 404],
    ['a bare API path', '/rest/api/3/myself', 404],
  ])('gets 404 at the gateway for %s', async (_name, path, status) => {
    const url = `${site.gatewayUrl}${path.replace('{id}', site.cloudId)}`;
    const auth = `Basic ${Buffer.from(`${site.email}:${site.token}`).toString('base64')}`;
    expect((await fetch(url, { headers: { Authorization: auth } })).status).toBe(status);
  });

  it('serves nothing anonymously at the gateway, and tenant_info only on the site', async () => {
    const myself = await fetch(`${site.gatewayUrl}/ex/jira/${site.cloudId}/rest/api/3/field`);
    expect(myself.status).toBe(401);
    expect(await (await fetch(`${site.url}/_edge/tenant_info`)).json()).toEqual({ cloudId: site.cloudId });
    expect((await fetch(`${site.gatewayUrl}/_edge/tenant_info`)).status).toBe(404);
  });
});

describe.each(DEFAULT_GRANT)('a scoped token without %s', (withheld) => {
  let partial: FakeSite;
  beforeAll(async () => {
    const scopes = DEFAULT_GRANT.filter((scope) => scope !== withheld);
    partial = await startFakeSite({ content: createFixtureContent(), tokenKind: 'scoped', scopes });
  });
  afterAll(() => partial.stop());

  it.each(CALLS)(
    '%s (needs %s): a ScopeError exactly when that scope is withheld',
    async (_n, scope, call) => {
      const result = call(throughGateway(partial));
      if (scope === withheld) expect(isScopeError(await errorOf(result))).toBe(true);
      else await expect(result).resolves.toBeDefined();
    },
  );
});

describe('granular alternatives', () => {
  it.each([
    ['myself', ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira']],
    ['workflows', ['manage:jira-configuration']],
  ])('%s works with %j instead', async (name, scopes) => {
    const other = await startFakeSite({ content: createFixtureContent(), tokenKind: 'scoped', scopes });
    try {
      const [, , call] = CALLS.find(([n]) => n === name)!;
      await expect(call(throughGateway(other))).resolves.toBeDefined();
    } finally {
      await other.stop();
    }
  });
});
