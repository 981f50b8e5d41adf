// Service desk comments and worklogs of the generated site, driven through the real jira.js client with strict
// schema checking (a mismatch throws), and the lists search results embed checked against jira.js's own schemas.
// SUP-1 is the service desk's showcase request: a public reply, an internal note, a role-restricted note, and more
// worklogs than a search result embeds.
import { createCloudClient } from 'jira.js';
import { PageOfCommentsSchema, PageOfWorklogsSchema } from 'jira.js/cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';

let site: FakeSite;
let jira: ReturnType<typeof createCloudClient>;

beforeAll(async () => {
  const content = createSiteContent({ seed: 5, issues: 120, pages: 10, now: '2026-06-01T00:00:00.000Z' });
  site = await startFakeSite({ content });
  jira = createCloudClient({
    host: site.url,
    auth: { type: 'basic', email: site.email, apiToken: site.token },
    onSchemaMismatch: 'throw',
  });
});
afterAll(() => site.stop());

async function searchFields(jql: string): Promise<Array<Record<string, unknown>>> {
  const page = await jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({
    jql,
    maxResults: 100,
    fields: ['project', 'comment', 'worklog'],
  });
  return (page.issues ?? []).map((issue) => issue.fields as Record<string, unknown>);
}

describe('service desk comments and worklogs through jira.js', () => {
  it('embeds comments and worklogs in search results in the shapes jira.js describes', async () => {
    const issues = [...(await searchFields('project = SUP')), ...(await searchFields('project = ENG'))];
    expect(issues.length).toBeGreaterThan(20);
    for (const fields of issues) {
      PageOfCommentsSchema.parse(fields.comment);
      PageOfWorklogsSchema.parse(fields.worklog);
    }
    const worklogs = issues.map((f) => PageOfWorklogsSchema.parse(f.worklog));
    expect(worklogs.some((w) => (w.worklogs ?? []).some((entry) => entry.comment !== undefined))).toBe(true);
  });

  it.each([
    [0, { jsdPublic: true, visibility: undefined }],
    [1, { jsdPublic: false, visibility: undefined }],
    [2, { jsdPublic: false, visibility: 'role' }],
  ])('marks SUP-1 comment %i as the service desk wrote it', async (index, expected) => {
    const [fields] = await searchFields('key = SUP-1');
    const project = fields!.project as { projectTypeKey?: string };
    expect(project.projectTypeKey).toBe('service_desk');
    const embedded = PageOfCommentsSchema.parse(fields!.comment).comments![index]!;
    const paged = await jira.issueComments.getComments({ issueIdOrKey: 'SUP-1', maxResults: 100 });
    for (const comment of [embedded, paged.comments![index]!]) {
      expect({ jsdPublic: comment.jsdPublic, visibility: comment.visibility?.type }).toEqual(expected);
    }
  });

  it('says jsdPublic true on every comment of a project that is no service desk', async () => {
    const comments = (await searchFields('project = ENG')).flatMap(
      (fields) => PageOfCommentsSchema.parse(fields.comment).comments ?? [],
    );
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.every((c) => c.jsdPublic === true && c.visibility === undefined)).toBe(true);
  });

  it.each([5, 10, 100])(
    'pages the worklogs the search could not embed, %i at a time, in the embedded order',
    async (maxResults) => {
      const [fields] = await searchFields('key = SUP-1');
      const embedded = PageOfWorklogsSchema.parse(fields!.worklog);
      expect(embedded.worklogs).toHaveLength(20);
      expect(embedded.total).toBeGreaterThan(20);
      const ids: string[] = [];
      for (let startAt = 0; ;) {
        const page = await jira.issueWorklogs.getIssueWorklog({ issueIdOrKey: 'SUP-1', startAt, maxResults });
        ids.push(...page.worklogs!.map((w) => w.id!));
        startAt += page.worklogs!.length;
        if (page.worklogs!.length === 0 || startAt >= page.total!) break;
      }
      expect(ids).toHaveLength(embedded.total!);
      expect(ids.slice(0, 20)).toEqual(embedded.worklogs!.map((w) => w.id));
    },
  );

  it('answers 404 for the worklogs of an issue in a project the token cannot browse', async () => {
    await expect(jira.issueWorklogs.getIssueWorklog({ issueIdOrKey: 'FIN-1' })).rejects.toThrow();
  });
});
