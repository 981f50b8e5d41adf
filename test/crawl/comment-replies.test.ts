// Confluence comment replies reach the detector in their page whether or not the site names the page on them
// (nothing records what a real site sends), and a reply whose page cannot be found is a counted gap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { SITE_KEY } from '../../src/crawl/jira-crawl.ts';
import { crawl, TruthScanner, unseen } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const SPEC = { seed: 7, issues: 200, pages: 160, now: '2026-01-15T12:00:00.000Z' };
const SECRET = 'AKIAQ7ZCOMMENTREPLY1';

interface ListedComment {
  id: string;
  pageId?: string;
  parentCommentId?: string;
}

/** A site-wide comment listing, read over HTTP to its end. */
async function listing(site: FakeSite, kind: 'footer' | 'inline'): Promise<ListedComment[]> {
  const comments: ListedComment[] = [];
  const auth = `Basic ${Buffer.from(`${site.email}:${site.token}`).toString('base64')}`;
  for (let next: string | undefined = `/wiki/api/v2/${kind}-comments?limit=250`; next;) {
    const response = await fetch(new URL(next, site.url), { headers: { Authorization: auth } });
    const page = (await response.json()) as { results: ListedComment[]; _links: { next?: string } };
    comments.push(...page.results);
    next = page._links.next;
  }
  return comments;
}

const siteGaps = (result: Awaited<ReturnType<typeof crawl>>) =>
  result.coverage.find((c) => c.product === 'confluence' && c.containerKey === SITE_KEY)?.coverage.skipped;

describe.each([false, true])('comment replies, their page named on them: %s', (replyOwnerIds) => {
  let site: FakeSite;
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC), replyOwnerIds });
  });
  afterAll(() => site.stop());

  it('reach the detector in their page, and no comment is left unattributed', async () => {
    const listed = [...(await listing(site, 'footer')), ...(await listing(site, 'inline'))];
    const replies = new Set(listed.filter((c) => c.parentCommentId).map((c) => c.id));
    const inReplies = site.admin
      .truth()
      .planted.filter((p) => p.readable && replies.has(p.field.split(':')[1] ?? ''));
    expect(inReplies.length).toBeGreaterThan(0);
    const scanner = new TruthScanner(inReplies.map((p) => p.value));
    const sink = new MemorySink();
    const result = await crawl(site, sink, scanner);
    const missed = unseen(sink, scanner, inReplies);
    expect(missed.map((p) => `${p.item}/${p.field}`)).toEqual([]);
    expect(siteGaps(result)?.unattributed).toBeUndefined();
  });
});

describe('a new reply to an old comment, read by an incremental crawl', () => {
  let site: FakeSite;
  let sink: MemorySink;
  let pageId: string;
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
    sink = new MemorySink();
    await crawl(site, sink, new TruthScanner([]));
    // A reply to the first listed comment lands on the listing's first page, which the incremental crawl reads;
    // its parent is older than the crawl's window, so the crawler must read the parent by id to place it.
    const parent = (await listing(site, 'footer')).find((c) => c.pageId && !c.parentCommentId)!;
    pageId = parent.pageId!;
    site.admin.advanceClock(3_600_000);
    site.admin.addContentComment(pageId, { parentId: parent.id, text: `key ${SECRET}` });
  });
  afterAll(() => site.stop());

  it.each([
    ['is placed through its parent, read by id', {}, 1, undefined],
    [
      'is a counted gap when its parent is gone',
      { rules: [{ route: '/wiki/api/v2/footer-comments', vanish: true }] },
      0,
      1,
    ],
  ])('%s', async (_case, faults, found, unattributed) => {
    site.admin.setFaults(faults);
    sink.runId++;
    const scanner = new TruthScanner([SECRET]);
    const result = await crawl(site, sink, scanner, { mode: 'incremental' });
    site.admin.setFaults({});
    const docs = scanner.seen.get(pageId) ?? [];
    expect(docs.filter((d) => d.text.includes(SECRET))).toHaveLength(found);
    expect(siteGaps(result)?.unattributed).toBe(unattributed);
  });
});
