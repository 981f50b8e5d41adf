// The workflow search driven through the real jira.js client with strict schema checking (a mismatch throws), and
// the admin renames of the site's own texts as the API then shows them.
import { createCloudClient, isApiError } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { JiraRole } from '../../src/fake-site/site.ts';
import { createFixtureContent, FIXTURE_WORKFLOW_SECRET } from './fixture-content.ts';

type Client = ReturnType<typeof createCloudClient>;
const sites: FakeSite[] = [];

async function clientOf(jiraRole: JiraRole): Promise<{ site: FakeSite; jira: Client }> {
  const site = await startFakeSite({ content: createFixtureContent(), jiraRole });
  sites.push(site);
  const auth = { type: 'basic' as const, email: site.email, apiToken: site.token };
  return { site, jira: createCloudClient({ host: site.url, auth, onSchemaMismatch: 'throw' }) };
}

let admin: { site: FakeSite; jira: Client };
beforeAll(async () => {
  admin = await clientOf('admin');
});
afterAll(() => Promise.all(sites.map((s) => s.stop())));

describe('workflow search through jira.js', () => {
  it.each([
    [1, 3],
    [2, 2],
    [200, 1],
  ])(
    'pages the workflows with maxResults %i in %i page(s), statuses beside them',
    async (maxResults, pages) => {
      const names: string[] = [];
      const statuses = new Set<string>();
      let requests = 0;
      for (let startAt = 0; ;) {
        const page = await admin.jira.workflows.searchWorkflows({ startAt, maxResults });
        requests++;
        names.push(...page.values!.map((w) => w.name!));
        for (const s of page.statuses ?? []) statuses.add(`${s.id}:${s.name}:${s.statusCategory}`);
        startAt += page.values!.length;
        if (page.isLast) break;
      }
      expect(names).toEqual(['Approval flow', 'Bug flow', 'ENG team flow']);
      expect([...statuses].sort()).toEqual(['10001:Done:DONE', '1:Open:TODO']);
      expect(requests).toBe(pages);
    },
  );

  it('returns descriptions, scopes and status references, and filters by name and project', async () => {
    const page = await admin.jira.workflows.searchWorkflows({ queryString: 'approval' });
    expect(page.values!.map((w) => [w.name, w.description, w.scope?.type])).toEqual([
      ['Approval flow', `approver bot key ${FIXTURE_WORKFLOW_SECRET}`, 'GLOBAL'],
    ]);
    expect(page.values![0]!.statuses!.map((s) => s.statusReference)).toEqual(['1', '10001']);
    const team = await admin.jira.workflows.searchWorkflows({ projectId: 10000 });
    expect(team.values!.map((w) => [w.name, w.scope?.type, w.scope?.project?.id])).toEqual([
      ['ENG team flow', 'PROJECT', '10000'],
    ]);
  });

  it('adds each workflow its transitions only with expand=values.transitions', async () => {
    const plain = await admin.jira.workflows.searchWorkflows({ queryString: 'bug' });
    expect(plain.values![0]!.transitions).toBeUndefined();
    const page = await admin.jira.workflows.searchWorkflows({
      queryString: 'bug',
      expand: 'values.transitions',
    });
    const transitions = page.values![0]!.transitions!;
    expect(transitions.map((t) => [t.id, t.type, t.name, t.description, t.toStatusReference])).toEqual([
      ['1', 'INITIAL', 'Create', '', '1'],
      ['11', 'DIRECTED', 'Fix', 'Fixture transition 0', '10001'],
    ]);
    expect(transitions.map((t) => t.links?.map((l) => l.fromStatusReference))).toEqual([[], ['1']]);
  });

  it('lists only the team-managed workflows to a project administrator', async () => {
    const { jira } = await clientOf('project-admin');
    const page = await jira.workflows.searchWorkflows({});
    expect(page.values!.map((w) => [w.name, w.scope?.type])).toEqual([['ENG team flow', 'PROJECT']]);
  });

  it.each([
    ['admin', true],
    ['project-admin', false],
    ['user', false],
  ] as const)('tells a %s whether they have the Administer Jira permission: %s', async (role, have) => {
    const { jira } = await clientOf(role);
    const mine = await jira.permissions.getMyPermissions({ permissions: 'ADMINISTER' });
    expect(mine.permissions?.ADMINISTER).toMatchObject({
      key: 'ADMINISTER',
      type: 'GLOBAL',
      havePermission: have,
    });
  });

  it('answers 403 to an API user who administers nothing', async () => {
    const { jira } = await clientOf('user');
    const error = await jira.workflows.searchWorkflows({}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isApiError(error) && error.status).toBe(403);
  });
});

describe('admin renames of the site texts', () => {
  it.each([
    ['project', 'SUP', { name: 'Support renamed', description: 'new words' }],
    ['field', 'customfield_10043', { name: 'External ref renamed' }],
    ['workflow', '0b6f1c2e-1a2b-4c3d-8e4f-000000000000', { name: 'Bug flow renamed', description: 'redone' }],
  ] as const)('renames a %s, as the API then lists it', async (what, key, change) => {
    const { site, jira } = await clientOf('admin');
    expect(site.admin.rename(what, key, change)).toBe(true);
    const listed =
      what === 'project'
        ? (await jira.projects.searchProjects({ expand: 'description' })).values
        : what === 'field'
          ? await jira.issueFields.getFields()
          : (await jira.workflows.searchWorkflows({})).values!;
    const record = (listed as Array<{ id?: string; key?: string }>).find(
      (r) => r.key === key || r.id === key,
    );
    expect(record).toMatchObject(change);
    expect(site.admin.rename(what, 'NOPE', change)).toBe(false);
  });

  it('puts values planted by a rename in the truth while the text holds them, readable as the place is', async () => {
    const { site } = await clientOf('user');
    const planted = [
      { field: 'name', category: 'secret' as const, kind: 'aws-access-key-id', value: 'AKIAB7' },
    ];
    site.admin.rename('project', 'FIN', { name: 'Finance AKIAB7', planted });
    site.admin.rename('space', 'ENG', {
      description: 'Eng AKIAB7',
      planted: [{ ...planted[0]!, field: 'description' }],
    });
    const truth = () =>
      site.admin
        .truth()
        .planted.filter((p) => p.value === 'AKIAB7' || p.container === '')
        .map((p) => [p.product, p.container, p.item, p.field, p.readable]);
    expect(truth()).toEqual([
      ['jira', '', '0b6f1c2e-1a2b-4c3d-8e4f-000000000001', 'workflow-description', false],
      ['jira', 'FIN', 'FIN', 'name', false],
      ['confluence', 'ENG', 'ENG', 'description', true],
    ]);
    site.admin.rename('project', 'FIN', { name: 'Finance' });
    expect(truth().some(([, , item]) => item === 'FIN')).toBe(false);
  });
});
