// Confluence: per space, pages and blog posts with bodies from the listings (cursor-checkpointed), then the
// site-wide footer and inline comment listings attached to their page by id. Two or three requests per 250
// items instead of several per page.
import pLimit from 'p-limit';
import type { ConfluenceSource, RawComment } from '../sources/confluence.ts';
import type { SourceItem } from '../sources/jira.ts';
import type { Container } from '../types.ts';
import type { CrawlContext } from './context.ts';
import { describe, skipReason } from './errors.ts';
import { maxUpdated, SITE_KEY } from './jira-crawl.ts';
import { processPage } from './pipeline.ts';

const PHASES = ['page', 'blogpost'] as const;

function spaceMetadata(space: Container): SourceItem {
  const id = `space:${space.id}`;
  const docs = [
    { itemId: id, field: 'name', url: space.url, text: space.name },
    { itemId: id, field: 'description', url: space.url, text: space.description ?? '' },
  ].filter((d) => d.text.trim() !== '');
  return {
    item: {
      product: 'confluence',
      containerKey: space.key,
      kind: 'space',
      id,
      title: space.name,
      url: space.url,
    },
    docs,
    truncated: 0,
  };
}

async function crawlSpace(
  ctx: CrawlContext,
  source: ConfluenceSource,
  space: Container,
): Promise<string | undefined> {
  const coverage = ctx.coverage('confluence', space.key);
  const saved = ctx.sink.checkpoint('confluence', space.key);
  const resuming = saved?.runId === ctx.run.runId;
  if (resuming && saved.done) return saved.watermark;
  const pageContext = {
    product: 'confluence' as const,
    containerKey: space.key,
    runId: ctx.run.runId,
    ...ctx,
    coverage,
  };
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
        const reason = skipReason(error);
        if (!reason) throw error;
        coverage.skip(reason);
        ctx.logger.warn({ space: space.key, phase, error: describe(error) }, 'space not fully readable');
        return watermark;
      }
      watermark = maxUpdated(page.items, watermark);
      await processPage(page.items, pageContext, {
        runId: ctx.run.runId,
        phase,
        cursor: page.cursor,
        watermark,
      });
      ctx.progress?.advance('confluence', page.items.length);
      cursor = page.cursor;
      if (!cursor) break;
    }
  }
  await processPage([spaceMetadata(space)], pageContext, {
    runId: ctx.run.runId,
    phase: 'done',
    done: true,
    watermark,
  });
  coverage.listed(-1);
  ctx.sink.reconcile('confluence', space.key);
  return watermark;
}

/** Attaches one listing page of comments to their pages and records them as field-scoped updates. */
async function recordComments(
  ctx: CrawlContext,
  source: ConfluenceSource,
  kind: 'footer' | 'inline',
  comments: RawComment[],
) {
  const ids = [...new Set(comments.map((c) => c.pageId ?? c.blogPostId).filter((id): id is string => !!id))];
  const known = ctx.sink.known('confluence', ids);
  const groups = new Map<string, SourceItem>();
  for (const comment of comments) {
    const parent = known.get(comment.pageId ?? comment.blogPostId ?? '');
    if (!parent || parent.runId !== ctx.run.runId) continue; // a page outside this crawl's scope
    const group = groups.get(parent.item.id) ?? { item: parent.item, docs: [], truncated: 0 };
    const { docs, truncated } = source.commentDocs(comment, kind, parent.item.id, parent.item.url);
    group.docs.push(...docs);
    group.truncated += truncated;
    groups.set(parent.item.id, group);
  }
  const byContainer = new Map<string, SourceItem[]>();
  for (const group of groups.values()) {
    const key = group.item.containerKey;
    byContainer.set(key, [...(byContainer.get(key) ?? []), group]);
  }
  for (const [key, items] of byContainer) {
    const coverage = ctx.coverage('confluence', key);
    await processPage(
      items,
      { product: 'confluence', containerKey: key, runId: ctx.run.runId, ...ctx, coverage },
      undefined,
      true,
    );
  }
}

async function crawlComments(ctx: CrawlContext, source: ConfluenceSource): Promise<void> {
  for (const kind of ['footer', 'inline'] as const) {
    for (let cursor: string | undefined; ;) {
      if (ctx.signal.aborted) return;
      const page = await source.commentPage(kind, cursor);
      await recordComments(ctx, source, kind, page.comments);
      cursor = page.cursor;
      if (!cursor) break;
    }
  }
}

export async function crawlConfluenceFull(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: Container[],
): Promise<void> {
  ctx.progress?.total('confluence', undefined);
  const limit = pLimit(ctx.containerConcurrency);
  const marks = await Promise.all(spaces.map((space) => limit(() => crawlSpace(ctx, source, space))));
  await crawlComments(ctx, source);
  const times = marks.filter((m): m is string => !!m).map((m) => Date.parse(m));
  if (!ctx.signal.aborted && times.length > 0) {
    const value = {
      runId: ctx.run.runId,
      phase: 'full',
      done: true,
      watermark: new Date(Math.max(...times)).toISOString(),
    };
    ctx.sink.record([], { product: 'confluence', containerKey: SITE_KEY, value });
  }
}
