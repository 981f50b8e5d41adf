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

  it('pages workflows to the end and adds the statuses they use, every text linked to the workflow list', async () => {
    site.admin.resetStats();
    const { item, complete } = await sources.jira.config.workflows();
    expect(complete).toBe(true);
    expect(site.admin.stats().byRoute['/rest/api/3/workflows/search']).toBe(2);
    expect(item.docs.map((d) => [d.field, d.text])).toEqual([
      ['workflow-name', 'Approval flow'],
      ['workflow-description', `approver bot key ${FIXTURE_WORKFLOW_SECRET}`],
      ['workflow-name', 'Bug flow'],
      ['workflow-description', 'Fixture workflow 0'],
      ['workflow-name', 'ENG team flow'],
      ['workflow-description', 'Fixture workflow 2'],
      ['status-name', 'Open'],
      ['status-description', 'Not started.'],
      ['status-name', 'Done'],
      ['status-description', 'Finished.'],
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
