// Confluence, incremental: the spaces that need a full read (see baselines.ts) get one; pages and blog posts of
// the others changed since the earliest of their watermarks come from one CQL search (bodies included), comments
// from the newest end of the site-wide listings, deleted pages from the trash.
import type { ConfluenceSource } from '../sources/confluence.ts';
import { quoteLiteral } from '../sources/query-literal.ts';
import { DEFAULT_OVERLAP_MINUTES, queryDateLiteral } from '../sources/query-time.ts';
import type { Container } from '../types.ts';
import type { ReadSplit } from './baselines.ts';
import { sweepIfDue } from './comment-sweep.ts';
import { crawlAttachments } from './confluence-attachments.ts';
import type { CommentResult } from './confluence-comments.ts';
import {
  crawlSpaces,
  evenAfterGap,
  historyScannedBefore,
  keysOf,
  saveWatermark,
  withAllComments,
  withComments,
} from './confluence-crawl.ts';
import { historyExtras } from './confluence-history.ts';
import { containerMetadata, groupByContainer, pageContext, uncounted, type CrawlContext } from './context.ts';
import { SITE_KEY } from './jira-crawl.ts';
import { settled } from './fetch-ahead.ts';
import { processPage } from './pipeline.ts';

/**
 * Pages and blog posts changed since the earliest watermark of the spaces read incrementally, from one CQL search
 * (bodies included), and comments from the newest end of the site-wide listings. The spaces that need a full read
 * (see baselines.ts) get one first; when one of them could be read, the comment listings are then read whole, as
 * its older comments are unread (a space still refused costs its one probe only); so they are when the last run
 * was refused them for a missing scope. Deleted pages are found in the trash, deleted comments by an ids-only sweep
 * of the comment listings (at most every COMMENT_SWEEP_MS).
 */
export async function crawlConfluenceIncremental(
  ctx: CrawlContext,
  source: ConfluenceSource,
  reads: Required<ReadSplit>,
): Promise<void> {
  const { full, incremental: known, since } = reads;
  const spaces = [...full, ...known];
  const marks = await crawlSpaces(ctx, source, full);
  const readWhole =
    full.some((s) => !ctx.coverage('confluence', s.key).value.skipped.forbidden) ||
    ctx.sink.checkpoint('confluence', SITE_KEY)?.commentsUnread === true;
  const changed = () => crawlChanged(ctx, source, known, since);
  const overlap = Date.parse(since) - DEFAULT_OVERLAP_MINUTES * 60_000;
  const listings = async (): Promise<[number, CommentResult, string | undefined]> => {
    if (readWhole) return withAllComments(ctx, source, spaces, changed);
    const listing = { spaces: keysOf(spaces), since: overlap };
    const [[latest, swept], comments] = await withComments(ctx, source, listing, () =>
      Promise.all([changed(), sweepIfDue(ctx, source, listing.spaces)]),
    );
    return [latest, comments, swept];
  };
  const [latest, comments, swept] = await evenAfterGap(await settled(listings()), async () => {
    await sweepTrash(ctx, source);
    await crawlAttachments(ctx, source, keysOf(spaces), overlap);
    await refreshMetadata(ctx, known);
  });
  if (ctx.signal.aborted) return;
  for (const space of known) ctx.coverage('confluence', space.key).finish();
  saveWatermark(ctx, spaces, [latest, ...marks], comments, swept);
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
