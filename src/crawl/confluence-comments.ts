// The site-wide footer and inline comment listings, read while the spaces are crawled (each listing is one
// cursor chain, as long as the longest space). A comment is recorded on its page only once this run has recorded
// the page, since a page recorded afterwards as a whole item would drop it; until then the comment waits in a
// bounded buffer, and when the buffer is full the listing waits for the spaces to finish.
import type { ConfluenceSource } from '../sources/confluence.ts';
import type { RawComment } from '../sources/confluence-comments.ts';
import type { SourceItem } from '../sources/jira.ts';
import { CommentOwners, type AttributedComment } from './comment-owners.ts';
import { groupByContainer, pageContext, type CrawlContext } from './context.ts';
import { statusOf } from './errors.ts';
import { settled } from './fetch-ahead.ts';
import { SITE_KEY } from './jira-crawl.ts';
import { scanPage } from './pipeline.ts';
import type { Checkpoint, ScannedItem } from './ports.ts';

/** Comments held for pages not yet recorded: a few megabytes of bodies at most. */
const MAX_WAITING = 5000;
const KINDS = ['footer', 'inline'] as const;
type Kind = (typeof KINDS)[number];

export interface CommentListing {
  /** Spaces in scope: comments on pages elsewhere are not recorded. */
  spaces: ReadonlySet<string>;
  /** Settles when the spaces' pages and blog posts are recorded: waiting comments are recorded then. */
  contentDone: Promise<unknown>;
  /** Incremental: newest first, and only comments modified at or after this instant (ms). */
  since?: number;
  /** Ids of comments holding open findings: each one listed is taken out, so what remains was not listed. */
  unlisted?: Set<string>;
}

export interface CommentResult {
  /** Latest modification time seen (ms). */
  latest?: number;
  /** True when both listings were read to their end. */
  complete: boolean;
  /**
   * The listings were refused for a scope the token lacks: the rest of the crawl and its watermark go on, and this
   * error is thrown once the watermark is saved, for the product's coverage.
   */
  refused?: unknown;
}

export function commentTime(comment: RawComment): number {
  const at = comment.version?.createdAt;
  const ms = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isFinite(ms) ? ms : Number.MAX_SAFE_INTEGER;
}

/** Checkpoint key of a full crawl's comment listing: no space key holds '#'. */
export const commentListingKey = (kind: Kind) => `#${kind}-comments`;

interface ListingPage {
  kind: Kind;
  comments: readonly AttributedComment[];
  /** Full crawls: where the listing resumes once this page is recorded. */
  checkpoint?: Checkpoint;
}

/**
 * Records listing pages in order, each in one transaction with its checkpoint, once every page its comments
 * belong to is recorded by this run (or the content crawl is over). One record per listing page and parent,
 * as in a crawl that lists comments after the content: the same item scans, resumed or not.
 */
class CommentRecorder {
  private readonly waiting = new Map<Kind, ListingPage[]>(KINDS.map((k) => [k, []]));
  private contentDone = false;
  private readonly ctx: CrawlContext;
  private readonly source: ConfluenceSource;
  private readonly spaces: ReadonlySet<string>;

  constructor(ctx: CrawlContext, source: ConfluenceSource, spaces: ReadonlySet<string>) {
    this.ctx = ctx;
    this.source = source;
    this.spaces = spaces;
  }

  get full(): boolean {
    let n = 0;
    for (const pages of this.waiting.values()) for (const p of pages) n += p.comments.length;
    return n >= MAX_WAITING;
  }

  async add(page: ListingPage): Promise<void> {
    this.waiting.get(page.kind)!.push(page);
    await this.drain(page.kind);
  }

  async finishContent(): Promise<void> {
    this.contentDone = true;
    for (const kind of KINDS) await this.drain(kind);
  }

  private async drain(kind: Kind): Promise<void> {
    const queue = this.waiting.get(kind)!;
    while (queue.length > 0 && this.ready(queue[0]!)) await this.record(queue.shift()!);
  }

  private ready(page: ListingPage): boolean {
    if (this.contentDone) return true;
    const known = this.ctx.sink.known('confluence', [...new Set(page.comments.map((c) => c.ownerId))]);
    return page.comments.every((c) => known.get(c.ownerId)?.runId === this.ctx.run.runId);
  }

