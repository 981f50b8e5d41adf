// Confluence: per space, pages and blog posts with bodies from the listings (cursor-checkpointed), then the
// site-wide footer and inline comment listings attached to their page by id. Two or three requests per 250
// items instead of several per page.
import pLimit from 'p-limit';
import type { ConfluenceSource, RawComment } from '../sources/confluence.ts';
import type { SourceItem } from '../sources/jira.ts';
import type { Container } from '../types.ts';
import { containerMetadata, pageContext, uncounted, type CrawlContext } from './context.ts';
import { describe, skipReason, statusOf } from './errors.ts';
import { DEFAULT_OVERLAP_MINUTES, queryDateLiteral } from '../sources/query-time.ts';
import { maxUpdated, SITE_KEY } from './jira-crawl.ts';
import { processPage } from './pipeline.ts';

const PHASES = ['page', 'blogpost'] as const;

async function crawlSpace(
  ctx: CrawlContext,
  source: ConfluenceSource,
  space: Container,
): Promise<string | undefined> {
  const saved = ctx.sink.checkpoint('confluence', space.key);
  const resuming = saved?.runId === ctx.run.runId;
  const context = pageContext(ctx, 'confluence', space.key);
  const { coverage } = context;
  // Counts so far travel in the checkpoint: a resumed run reports the whole container, not only its tail.
  if (resuming && saved.coverage) coverage.restore(saved.coverage);
  if (resuming && saved.done) return saved.watermark;
  let watermark = resuming ? saved.watermark : undefined;
  const startPhase = resuming ? PHASES.indexOf(saved.phase as (typeof PHASES)[number]) : 0;
  for (const phase of PHASES.slice(Math.max(0, startPhase))) {
    let cursor = resuming && saved.phase === phase ? saved.cursor : undefined;
    for (;;) {
      if (ctx.signal.aborted) return watermark;
      let page;
      try {
        page = await source.contentPage(space, phase, ctx.scope.archived, cursor);
      } catch (error) {
        // A space that is listed but whose content listing is not found is restricted to the API user.
        const reason = statusOf(error) === 404 ? 'forbidden' : skipReason(error);
        if (!reason) throw error;
        coverage.skip(reason);
        ctx.logger.warn({ space: space.key, phase, error: describe(error) }, 'space not fully readable');
        return watermark;
      }
      watermark = maxUpdated(page.items, watermark);
      await processPage(page.items, context, {
        runId: ctx.run.runId,
        coverage: coverage.value,
        phase,
        cursor: page.cursor,
        watermark,
      });
      ctx.progress?.advance('confluence', page.items.length);
      cursor = page.cursor;
      if (!cursor) break;
    }
  }
  await processPage([containerMetadata(space)], uncounted(context), {
    runId: ctx.run.runId,
    coverage: coverage.value,
    phase: 'done',
    done: true,
    watermark,
  });
  ctx.sink.reconcile('confluence', space.key);
  return watermark;
}

/** Attaches one listing page of comments to their pages and records them as field-scoped updates. */
async function recordComments(
  ctx: CrawlContext,
  source: ConfluenceSource,
  kind: 'footer' | 'inline',
  comments: RawComment[],
  spaces: ReadonlySet<string>,
) {
  const ids = [...new Set(comments.map((c) => c.pageId ?? c.blogPostId).filter((id): id is string => !!id))];
  const known = ctx.sink.known('confluence', ids);
  const groups = new Map<string, SourceItem>();
  for (const comment of comments) {
    const parent = known.get(comment.pageId ?? comment.blogPostId ?? '');
    if (!parent || !spaces.has(parent.item.containerKey)) continue; // a page outside this crawl's scope
    const group = groups.get(parent.item.id) ?? { item: parent.item, docs: [], truncated: 0 };
    const { docs, truncated } = source.commentDocs(comment, kind, parent.item.id, parent.item.url);
    group.docs.push(...docs);
    group.truncated += truncated;
    groups.set(parent.item.id, group);
  }
  for (const [key, items] of groupBySpace([...groups.values()])) {
    await processPage(items, pageContext(ctx, 'confluence', key), undefined, 'fields');
  }
}

function groupBySpace(items: readonly SourceItem[]): Map<string, SourceItem[]> {
  const groups = new Map<string, SourceItem[]>();
  for (const s of items) groups.set(s.item.containerKey, [...(groups.get(s.item.containerKey) ?? []), s]);
  return groups;
}

function commentTime(comment: RawComment): number {
  const at = comment.version?.createdAt;
  const ms = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isFinite(ms) ? ms : Number.MAX_SAFE_INTEGER;
}

