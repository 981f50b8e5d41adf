// Confluence v2 and v1 endpoints driven through the real confluence.js clients, which throw SchemaMismatchError
// on any response that does not match their models.
import { createV1Client, createV2Client, isAuthError, isApiError, isNotFoundError } from 'confluence.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { everything, errorOf, type Listing } from './confluence-paging.ts';
import { createFixtureContent, RESTRICTED_PAGE_INDEX } from './fixture-content.ts';

let site: FakeSite;
let v2: ReturnType<typeof createV2Client>;
let v1: ReturnType<typeof createV1Client>;
const ENG = 65538;
const FIRST_PAGE = 100000;
const RESTRICTED_PAGE = FIRST_PAGE + RESTRICTED_PAGE_INDEX;

beforeAll(async () => {
  site = await startFakeSite({ content: createFixtureContent() });
  const config = {
    host: site.url,
    auth: { type: 'basic' as const, email: site.email, apiToken: site.token },
  };
  v2 = createV2Client(config);
  v1 = createV1Client(config);
});
afterAll(() => site.stop());

describe('confluence.js v2 against the fake site', () => {
  it('lists the spaces the API user may view, with type and status filters', async () => {
    const all = await everything((cursor) => v2.space.getSpaces({ cursor, limit: 2 }));
    expect(all.items.map((s) => s.key)).toEqual(['ENG', '~5b10ac8d82e05b22cc7d4ef6', 'OLD']);
    expect(all.pages).toBe(2);
    expect((await v2.space.getSpaces({ type: 'personal' })).results).toHaveLength(1);
    expect((await v2.space.getSpaces({ status: 'archived' })).results!.map((s) => s.key)).toEqual(['OLD']);
    expect((await v2.space.getSpaceById({ id: ENG })).key).toBe('ENG');
  });

  it.each([
    [1, 28, 28],
    [7, 28, 4],
    [250, 28, 1],
  ])('pages the pages of a space with limit %i: %i pages in %i requests', async (limit, count, requests) => {
    const all = await everything((cursor) =>
      v2.page.getPagesInSpace({ id: ENG, cursor, limit, bodyFormat: 'storage' }),
    );
    expect(all.items).toHaveLength(count);
    expect(all.pages).toBe(requests);
    expect(all.items[0]!.body?.storage?.value).toContain('CDATA');
  });

  it.each([
    ['-modified-date', (p: { version?: { createdAt?: Date } | null }) => -p.version!.createdAt!.getTime()],
    ['created-date', (p: { createdAt?: Date }) => p.createdAt!.getTime()],
    ['-id', (p: { id?: string }) => -Number(p.id)],
  ] as const)('sorts a space listing by %s across pages', async (sort, key) => {
    const all = await everything((cursor) => v2.page.getPagesInSpace({ id: ENG, sort, cursor, limit: 7 }));
    expect(all.items).toHaveLength(28);
    const keys = all.items.map((p) => key(p as never));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });

  it('lists site-wide pages and blog posts with status and space filters', async () => {
    expect((await everything((cursor) => v2.page.getPages({ cursor, limit: 10 }))).items).toHaveLength(32);
    const trashedOrDraft = await v2.page.getPages({ spaceId: [ENG], status: ['current'] });
    expect(trashedOrDraft.results!.every((p) => p.status === 'current')).toBe(true);
    const blogs = await everything(
      (cursor) => v2.blogPost.getBlogPosts({ cursor, limit: 4 }) as Promise<Listing<unknown>>,
    );
    expect(blogs.items).toHaveLength(6);
    expect((await v2.blogPost.getBlogPostsInSpace({ id: ENG })).results).toHaveLength(2);
  });

  it.each(['storage', 'atlas_doc_format', 'view'] as const)(
    'serves a page body as %s',
    async (bodyFormat) => {
      const page = await v2.page.getPageById({ id: FIRST_PAGE, bodyFormat });
      const value = page.body?.[bodyFormat]?.value ?? '';
      if (bodyFormat === 'atlas_doc_format') expect(JSON.parse(value).content[1].type).toBe('codeBlock');
      expect(value).toContain(
        bodyFormat === 'storage'
          ? '<![CDATA[a < b && c > d]]>'
          : bodyFormat === 'view'
            ? 'a &lt; b &amp;&amp; c &gt; d'
            : 'a < b && c > d',
      );
    },
  );

  it('omits the body without body-format, hides drafts unless asked, and serves old versions', async () => {
    expect((await v2.page.getPageById({ id: FIRST_PAGE })).body).toEqual({});
    expect(isNotFoundError(await errorOf(v2.page.getPageById({ id: FIRST_PAGE + 2 })))).toBe(true);
    expect((await v2.page.getPageById({ id: FIRST_PAGE + 2, getDraft: true })).status).toBe('draft');
    const versions = await v2.version.getPageVersions({ id: FIRST_PAGE + 2 });
    expect(versions.results!.map((v) => v.number)).toEqual([3, 2, 1]);
    const detail = await v2.version.getPageVersionDetails({ pageId: FIRST_PAGE + 2, versionNumber: 2 });
    expect(detail).toMatchObject({ prevVersion: 1, nextVersion: 3 });
    const old = await v2.page.getPageById({
      id: FIRST_PAGE + 2,
      getDraft: true,
      version: 1,
      bodyFormat: 'storage',
    });
    expect(old.body?.storage?.value).toContain('Version 1');
    expect((await v2.blogPost.getBlogPostById({ id: FIRST_PAGE + 500 })).title).toBe('blogpost 1 in ENG');
  });

  it('pages root footer comments and follows replies through children', async () => {
    const roots = await everything((cursor) =>
      v2.comment.getPageFooterComments({ id: FIRST_PAGE, cursor, limit: 25, bodyFormat: 'storage' }),
    );
    expect(roots.items).toHaveLength(30);
    expect(roots.pages).toBe(2);
    const replies = await v2.comment.getFooterCommentChildren({ id: Number(roots.items[0]!.id) });
    expect(replies.results).toHaveLength(1);
    const reply = await v2.comment.getFooterCommentById({ commentId: Number(replies.results![0]!.id) });
    expect(reply.parentCommentId).toBe(roots.items[0]!.id);
  });

  it('serves inline comments with their selection and children', async () => {
    const inline = await v2.comment.getPageInlineComments({ id: FIRST_PAGE });
    const comment = inline.results![0]!;
    expect(comment.properties?.['inline-original-selection']).toBe('highlighted words');
    expect((await v2.comment.getInlineCommentChildren({ id: Number(comment.id) })).results).toHaveLength(1);
    expect((await v2.comment.getInlineCommentById({ commentId: Number(comment.id) })).resolutionStatus).toBe(
      'open',
    );
  });

  it('sends the next link in the Link header too, with the cursor not always last', async () => {
    const positions = new Set<number>();
    let next = `/wiki/api/v2/spaces/${ENG}/pages?limit=3&status=current&body-format=storage`;
    for (let page = 0; page < 4; page++) {
      const response = await fetch(new URL(next, site.url), {
        headers: { Authorization: `Bearer ${site.token}` },
      });
      const body = (await response.json()) as { _links: { next: string } };
      expect(response.headers.get('link')).toBe(
        `<${body._links.next}>; rel="next", <${site.url}/wiki>; rel="base"`,
      );
      next = body._links.next;
      positions.add([...new URL(next, site.url).searchParams.keys()].indexOf('cursor'));
    }
    expect(positions.size).toBeGreaterThan(1);
  });

  it.each(['garbage', 'eyJvIjoxfQ==', 'eyJxIjoieCJ9'])(
    'rejects the cursor %j with 400 INVALID_REQUEST_PARAMETER',
    async (cursor) => {
      const error = await errorOf(v2.page.getPagesInSpace({ id: ENG, cursor }));
      expect(isApiError(error) && error.status).toBe(400);
      expect(JSON.stringify((error as { body: unknown }).body)).toContain('INVALID_REQUEST_PARAMETER');
    },
  );

  it('answers 401 with the real text body to bad credentials', async () => {
    const bad = createV2Client({
      host: site.url,
      auth: { type: 'basic', email: site.email, apiToken: 'nope' },
    });
    expect(isAuthError(await errorOf(bad.space.getSpaces()))).toBe(true);
    const raw = await fetch(`${site.url}/wiki/api/v2/spaces`);
    expect([raw.status, await raw.text()]).toEqual([
      401,
      'Client must be authenticated to access this resource.',
    ]);
  });
});

