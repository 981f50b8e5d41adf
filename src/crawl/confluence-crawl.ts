// Confluence: per space, pages and blog posts with bodies from the listings (cursor-checkpointed), and beside
// them the site-wide footer and inline comment listings, attached to their page by id. Two or three requests
// per 250 items instead of several per page. The incremental crawl is in confluence-incremental.ts.
import type { ConfluenceSource } from '../sources/confluence.ts';
import type { Container } from '../types.ts';
import { containerMetadata, pageContext, uncounted, type CrawlContext } from './context.ts';
import { describe, isMissingScope, skipReason, statusOf } from './errors.ts';
import { maxUpdated, SITE_KEY } from './jira-crawl.ts';
import { crawlComments, type CommentListing, type CommentResult } from './confluence-comments.ts';
import { crawlAttachments } from './confluence-attachments.ts';
import { settled, unwrap, type Settled } from './fetch-ahead.ts';
import { lastSweep, resolveComments, watchedComments } from './comment-sweep.ts';
import { historyExtras } from './confluence-history.ts';
import { advanceWatermarks } from './baselines.ts';
import { processPage, type Extras } from './pipeline.ts';

export const keysOf = (containers: readonly Container[]) => new Set(containers.map((c) => c.key));

const PHASES = ['page', 'blogpost'] as const;

/** The last run that set the site watermark read former versions too. */
export const historyScannedBefore = (ctx: CrawlContext) =>
  ctx.sink.checkpoint('confluence', SITE_KEY)?.history === true;

async function crawlSpace(
  ctx: CrawlContext,
  source: ConfluenceSource,
  space: Container,
  extras: Extras | undefined,
): Promise<string | undefined> {
  const saved = ctx.sink.checkpoint('confluence', space.key);
  const resuming = saved?.runId === ctx.run.runId;
  const context = pageContext(ctx, 'confluence', space.key);
  const { coverage } = context;
  // Counts so far travel in the checkpoint: a resumed run reports the whole container, not only its tail.
  if (resuming && saved.coverage) coverage.restore(saved.coverage);
  if (resuming && saved.done) {
    ctx.sink.recordBaseline('confluence', space.key, { complete: true });
    coverage.finish();
    return saved.watermark;
  }
  let watermark = resuming ? saved.watermark : undefined;
  const startPhase = resuming ? PHASES.indexOf(saved.phase as (typeof PHASES)[number]) : 0;
  for (const phase of PHASES.slice(Math.max(0, startPhase))) {
    const fetchPage = (cursor?: string) =>
      settled(source.contentPage(space, phase, ctx.scope.archived, cursor));
    for (let pending = fetchPage(resuming && saved.phase === phase ? saved.cursor : undefined); ;) {
      if (ctx.signal.aborted) return watermark;
      const result = await pending;
      if (!result.ok) {
        // A space that is listed but whose content listing is not found is restricted to the API user.
        const reason = statusOf(result.error) === 404 ? 'forbidden' : skipReason(result.error);
        if (!reason) throw result.error;
        coverage.skip(reason);
        coverage.finish();
        ctx.logger.warn(
          { space: space.key, phase, error: describe(result.error) },
          'space not fully readable',
        );
        return watermark;
      }
      const page = result.value;
      // One page ahead: the next page travels while this one is detected and recorded.
      if (page.cursor !== undefined) pending = fetchPage(page.cursor);
      watermark = maxUpdated(page.items, watermark);
      const checkpoint = {
        runId: ctx.run.runId,
        coverage: coverage.value,
        phase,
        cursor: page.cursor,
        watermark,
      };
      await processPage(page.items, context, checkpoint, 'item', extras);
      ctx.progress?.advance('confluence', page.items.length);
      if (page.cursor === undefined) break;
    }
  }
  await processPage([containerMetadata(space)], uncounted(context), {
    runId: ctx.run.runId,
    coverage: coverage.value,
    phase: 'done',
    done: true,
    watermark,
  });
  ctx.sink.reconcile('confluence', space.key, { keepArchived: !ctx.scope.archived });
  ctx.sink.recordBaseline('confluence', space.key, { complete: true });
  coverage.finish();
  return watermark;
}

/**
 * The product's watermark, on the site checkpoint and on every space this run read to its end, from `times` and the
 * comment listings' latest. `commentsSwept`: when the last complete comment listing that resolved deleted comments
 * started. Comment listings refused for a missing scope are recorded as unread (see Checkpoint), and their refusal
 * is thrown once the watermark is saved, for the product's coverage.
 */
