// Confluence v2 and v1 endpoints driven through the real confluence.js clients, which throw SchemaMismatchError
// on any response that does not match their models.
import { createV1Client, createV2Client, isAuthError, isApiError, isNotFoundError } from 'confluence.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { createFixtureContent, RESTRICTED_PAGE_INDEX } from './fixture-content.ts';

let site: FakeSite;
let v2: ReturnType<typeof createV2Client>;
let v1: ReturnType<typeof createV1Client>;
const ENG = 65538;
const LEGAL = 65541;
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

type Listing<T> = { results?: T[]; _links?: { next?: string } };

/** Follows `_links.next` to the end, counting requests; the cursor is read from the link, never assumed last. */
async function everything<T>(
  fetchPage: (cursor: string | undefined) => Promise<Listing<T>>,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await fetchPage(cursor);
    pages++;
    items.push(...(page.results ?? []));
    cursor = page._links?.next
      ? (new URL(page._links.next, site.url).searchParams.get('cursor') ?? undefined)
      : undefined;
  } while (cursor);
  return { items, pages };
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('confluence.js v2 against the fake site', () => {
  it('lists the spaces the API user may view, with type and status filters', async () => {
    const all = await everything((cursor) => v2.space.getSpaces({ cursor, limit: 2 }));
    expect(all.items.map((s) => s.key)).toEqual(['ENG', '~5b10ac8d82e05b22cc7d4ef6', 'OLD']);
    expect(all.pages).toBe(2);
    expect((await v2.space.getSpaces({ type: 'personal' })).results).toHaveLength(1);
    expect((await v2.space.getSpaces({ status: 'archived' })).results!.map((s) => s.key)).toEqual(['OLD']);
    expect((await v2.space.getSpaceById({ id: ENG })).key).toBe('ENG');
  });

  // The v2 reference: getSpaces returns only spaces the user has permission to view; invisible things are 404.
  it.each([
    ['the space listing, asked by key', () => v2.space.getSpaces({ keys: ['LEGAL'] })],
    ['the space listing, asked by id', () => v2.space.getSpaces({ ids: [LEGAL] })],
    ['the site-wide page listing of that space', () => v2.page.getPages({ spaceId: [LEGAL] })],
    ['the site-wide blog post listing', () => v2.blogPost.getBlogPosts({ spaceId: [LEGAL] })],
  ])('leaves a space the API user may not view out of %s', async (_where, list) => {
    expect((await list()).results).toEqual([]);
  });

  it.each([
    ['the space', () => v2.space.getSpaceById({ id: LEGAL })],
    ['its pages', () => v2.page.getPagesInSpace({ id: LEGAL })],
    ['its blog posts', () => v2.blogPost.getBlogPostsInSpace({ id: LEGAL })],
  ])('answers 404 for %s of a space the API user may not view', async (_what, call) => {
    expect(isNotFoundError(await errorOf(call()))).toBe(true);
  });

  it('leaves a view-restricted page out of every listing and answers 404 for it and its comments', async () => {
    const listings = [
      await everything((cursor) => v2.page.getPagesInSpace({ id: ENG, cursor, limit: 250 })),
      await everything((cursor) => v2.page.getPages({ cursor, limit: 250 })),
      await everything((cursor) => v2.page.getPagesInSpace({ id: ENG, sort: '-id', cursor, limit: 250 })),
      await everything((cursor) => v2.comment.getFooterComments({ cursor, limit: 250 })),
    ];
    for (const listing of listings) {
      const ids = listing.items.map((p) => (p as { id?: string; pageId?: string }).pageId ?? p.id);
      expect(ids).not.toContain(String(RESTRICTED_PAGE));
    }
    for (const call of [
      () => v2.page.getPageById({ id: RESTRICTED_PAGE }),
      () => v2.version.getPageVersions({ id: RESTRICTED_PAGE }),
      () => v2.comment.getPageFooterComments({ id: RESTRICTED_PAGE }),
    ])
      expect(isNotFoundError(await errorOf(call()))).toBe(true);
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

  it('walks site-wide comment listings to the end, replies after their parents and without a page id', async () => {
    const footer = await everything((cursor) => v2.comment.getFooterComments({ cursor, limit: 9 }));
    const inline = await everything((cursor) => v2.comment.getInlineComments({ cursor, limit: 2 }));
    const ids = footer.items.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(footer.items.filter((c) => c.pageId === String(FIRST_PAGE))).toHaveLength(30);
    const replies = [...footer.items, ...inline.items].filter((c) => c.parentCommentId);
    expect(replies.length).toBeGreaterThan(1);
    for (const reply of replies) {
      expect([reply.id, reply.pageId, reply.blogPostId]).toEqual([reply.id, undefined, undefined]);
      const listed = reply.parentCommentId && footer.items.some((c) => c.id === reply.parentCommentId);
      if (listed) expect(ids.indexOf(reply.parentCommentId!)).toBeLessThan(ids.indexOf(reply.id!));
    }
  });

  // Each comment endpoint's model in the v2 reference (confluence.js 3.2 generates its models from it) documents
  // its own fields; the fake sends no other, so a crawler cannot come to rely on one a real site never sends.
  const COMMON = ['id', 'status', 'title', 'version', 'body', '_links', 'resolutionStatus'];
  const SITE_WIDE = [...COMMON, 'blogPostId', 'pageId', 'parentCommentId', 'properties', 'operations'];
  const BLOG_POST = FIRST_PAGE + 501;
  const rootOf = async (id: number) =>
    Number((await v2.comment.getPageFooterComments({ id })).results![0]!.id);
  const blogRootOf = async (id: number) =>
    Number((await v2.comment.getBlogPostFooterComments({ id })).results![0]!.id);
  it.each([
    [
      'page footer comments',
      [...COMMON, 'pageId'],
      () => v2.comment.getPageFooterComments({ id: FIRST_PAGE }),
    ],
    [
      'page inline comments',
      [...COMMON, 'pageId', 'properties'],
      () => v2.comment.getPageInlineComments({ id: FIRST_PAGE }),
    ],
    [
      'blog post footer comments',
      [...COMMON, 'blogPostId'],
      () => v2.comment.getBlogPostFooterComments({ id: BLOG_POST }),
    ],
    [
      'footer comment children',
      [...COMMON, 'parentCommentId', 'pageId'],
      async () => v2.comment.getFooterCommentChildren({ id: await rootOf(FIRST_PAGE) }),
    ],
    [
      'footer comment children on a blog post',
      [...COMMON, 'parentCommentId', 'pageId'],
      async () => v2.comment.getFooterCommentChildren({ id: await blogRootOf(BLOG_POST) }),
    ],
    ['site-wide footer comments', SITE_WIDE, () => v2.comment.getFooterComments({ limit: 250 })],
    [
      'site-wide inline comments',
      [...SITE_WIDE, 'resolutionLastModifierId', 'resolutionLastModifiedAt'],
      () => v2.comment.getInlineComments({ limit: 250 }),
    ],
  ])('sends %s with only the fields their model documents', async (_endpoint, documented, list) => {
    const comments = (await list()).results ?? [];
    expect(comments.length).toBeGreaterThan(0);
    const extra = comments.flatMap((c) => Object.keys(c).filter((key) => !documented.includes(key)));
    expect(extra).toEqual([]);
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

describe('comment replies on a site that fills in their page (replyOwnerIds)', () => {
  let filled: FakeSite;
  let client: ReturnType<typeof createV2Client>;
  beforeAll(async () => {
    filled = await startFakeSite({ content: createFixtureContent(), replyOwnerIds: true });
    client = createV2Client({
      host: filled.url,
      auth: { type: 'basic', email: filled.email, apiToken: filled.token },
    });
  });
  afterAll(() => filled.stop());

  it('carries pageId on page replies, and blogPostId only where the model documents it', async () => {
    const footer = (await client.comment.getFooterComments({ limit: 250 })).results!;
    const replies = footer.filter((c) => c.parentCommentId);
    expect(replies.filter((c) => c.pageId).length).toBeGreaterThan(0);
    expect(replies.every((c) => (c.pageId ?? c.blogPostId) !== undefined)).toBe(true);
    const blogRoot = (await client.comment.getBlogPostFooterComments({ id: FIRST_PAGE + 501 })).results![0]!;
    const children = (await client.comment.getFooterCommentChildren({ id: Number(blogRoot.id) })).results!;
    expect(children.map((c) => [c.parentCommentId, c.pageId, 'blogPostId' in c])).toEqual([
      [blogRoot.id, undefined, false],
    ]);
  });
});
