// What the API user may not view, and what comment replies carry, driven through confluence.js (which throws on
// any response that does not match its models): a space without view permission and a view-restricted page are
// in no listing and answer 404; each comment endpoint sends only the fields its model documents.
import { createV2Client, isNotFoundError } from 'confluence.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { everything, errorOf } from './confluence-paging.ts';
import { createFixtureContent, RESTRICTED_PAGE_INDEX } from './fixture-content.ts';

const ENG = 65538;
const LEGAL = 65541;
const FIRST_PAGE = 100000;
const RESTRICTED_PAGE = FIRST_PAGE + RESTRICTED_PAGE_INDEX;

async function clientOf(options: { replyOwnerIds?: boolean } = {}) {
  const site = await startFakeSite({ content: createFixtureContent(), ...options });
  const v2 = createV2Client({
    host: site.url,
    auth: { type: 'basic', email: site.email, apiToken: site.token },
  });
  return { site, v2 };
}

describe('what the API user may not view', () => {
  let site: FakeSite;
  let v2: ReturnType<typeof createV2Client>;
  beforeAll(async () => ({ site, v2 } = await clientOf()));
  afterAll(() => site.stop());

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
});

describe('comments, as each endpoint documents them', () => {
  let site: FakeSite;
  let v2: ReturnType<typeof createV2Client>;
  beforeAll(async () => ({ site, v2 } = await clientOf()));
  afterAll(() => site.stop());

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
});

describe('comment replies on a site that fills in their page (replyOwnerIds)', () => {
  let filled: FakeSite;
  let client: ReturnType<typeof createV2Client>;
  beforeAll(async () => ({ site: filled, v2: client } = await clientOf({ replyOwnerIds: true })));
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
