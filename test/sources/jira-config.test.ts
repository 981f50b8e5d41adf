// JiraConfig against the fake site: custom field names linked to their admin pages, and workflow and status
// texts paged to the end (pages of two here), in one item each of the site configuration container.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSources } from '../../src/crawl/clients.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { silentLogger } from '../../src/log.ts';
import { CONFIG_KEY } from '../../src/sources/jira-config.ts';
import { createFixtureContent, FIXTURE_WORKFLOW_SECRET } from '../fake-site/fixture-content.ts';

let site: FakeSite;
let sources: ReturnType<typeof createSources>;

beforeAll(async () => {
  site = await startFakeSite({ content: createFixtureContent(), pageSizes: { jiraWorkflows: 2 } });
  sources = createSources({ site: site.url, email: site.email, apiToken: site.token }, 1e6, silentLogger);
});
afterAll(() => site.stop());

describe('JiraConfig', () => {
  it('names every custom field, text or not, each linked to its admin page by numeric id', async () => {
    const { customFields, textFields } = await sources.jira.config.fieldCatalogue();
    const item = sources.jira.config.fieldsItem(customFields);
    expect(item.item).toMatchObject({ containerKey: CONFIG_KEY, id: 'config:fields', kind: 'project' });
    expect(item.docs.map((d) => [d.field, d.fieldId, d.text, d.url.slice(site.url.length)])).toEqual([
      [
        'field-name',
        'customfield_10042',
        'Root cause',
        '/secure/admin/EditCustomField!default.jspa?id=10042',
      ],
      [
        'field-name',
        'customfield_10043',
        'External ref',
        '/secure/admin/EditCustomField!default.jspa?id=10043',
      ],
    ]);
    expect(textFields.map((f) => f.id)).toEqual(['customfield_10042', 'customfield_10043']);
  });

  it('pages workflows to the end with their transitions, then the statuses they use, every text linked to the workflow list', async () => {
    site.admin.resetStats();
    const { item, complete } = await sources.jira.config.workflows();
    expect(complete).toBe(true);
    expect(site.admin.stats().byRoute['/rest/api/3/workflows/search']).toBe(2);
    const [approval, bug, team] = ['1', '0', '2'].map((n) => `0b6f1c2e-1a2b-4c3d-8e4f-00000000000${n}`);
    expect(item.docs.map((d) => [d.field, d.fieldId, d.text])).toEqual([
      ['workflow-name', approval, 'Approval flow'],
      ['workflow-description', approval, `approver bot key ${FIXTURE_WORKFLOW_SECRET}`],
      ['transition-name', `${approval}/1`, 'Create'],
      ['transition-name', `${approval}/11`, 'Finish'],
      ['transition-description', `${approval}/11`, 'Fixture transition 1'],
      ['workflow-name', bug, 'Bug flow'],
      ['workflow-description', bug, 'Fixture workflow 0'],
      ['transition-name', `${bug}/1`, 'Create'],
      ['transition-name', `${bug}/11`, 'Fix'],
      ['transition-description', `${bug}/11`, 'Fixture transition 0'],
      ['workflow-name', team, 'ENG team flow'],
      ['workflow-description', team, 'Fixture workflow 2'],
      ['transition-name', `${team}/1`, 'Create'],
      ['transition-name', `${team}/11`, 'Finish'],
      ['transition-description', `${team}/11`, 'Fixture transition 2'],
      ['status-name', '1', 'Open'],
      ['status-description', '1', 'Not started.'],
      ['status-name', '10001', 'Done'],
      ['status-description', '10001', 'Finished.'],
    ]);
    const links = new Set(item.docs.map((d) => d.url.slice(site.url.length)));
    expect([...links]).toEqual(['/secure/admin/workflows/ListWorkflows.jspa']);
  });

  it('lets a 403 through for the crawler to record as a gap', async () => {
    const other = await startFakeSite({ content: createFixtureContent(), jiraRole: 'user' });
    const { jira } = createSources(
      { site: other.url, email: other.email, apiToken: other.token },
      1e6,
      silentLogger,
    );
    const error = await jira.config.workflows().then(
      () => undefined,
      (e: unknown) => e as { status?: number },
    );
    await other.stop();
    expect(error?.status).toBe(403);
  });
});