describe('confluence.js v1 CQL search against the fake site', () => {
  it('reads the current user time zone', async () => {
    expect((await v1.users.getCurrentUser()).timeZone).toBe('Europe/Berlin');
  });

  it.each([
    ['type = page and space = ENG', 27],
    ['type in (page, blogpost) and space = "ENG"', 29],
    ['type = blogpost', 6],
    [`id = ${FIRST_PAGE}`, 1],
    ['space = LEGAL', 0],
    [`id = ${RESTRICTED_PAGE}`, 0],
  ])('searches %s and follows _links.next relative to /wiki', async (cql, expected) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await v1.search.searchByCQL({
        cql,
        cursor,
        limit: 7,
        expand: ['content.version', 'content.space'],
      });
      ids.push(...page.results.map((r) => r.content!.id!));
      const next = page._links.next;
      if (next) expect(next.startsWith('/rest/api/search?next=true&cursor=')).toBe(true);
      cursor = next ? (new URL(next, 'http://x').searchParams.get('cursor') ?? undefined) : undefined;
    } while (cursor);
    expect(new Set(ids).size).toBe(expected);
  });

  it('searches content by CQL with bodies', async () => {
    const found = await v1.content.searchContentByCQL({
      cql: `id = ${FIRST_PAGE}`,
      expand: ['body.storage', 'version', 'history'],
    });
    expect(found.results[0]!.body?.storage?.value).toContain('CDATA');
  });

  it.each(['type = ', 'type = page and (space = ENG', 'nosuchfield = 1 and type = page'])(
    'rejects malformed CQL %j with a v1 400',
    async (cql) => {
      const error = await errorOf(v1.search.searchByCQL({ cql }));
      expect(isApiError(error) && error.status).toBe(400);
      expect((error as { body: { statusCode: number } }).body.statusCode).toBe(400);
    },
  );
});
