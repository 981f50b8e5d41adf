// Deleted Confluence comments: their page does not change, so neither its content hash nor the newest-first
// listings of an incremental crawl reveal them. The comments that still hold unresolved findings are watched;
// a complete comment listing (a full crawl's, or an ids-only sweep) that does not show one means it is gone,
// and its findings are resolved by recording its fields empty.
import type { ConfluenceSource } from '../sources/confluence.ts';
import type { CrawlContext } from './context.ts';
import { settled } from './fetch-ahead.ts';
import { SITE_KEY } from './jira-crawl.ts';
import type { ScannedItem } from './ports.ts';

const COMMENT_FIELDS = [
  'footer-comment',
  'footer-comment-selection',
  'inline-comment',
  'inline-comment-selection',
];
/** An incremental crawl sweeps when the last sweep is older than this: every nightly run, twice a day at most. */
const COMMENT_SWEEP_MS = 12 * 3_600_000;

export type WatchedComments = Map<string, Array<{ itemId: string; field: string }>>;

/** Comment id → the items (in these spaces) and fields holding its unresolved findings. */
export function watchedComments(ctx: CrawlContext, spaces: ReadonlySet<string>): WatchedComments {
  const watched: WatchedComments = new Map();
  for (const { itemId, containerKey, field, fieldId } of ctx.sink.openFields('confluence', COMMENT_FIELDS)) {
    if (!spaces.has(containerKey)) continue;
    watched.set(fieldId, [...(watched.get(fieldId) ?? []), { itemId, field }]);
  }
  return watched;
}

/** Resolves the findings of these comments (deleted): each item's comment fields are recorded empty. */
export function resolveComments(ctx: CrawlContext, watched: WatchedComments, gone: Iterable<string>): void {
  const fieldsByItem = new Map<string, Array<{ field: string; fieldId: string }>>();
  for (const id of gone) {
    for (const { itemId, field } of watched.get(id) ?? []) {
      fieldsByItem.set(itemId, [...(fieldsByItem.get(itemId) ?? []), { field, fieldId: id }]);
    }
  }
  if (fieldsByItem.size === 0) return;
  const known = ctx.sink.known('confluence', [...fieldsByItem.keys()]);
  const batch: ScannedItem[] = [...known.values()].map(({ item, contentHash }) => ({
    item,
    contentHash,
    findings: [],
    scope: { fields: fieldsByItem.get(item.id) ?? [] },
  }));
  ctx.sink.record(batch);
}

/** Lists every comment id (no bodies, one page ahead) and resolves the watched comments not listed. */
export async function sweepDeletedComments(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: ReadonlySet<string>,
): Promise<boolean> {
  const watched = watchedComments(ctx, spaces);
  const unlisted = new Set(watched.keys());
  for (const kind of ['footer', 'inline'] as const) {
    const fetchPage = (cursor?: string) => settled(source.comments.page(kind, cursor, false, false));
    for (let pending = fetchPage(); unlisted.size > 0;) {
      if (ctx.signal.aborted) return false;
      const result = await pending;
      if (!result.ok) throw result.error;
      if (result.value.cursor !== undefined) pending = fetchPage(result.value.cursor);
      for (const c of result.value.comments) unlisted.delete(String(c.id));
      if (result.value.cursor === undefined) break;
    }
  }
  resolveComments(ctx, watched, unlisted);
  return true;
}

export const lastSweep = (ctx: CrawlContext) => ctx.sink.checkpoint('confluence', SITE_KEY)?.commentsSwept;

/** The ids-only sweep, when the last one is older than COMMENT_SWEEP_MS; returns the time of the latest sweep. */
export async function sweepIfDue(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: ReadonlySet<string>,
): Promise<string | undefined> {
  const last = lastSweep(ctx);
  if (last && Date.now() - Date.parse(last) < COMMENT_SWEEP_MS) return last;
  const startedAt = new Date().toISOString();
  return (await sweepDeletedComments(ctx, source, spaces)) ? startedAt : last;
}