export function saveWatermark(
  ctx: CrawlContext,
  spaces: readonly Container[],
  times: ReadonlyArray<number | string | undefined>,
  comments: CommentResult,
  commentsSwept: string | undefined,
): void {
  const ms = [...times, comments.latest]
    .map((t) => (typeof t === 'string' ? Date.parse(t) : t))
    .filter((t): t is number => t !== undefined && Number.isFinite(t) && t < Number.MAX_SAFE_INTEGER);
  const commentsUnread = comments.refused !== undefined;
  if (!ctx.signal.aborted && ms.length > 0) {
    const watermark = new Date(Math.max(...ms)).toISOString();
    advanceWatermarks(ctx, 'confluence', spaces, watermark);
    const history = ctx.history !== undefined;
    const { runId, mode } = ctx.run;
    const value = { runId, phase: mode, done: true, watermark, history, commentsSwept, commentsUnread };
    ctx.sink.record([], { product: 'confluence', containerKey: SITE_KEY, value });
  }
  if (commentsUnread) throw comments.refused;
}

export async function crawlSpaces(ctx: CrawlContext, source: ConfluenceSource, spaces: readonly Container[]) {
  const extras = historyExtras(ctx, 'item', historyScannedBefore(ctx));
  return Promise.all(spaces.map((space) => ctx.containerLimit(() => crawlSpace(ctx, source, space, extras))));
}

/** Runs the content crawl and the comment listings side by side; comments wait for their pages (see there). */
export async function withComments<T>(
  ctx: CrawlContext,
  source: ConfluenceSource,
  listing: Omit<CommentListing, 'contentDone'>,
  content: () => Promise<T>,
): Promise<[T, CommentResult]> {
  const crawling = content();
  const contentDone = crawling.then(
    () => undefined,
    () => undefined,
  );
  const comments = crawlComments(ctx, source, { ...listing, contentDone });
  const [done, listed] = await Promise.allSettled([crawling, comments]);
  if (done.status === 'rejected') throw done.reason;
  if (listed.status === 'fulfilled') return [done.value, listed.value];
  if (!isMissingScope(listed.reason)) throw listed.reason;
  return [done.value, { complete: false, refused: listed.reason }];
}

export async function crawlConfluenceFull(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: Container[],
): Promise<void> {
  // Sizes the progress bar only: asked for when one is shown, and never waited for.
  const progress = ctx.progress;
  if (progress) void source.count([...keysOf(spaces)]).then((n) => progress.total('confluence', n));
  const crawled = await settled(withAllComments(ctx, source, spaces, () => crawlSpaces(ctx, source, spaces)));
  const [marks, comments, swept] = await evenAfterGap(crawled, () =>
    crawlAttachments(ctx, source, keysOf(spaces)),
  );
  saveWatermark(ctx, spaces, marks, comments, swept);
}

/**
 * Runs the steps that do not rest on the content and comment listings (attachments, the trash sweep) even when one
 * of those listings left a gap (a scope the token lacks, a listing still failing after retries), then throws that
 * gap again for the product's coverage, with no watermark saved. A login failure ends the crawl at once.
 */
export async function evenAfterGap<T>(listed: Settled<T>, independent: () => Promise<void>): Promise<T> {
  if (listed.ok || skipReason(listed.error) !== undefined) await independent();
  return unwrap(listed);
}

/**
 * The content crawl beside the whole comment listings, which resolve the comments no longer listed. Returns
 * when the last such sweep started: now when the listings were read to their end, the previous one otherwise.
 */
export async function withAllComments<T>(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: readonly Container[],
  content: () => Promise<T>,
): Promise<[T, CommentResult, string | undefined]> {
  const startedAt = new Date().toISOString();
  const watched = watchedComments(ctx, keysOf(spaces));
  const unlisted = new Set(watched.keys());
  const [done, comments] = await withComments(ctx, source, { spaces: keysOf(spaces), unlisted }, content);
  // Only a listing read from its first page to its last by this run proves the unlisted comments gone.
  const swept = comments.complete && !ctx.signal.aborted;
  if (swept) resolveComments(ctx, watched, unlisted);
  return [done, comments, swept ? startedAt : lastSweep(ctx)];
}