/**
 * The site-wide comment listings. With `since`, newest first and only until the listing reaches comments older
 * than the watermark: an incremental crawl reads one page of each listing when little changed.
 */
async function crawlComments(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: ReadonlySet<string>,
  since?: number,
): Promise<number | undefined> {
  let latest: number | undefined;
  for (const kind of ['footer', 'inline'] as const) {
    for (let cursor: string | undefined; ;) {
      if (ctx.signal.aborted) return latest;
      const page = await source.commentPage(kind, cursor, since !== undefined);
      const fresh =
        since === undefined ? page.comments : page.comments.filter((c) => commentTime(c) >= since);
      for (const c of fresh) latest = Math.max(latest ?? -Infinity, commentTime(c));
      await recordComments(ctx, source, kind, fresh, spaces);
      cursor = page.cursor;
      if (!cursor || fresh.length < page.comments.length) break;
    }
  }
  return latest;
}

function saveWatermark(ctx: CrawlContext, times: ReadonlyArray<number | string | undefined>): void {
  const ms = times
    .map((t) => (typeof t === 'string' ? Date.parse(t) : t))
    .filter((t): t is number => t !== undefined && Number.isFinite(t) && t < Number.MAX_SAFE_INTEGER);
  if (ctx.signal.aborted || ms.length === 0) return;
  const watermark = new Date(Math.max(...ms)).toISOString();
  const value = { runId: ctx.run.runId, phase: ctx.run.mode, done: true, watermark };
  ctx.sink.record([], { product: 'confluence', containerKey: SITE_KEY, value });
}

async function crawlSpaces(ctx: CrawlContext, source: ConfluenceSource, spaces: readonly Container[]) {
  const limit = pLimit(ctx.containerConcurrency);
  return Promise.all(spaces.map((space) => limit(() => crawlSpace(ctx, source, space))));
}

export async function crawlConfluenceFull(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: Container[],
): Promise<void> {
  ctx.progress?.total('confluence', undefined);
  const marks = await crawlSpaces(ctx, source, spaces);
  const latestComment = await crawlComments(ctx, source, new Set(spaces.map((s) => s.key)));
  saveWatermark(ctx, [...marks, latestComment]);
}

const cqlString = (value: string) => `"${value.replace(/"/g, '\\"')}"`;

/**
 * Pages and blog posts changed since the watermark from one CQL search (bodies included), comments from the
 * newest end of the site-wide listings; spaces never crawled before get a full crawl. Deletions are left to the
 * next full crawl (see --reconcile-days).
 */
export async function crawlConfluenceIncremental(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: Container[],
): Promise<void> {
  const since = ctx.sink.checkpoint('confluence', SITE_KEY)?.watermark;
  if (!since) return crawlConfluenceFull(ctx, source, spaces);
  const fresh = spaces.filter((s) => ctx.sink.checkpoint('confluence', s.key) === undefined);
  const known = spaces.filter((s) => !fresh.includes(s));
  const marks = await crawlSpaces(ctx, source, fresh);
  const byKey = new Map(known.map((s) => [s.key, s]));
  let latest = Date.parse(since);
  if (known.length > 0) {
    const cql =
      `type in (page, blogpost) and space in (${known.map((s) => cqlString(s.key)).join(',')}) ` +
      `and lastmodified >= "${queryDateLiteral(since, ctx.timeZone)}" order by lastmodified asc`;
    for (let paging: Record<string, string> | undefined = {}; paging;) {
      if (ctx.signal.aborted) return;
      const page = await source.changedContent(cql, byKey, paging);
      for (const [key, items] of groupBySpace(page.items)) {
        await processPage(items, pageContext(ctx, 'confluence', key), undefined, 'fields+item');
      }
      for (const s of page.items) if (s.item.updated) latest = Math.max(latest, Date.parse(s.item.updated));
      ctx.progress?.advance('confluence', page.items.length);
      paging = page.next;
    }
  }
  const overlap = Date.parse(since) - DEFAULT_OVERLAP_MINUTES * 60_000;
  const latestComment = await crawlComments(ctx, source, new Set(spaces.map((s) => s.key)), overlap);
  await sweepTrash(ctx, source);
  saveWatermark(ctx, [latest, latestComment, ...marks]);
}

/** Deleted pages and blog posts go to the trash, which CQL does not search: the trash listings find them. */
async function sweepTrash(ctx: CrawlContext, source: ConfluenceSource): Promise<void> {
  for (const type of ['page', 'blogpost'] as const) {
    for (let cursor: string | undefined; ;) {
      if (ctx.signal.aborted) return;
      const page = await source.trashedPage(type, cursor);
      const known = ctx.sink.known('confluence', page.ids);
      for (const [key, items] of groupBySpace(
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
