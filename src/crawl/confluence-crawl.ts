// Confluence: per space, pages and blog posts with bodies from the listings (cursor-checkpointed), and beside
// them the site-wide footer and inline comment listings, attached to their page by id. Two or three requests
// per 250 items instead of several per page.
import type { ConfluenceSource } from '../sources/confluence.ts';
import type { Container } from '../types.ts';
import { containerMetadata, groupByContainer, pageContext, uncounted, type CrawlContext } from './context.ts';
import { describe, skipReason, statusOf } from './errors.ts';
import { quoteLiteral } from '../sources/query-literal.ts';
import { DEFAULT_OVERLAP_MINUTES, queryDateLiteral } from '../sources/query-time.ts';
import { maxUpdated, SITE_KEY } from './jira-crawl.ts';
import { crawlComments, type CommentListing, type CommentResult } from './confluence-comments.ts';
import { crawlAttachments } from './confluence-attachments.ts';
import { settled } from './fetch-ahead.ts';
import { lastSweep, resolveComments, sweepIfDue, watchedComments } from './comment-sweep.ts';
import { historyExtras } from './confluence-history.ts';
import { processPage, type Extras } from './pipeline.ts';

const keysOf = (containers: readonly Container[]) => new Set(containers.map((c) => c.key));

const PHASES = ['page', 'blogpost'] as const;

/** The last run that set the site watermark read former versions too. */
const historyScannedBefore = (ctx: CrawlContext) =>
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
  coverage.finish();
  return watermark;
}

/** `commentsSwept`: when the last complete comment listing that resolved deleted comments started. */
function saveWatermark(
  ctx: CrawlContext,
  times: ReadonlyArray<number | string | undefined>,
  commentsSwept: string | undefined,
): void {
  const ms = times
    .map((t) => (typeof t === 'string' ? Date.parse(t) : t))
    .filter((t): t is number => t !== undefined && Number.isFinite(t) && t < Number.MAX_SAFE_INTEGER);
  if (ctx.signal.aborted || ms.length === 0) return;
  const watermark = new Date(Math.max(...ms)).toISOString();
  const history = ctx.history !== undefined;
  const { runId, mode } = ctx.run;
  const value = { runId, phase: mode, done: true, watermark, history, commentsSwept };
  ctx.sink.record([], { product: 'confluence', containerKey: SITE_KEY, value });
}

async function crawlSpaces(ctx: CrawlContext, source: ConfluenceSource, spaces: readonly Container[]) {
  const extras = historyExtras(ctx, 'item', historyScannedBefore(ctx));
  return Promise.all(spaces.map((space) => ctx.containerLimit(() => crawlSpace(ctx, source, space, extras))));
}

/** Runs the content crawl and the comment listings side by side; comments wait for their pages (see there). */
async function withComments<T>(
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
  if (listed.status === 'rejected') throw listed.reason;
  return [done.value, listed.value];
}

export async function crawlConfluenceFull(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: Container[],
): Promise<void> {
  // Sizes the progress bar only: asked for when one is shown, and never waited for.
  const progress = ctx.progress;
  if (progress) void source.count([...keysOf(spaces)]).then((n) => progress.total('confluence', n));
  const startedAt = new Date().toISOString();
  const watched = watchedComments(ctx, keysOf(spaces));
  const unlisted = new Set(watched.keys());
  const [marks, comments] = await withComments(ctx, source, { spaces: keysOf(spaces), unlisted }, () =>
    crawlSpaces(ctx, source, spaces),
  );
  // Only a listing read from its first page to its last by this run proves the unlisted comments gone.
  const swept = comments.complete && !ctx.signal.aborted;
  if (swept) resolveComments(ctx, watched, unlisted);
  await crawlAttachments(ctx, source, keysOf(spaces));
  saveWatermark(ctx, [...marks, comments.latest], swept ? startedAt : lastSweep(ctx));
}

/**
 * Pages and blog posts changed since the watermark from one CQL search (bodies included), comments from the
 * newest end of the site-wide listings; spaces never crawled before get a full crawl. Deleted pages are found in
 * the trash, deleted comments by an ids-only sweep of the comment listings (at most every COMMENT_SWEEP_MS).
 */
