// The whole generated site crawled end to end through the strict clients: every readable issue, page, blog post
// and comment comes back exactly once, with zero schema mismatches, and two runs answer byte for byte the same.
import { createV1Client, createV2Client } from 'confluence.js';
import { createCloudClient } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent, DEFAULT_SITE_SPEC } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';

const SPEC = { ...DEFAULT_SITE_SPEC, seed: 5, issues: 300, pages: 60 };
const content = createSiteContent(SPEC);
let site: FakeSite;
let jira: ReturnType<typeof createCloudClient>;
let v2: ReturnType<typeof createV2Client>;

beforeAll(async () => {
  site = await startFakeSite({ spec: SPEC });
  jira = createCloudClient({
    host: site.url,
    auth: { type: 'basic', email: site.email, apiToken: site.token },
    onSchemaMismatch: 'throw',
  });
  v2 = createV2Client({ host: site.url, auth: { type: 'basic', email: site.email, apiToken: site.token } });
});
afterAll(() => site.stop());

function cursorOf(next: string | undefined): string | undefined {
  return next ? (new URL(next, site.url).searchParams.get('cursor') ?? undefined) : undefined;
}

describe('the generated site through the real clients', () => {
  it('returns every readable issue once, with all fields and rendered fields', async () => {
    const readable = content.projects.filter((p) => !p.forbidden);
    const seen = new Set<string>();
    for (const project of readable) {
      let token: string | undefined;
      do {
        const page = await jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({
          jql: `project = ${project.key} ORDER BY updated ASC, key ASC`,
          fields: ['*all'],
          expand: 'renderedFields,names,schema',
          maxResults: 40,
          nextPageToken: token,
        });
        for (const issue of page.issues ?? []) seen.add(issue.key!);
        token = page.nextPageToken ?? undefined;
      } while (token);
    }
    expect(seen.size).toBe(readable.reduce((sum, p) => sum + p.issueCount, 0));
  });

  it('pages every comment of the issue with the most comments', async () => {
    const project = content.projects.find((p) => !p.forbidden)!;
    let busiest = content.issue(project.key, 0);
    for (let i = 1; i < project.issueCount; i++) {
      const issue = content.issue(project.key, i);
      if (issue.comments.length > busiest.comments.length) busiest = issue;
    }
    let startAt = 0;
    const ids = new Set<string>();
    for (;;) {
      const page = await jira.issueComments.getComments({
        issueIdOrKey: busiest.key,
        startAt,
        maxResults: 50,
        expand: 'renderedBody',
      });
      page.comments!.forEach((c) => ids.add(c.id!));
      startAt += page.comments!.length;
      if (startAt >= page.total! || page.comments!.length === 0) break;
    }
    expect(ids.size).toBe(busiest.comments.length);
  });

  it.each(['storage', 'atlas_doc_format'] as const)(
    'returns every listed page and blog post once with %s bodies',
    async (bodyFormat) => {
      let expected = 0;
      const seen = new Set<string>();
      for (const space of content.spaces.filter((s) => !s.forbidden)) {
        for (const type of ['page', 'blogpost'] as const) {
          const count = type === 'page' ? space.pageCount : space.blogPostCount;
          for (let i = 0; i < count; i++) {
            const status = content.content(space.key, type, i).status;
            if (status === 'current' || (type === 'page' && status === 'archived')) expected++;
          }
          let cursor: string | undefined;
          do {
            const page: { results?: Array<{ id?: string; body?: unknown }>; _links?: { next?: string } } =
              type === 'page'
                ? await v2.page.getPagesInSpace({ id: Number(space.id), bodyFormat, limit: 13, cursor })
                : await v2.blogPost.getBlogPostsInSpace({
                    id: Number(space.id),
                    bodyFormat,
                    limit: 13,
                    cursor,
                  });
            for (const item of page.results ?? []) seen.add(item.id!);
            cursor = cursorOf(page._links?.next);
          } while (cursor);
        }
      }
      expect(seen.size).toBe(expected);
    },
  );

  it('returns every comment and reply of listed content through the site-wide listings', async () => {
    type Tree = Array<{ replies: Tree }>;
    const size = (list: Tree): number => list.reduce((sum, c) => sum + 1 + size(c.replies), 0);
    const expected = { footer: 0, inline: 0 };
    for (const space of content.spaces.filter((s) => !s.forbidden)) {
      for (const type of ['page', 'blogpost'] as const) {
        for (let i = 0; i < (type === 'page' ? space.pageCount : space.blogPostCount); i++) {
          const record = content.content(space.key, type, i);
          if (record.status === 'draft') continue;
          expected.footer += size(record.footerComments);
          expected.inline += size(record.inlineComments);
        }
      }
    }
    for (const kind of ['footer', 'inline'] as const) {
      const ids = new Set<string>();
      let cursor: string | undefined;
      do {
        const page =
          kind === 'footer'
            ? await v2.comment.getFooterComments({ bodyFormat: 'storage', limit: 100, cursor })
            : await v2.comment.getInlineComments({ bodyFormat: 'storage', limit: 100, cursor });
        for (const comment of page.results ?? []) ids.add(comment.id!);
        cursor = cursorOf(page._links?.next);
      } while (cursor);
      expect(ids.size).toBe(expected[kind]);
    }
  });

  it('serves view bodies, versions and CQL search for generated pages', async () => {
    const space = content.spaces.find((s) => !s.forbidden && s.pageCount > 0)!;
    const record = content.content(space.key, 'page', 0);
    const page = await v2.page.getPageById({ id: Number(record.id), bodyFormat: 'view', getDraft: true });
    expect(page.body?.view?.value?.length).toBeGreaterThan(0);
    expect((await v2.version.getPageVersions({ id: Number(record.id) })).results).toHaveLength(
      record.versions.length,
    );
    const v1 = createV1Client({
      host: site.url,
      auth: { type: 'basic', email: site.email, apiToken: site.token },
    });
    const found = await v1.search.searchByCQL({
      cql: `space = "${space.key}" and type = page`,
      expand: ['content.body.storage', 'content.version'],
    });
    expect(found.totalSize).toBeGreaterThan(0);
  });

  it('marks the truth of forbidden containers and of unpublished drafts unreadable', () => {
    const forbidden = new Set(
      [...content.projects, ...content.spaces].filter((c) => c.forbidden).map((c) => c.key),
    );
    const draft = (record: PlantedRecord) => {
      const at = record.product === 'confluence' ? content.locateContent(record.item) : undefined;
      return at !== undefined && content.content(at.spaceKey, at.type, at.index).status === 'draft';
    };
    const truth = site.admin.truth().planted;
    expect(truth.length).toBeGreaterThan(0);
    for (const record of truth)
      expect(record.readable).toBe(!forbidden.has(record.container) && !draft(record));
  });
});

describe('determinism of the generated site', () => {
  async function sample(): Promise<string> {
    const other = await startFakeSite({ spec: SPEC });
    const headers = { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' };
    const jql = await fetch(`${other.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jql: 'project = ENG', fields: ['*all'], maxResults: 5 }),
    });
    const pages = await fetch(`${other.url}/wiki/api/v2/pages?limit=5&body-format=atlas_doc_format`, {
      headers,
    });
    const text =
      `${await jql.text()}\n${await pages.text()}\n${JSON.stringify(other.admin.truth())}`.replaceAll(
        other.url,
        'ORIGIN',
      );
    await other.stop();
    return text;
  }

  it('answers byte for byte the same for the same seed', async () => {
    expect(await sample()).toBe(await sample());
  });
});