  /** Attaches the comments to their pages and records them as field-scoped updates, with the checkpoint. */
  private async record({ kind, comments, checkpoint }: ListingPage): Promise<void> {
    const known = this.ctx.sink.known('confluence', [...new Set(comments.map((c) => c.ownerId))]);
    const groups = new Map<string, SourceItem>();
    for (const { comment, ownerId } of comments) {
      const parent = known.get(ownerId);
      if (!parent || !this.spaces.has(parent.item.containerKey)) continue; // a page outside this crawl's scope
      const group = groups.get(parent.item.id) ?? { item: parent.item, docs: [], truncated: 0 };
      const { docs, truncated } = this.source.comments.docs(comment, kind, parent.item.id, parent.item.url);
      group.docs.push(...docs);
      group.truncated += truncated;
      groups.set(parent.item.id, group);
    }
    const batch: ScannedItem[] = [];
    for (const [key, items] of groupByContainer([...groups.values()])) {
      batch.push(...(await scanPage(items, pageContext(this.ctx, 'confluence', key), 'fields')));
    }
    const at = checkpoint && { product: 'confluence' as const, containerKey: commentListingKey(kind) };
    this.ctx.sink.record(batch, at && { ...at, value: checkpoint! });
  }
}

/**
 * Both listings, one page ahead each. With `since`, newest first and only until the listing reaches comments
 * older than it: an incremental crawl reads one page of each listing when little changed.
 */
export async function crawlComments(
  ctx: CrawlContext,
  source: ConfluenceSource,
  listing: CommentListing,
): Promise<CommentResult> {
  const recorder = new CommentRecorder(ctx, source, listing.spaces);
  const newestFirst = listing.since !== undefined;
  let latest: number | undefined;
  // Read from the first page to the last by this process: only then do unlisted ids mean deleted comments.
  let complete = true;
  const readKind = async (kind: Kind) => {
    const owners = new CommentOwners((id) =>
      source.comments.byId(kind, id).catch((error: unknown) => {
        if (statusOf(error) === 404) return undefined; // deleted since it was listed
        throw error;
      }),
    );
    const saved = newestFirst ? undefined : ctx.sink.checkpoint('confluence', commentListingKey(kind));
    const resumeAt = saved?.runId === ctx.run.runId ? saved : undefined;
    if (resumeAt) complete = false;
    if (resumeAt?.done) return;
    const fetchPage = (cursor?: string) => settled(source.comments.page(kind, cursor, newestFirst));
    let cursor = resumeAt?.cursor;
    for (let pending = fetchPage(cursor); ;) {
      if (ctx.signal.aborted) {
        complete = false;
        return;
      }
      const result = await pending;
      if (!result.ok && cursor !== undefined && statusOf(result.error) === 400) {
        pending = fetchPage((cursor = undefined)); // a stale cursor from before a restart: list again
        continue;
      }
      if (!result.ok) throw result.error;
      const page = result.value;
      const fresh = newestFirst
        ? page.comments.filter((c) => commentTime(c) >= (listing.since ?? 0))
        : page.comments;
      const more = page.cursor !== undefined && fresh.length === page.comments.length;
      if (more) pending = fetchPage((cursor = page.cursor));
      for (const c of fresh) {
        latest = Math.max(latest ?? -Infinity, commentTime(c));
        listing.unlisted?.delete(String(c.id));
      }
      const checkpoint = newestFirst
        ? undefined
        : { runId: ctx.run.runId, phase: `${kind}-comments`, cursor: page.cursor, done: !more };
      const { attributed, unattributed } = await owners.attribute(fresh);
      if (unattributed.length > 0) {
        ctx.coverage('confluence', SITE_KEY).skip('unattributed', unattributed.length);
        ctx.logger.warn({ kind, comments: unattributed.length }, 'comments whose page could not be found');
      }
      await recorder.add({ kind, comments: attributed, checkpoint });
      if (!more) return;
      if (recorder.full) await listing.contentDone;
    }
  };
  const results = await Promise.allSettled(KINDS.map(readKind));
  // Waiting comments are recorded once the content is, even when a listing failed part-way.
  await listing.contentDone;
  await recorder.finishContent();
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
  return { latest, complete };
}