export async function crawlConfluenceIncremental(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: Container[],
): Promise<void> {
  const since = ctx.sink.checkpoint('confluence', SITE_KEY)?.watermark;
  // History asked for the first time: only a full crawl lists the unchanged pages whose versions are unread.
  if (!since || (ctx.history && !historyScannedBefore(ctx))) return crawlConfluenceFull(ctx, source, spaces);
  const fresh = spaces.filter((s) => ctx.sink.checkpoint('confluence', s.key) === undefined);
  const known = spaces.filter((s) => !fresh.includes(s));
  const overlap = Date.parse(since) - DEFAULT_OVERLAP_MINUTES * 60_000;
  const listing = { spaces: keysOf(spaces), since: overlap };
  const [[marks, latest, swept], comments] = await withComments(ctx, source, listing, async () =>
    Promise.all([
      crawlSpaces(ctx, source, fresh),
      crawlChanged(ctx, source, known, since),
      sweepIfDue(ctx, source, listing.spaces),
    ]),
  );
  await sweepTrash(ctx, source);
  await crawlAttachments(ctx, source, listing.spaces);
  await refreshMetadata(ctx, known);
  if (ctx.signal.aborted) return;
  for (const space of known) ctx.coverage('confluence', space.key).finish();
  saveWatermark(ctx, [latest, comments.latest, ...marks], swept);
}

/**
 * Known spaces' metadata items recorded again from this run's space listing: a space renamed or redescribed is
 * scanned by the next incremental run; an unchanged one costs nothing (same content hash).
 */
async function refreshMetadata(ctx: CrawlContext, spaces: readonly Container[]): Promise<void> {
  for (const space of spaces) {
    if (ctx.signal.aborted) return;
    await processPage([containerMetadata(space)], uncounted(pageContext(ctx, 'confluence', space.key)));
  }
}

/** Pages and blog posts of known spaces changed since the watermark, from one CQL search (bodies included). */
async function crawlChanged(
  ctx: CrawlContext,
  source: ConfluenceSource,
  known: readonly Container[],
  since: string,
): Promise<number> {
  let latest = Date.parse(since);
  if (known.length === 0) return latest;
  const byKey = new Map(known.map((s) => [s.key, s]));
  const extras = historyExtras(ctx, 'fields+item', historyScannedBefore(ctx));
  const cql =
    `type in (page, blogpost) and space in (${known.map((s) => quoteLiteral(s.key)).join(',')}) ` +
    `and lastmodified >= "${queryDateLiteral(since, ctx.timeZone)}" order by lastmodified asc`;
  const fetchPage = (paging: Record<string, string>) => settled(source.changedContent(cql, byKey, paging));
  for (let pending = fetchPage({}); ;) {
    if (ctx.signal.aborted) return latest;
    const result = await pending;
    if (!result.ok) throw result.error;
    const page = result.value;
    if (page.next) pending = fetchPage(page.next);
    for (const [key, items] of groupByContainer(page.items)) {
      await processPage(items, pageContext(ctx, 'confluence', key), undefined, 'fields+item', extras);
    }
    for (const s of page.items) if (s.item.updated) latest = Math.max(latest, Date.parse(s.item.updated));
    ctx.progress?.advance('confluence', page.items.length);
    if (!page.next) return latest;
  }
}

/** Deleted pages and blog posts go to the trash, which CQL does not search: the trash listings find them. */
async function sweepTrash(ctx: CrawlContext, source: ConfluenceSource): Promise<void> {
  for (const type of ['page', 'blogpost'] as const) {
    for (let cursor: string | undefined; ;) {
      if (ctx.signal.aborted) return;
      const page = await source.trashedPage(type, cursor);
      const known = ctx.sink.known('confluence', page.ids);
      for (const [key, items] of groupByContainer(
        [...known.values()].map(({ item }) => ({ item, docs: [], truncated: 0 })),
      )) {
        ctx.sink.remove(
          'confluence',
          key,
          items.map((s) => s.item.id),
        );
      }
      cursor = page.cursor;
      if (!cursor) break;
    }
  }
}
