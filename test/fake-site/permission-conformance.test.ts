// Who may read each place, driven through jira.js (strict: a schema mismatch throws) and confluence.js (throws on
// any mismatch): a project's permission scheme with its grants, the schemes themselves, a space's permission
// assignments with cursor paging, what a user without the right gets, and the admin route that opens a place.
import { createV2Client, isApiError as isConfluenceApiError } from 'confluence.js';
import { createCloudClient, isApiError } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { JiraRole } from '../../src/fake-site/site.ts';
import { everything, errorOf } from './confluence-paging.ts';
import { createFixtureContent } from './fixture-content.ts';

const sites: FakeSite[] = [];
async function siteOf(jiraRole: JiraRole = 'admin') {
  const site = await startFakeSite({ content: createFixtureContent(), jiraRole });
  sites.push(site);
  const auth = { type: 'basic' as const, email: site.email, apiToken: site.token };
  return {
    site,
    jira: createCloudClient({ host: site.url, auth, onSchemaMismatch: 'throw' }),
    v2: createV2Client({ host: site.url, auth }),
  };
}
afterAll(() => Promise.all(sites.map((s) => s.stop())));

type Grants = Array<{ permission?: string; holder?: { type: string; parameter?: string } }>;
const browsers = (grants: Grants | undefined) =>
  (grants ?? [])
    .filter((g) => g.permission === 'BROWSE_PROJECTS')
    .map((g) => [g.holder?.type, g.holder?.parameter ?? null]);

describe('Jira permission schemes through jira.js', () => {
  let admin: Awaited<ReturnType<typeof siteOf>>;
  beforeAll(async () => (admin = await siteOf('admin')));

  it.each([
    ['ENG', 'public', ['anyone', null]],
    ['SUP', 'logged-in', ['applicationRole', null]],
    ['FIN', 'restricted', ['group', 'support-team']],
  ])('grants Browse Projects in %s (%s) to %j besides its members', async (key, _access, wide) => {
    const scheme = await admin.jira.projectPermissionSchemes.getAssignedPermissionScheme({
      projectKeyOrId: key,
      expand: 'permissions',
    });
    expect(browsers(scheme.permissions as Grants)).toEqual([['projectRole', '10002'], wide]);
    expect(scheme.self).toBe(`${admin.site.url}/rest/api/3/permissionscheme/${scheme.id}`);
  });

  it('sends the grants only when an expand value is given, as the reference says', async () => {
    const bare = await admin.jira.projectPermissionSchemes.getAssignedPermissionScheme({
      projectKeyOrId: 'ENG',
    });
    expect(bare.permissions).toBeUndefined();
    const scheme = await admin.jira.permissionSchemes.getPermissionScheme({
      schemeId: bare.id!,
      expand: 'permissions',
    });
    expect([scheme.name, browsers(scheme.permissions as Grants)]).toEqual([
      bare.name,
      [
        ['projectRole', '10002'],
        ['anyone', null],
      ],
    ]);
  });

  it.each([
    ['a plain user, on any project', 'user' as const, 'ENG', 403],
    ['a project administrator, on a project it does not run', 'project-admin' as const, 'SUP', 403],
    ['a plain user, on a project it cannot browse', 'user' as const, 'FIN', 404],
    ['an administrator, on a project that does not exist', 'admin' as const, 'NOPE', 404],
  ])('refuses %s', async (_who, role, key, status) => {
    const { jira } = role === 'admin' ? admin : await siteOf(role);
    const error = await errorOf(
      jira.projectPermissionSchemes.getAssignedPermissionScheme({
        projectKeyOrId: key,
        expand: 'permissions',
      }),
    );
    expect(isApiError(error) && error.status).toBe(status);
  });

  it('lets a project administrator read the scheme of the project it runs', async () => {
    const { jira } = await siteOf('project-admin');
    const scheme = await jira.projectPermissionSchemes.getAssignedPermissionScheme({
      projectKeyOrId: 'ENG',
      expand: 'permissions',
    });
    expect(browsers(scheme.permissions as Grants)).toContainEqual(['anyone', null]);
  });
});

describe('Confluence space permissions through confluence.js', () => {
  let admin: Awaited<ReturnType<typeof siteOf>>;
  beforeAll(async () => (admin = await siteOf()));

  const readers = async (id: number, limit: number) => {
    const all = await everything((cursor) =>
      admin.v2.spacePermissions.getSpacePermissionsAssignments({ id, cursor, limit }),
    );
    const read = all.items.filter((a) => a.operation?.key === 'read' && a.operation.targetType === 'space');
    return {
      readers: read.map((a) => [a.principal?.type, a.principal?.type === 'role' ? a.principal.id : '']),
      pages: all.pages,
    };
  };

  it.each([
    [2, 3],
    [250, 1],
  ])('pages the assignments of a public space %i at a time in %i page(s)', async (limit, pages) => {
    expect(await readers(65538, limit)).toEqual({
      readers: [
        ['user', ''],
        ['group', ''],
        ['role', 'anonymous-users'],
      ],
      pages,
    });
  });

  it('names only users and groups as readers of a restricted space', async () => {
    expect((await readers(65540, 250)).readers).toEqual([
      ['user', ''],
      ['group', ''],
    ]);
  });

  it('answers 404 for a space the API user may not view', async () => {
    const error = await errorOf(admin.v2.spacePermissions.getSpacePermissionsAssignments({ id: 65541 }));
    expect(isConfluenceApiError(error) && error.status).toBe(404);
  });
});

describe('the admin route that opens or closes a place', () => {
  it.each([
    ['space', 'OLD', 'logged-in', 200],
    ['project', 'SUP', 'public', 200],
    ['space', 'NOPE', 'public', 404],
    ['project', 'SUP', 'everyone', 400],
  ])('PUT /__admin/%ss/%s/access %s answers %i', async (what, key, access, status) => {
    const { site } = await siteOf();
    const response = await fetch(`${site.url}/__admin/${what}s/${key}/access`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ access }),
    });
    expect(response.status).toBe(status);
  });

  it('shows the change on the next permission read', async () => {
    const { site, v2, jira } = await siteOf();
    site.admin.setAccess('space', 'OLD', 'logged-in');
    site.admin.setAccess('project', 'ENG', 'restricted');
    const space = await v2.spacePermissions.getSpacePermissionsAssignments({ id: 65540, limit: 250 });
    expect(space.results?.map((a) => a.principal?.id)).toContain('all-licensed-users');
    const scheme = await jira.projectPermissionSchemes.getAssignedPermissionScheme({
      projectKeyOrId: 'ENG',
      expand: 'permissions',
    });
    expect(browsers(scheme.permissions as Grants)).toContainEqual(['group', 'support-team']);
  });
});
