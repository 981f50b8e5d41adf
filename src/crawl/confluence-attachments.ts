// Confluence attachments from the site-wide v2 listing, read once the spaces' pages and blog posts are recorded:
// names and comments are recorded as field-scoped additions of their page (as comments are), contents through
// attachment-content.ts when asked for. After a complete listing, what is open in attachment fields of files no
// longer listed is resolved (a deleted attachment leaves its page's version as it was).
import { attachmentDocs } from '../sources/attachments.ts';
import type { ConfluenceSource } from '../sources/confluence.ts';
import type { SourceItem } from '../sources/jira.ts';
import { ATTACHMENT_FIELDS } from '../types.ts';
import { groupByContainer, pageContext, type CrawlContext } from './context.ts';
import { processPage } from './pipeline.ts';

async function recordGroups(ctx: CrawlContext, groups: Iterable<SourceItem>): Promise<void> {
  const extras = ctx.content?.extras(ctx.sink, 'confluence');
  for (const [key, items] of groupByContainer([...groups])) {
    await processPage(items, pageContext(ctx, 'confluence', key), undefined, 'fields', extras);
  }
}

/** Resolves attachment findings of files the complete listing did not show, in the spaces crawled. */
async function resolveUnlisted(
  ctx: CrawlContext,
  spaces: ReadonlySet<string>,
  listed: ReadonlySet<string>,
): Promise<void> {
  const open = ctx.sink
    .openFields('confluence', Object.values(ATTACHMENT_FIELDS))
    .filter((o) => spaces.has(o.containerKey) && !listed.has(o.fieldId));
  const known = ctx.sink.known('confluence', [...new Set(open.map((o) => o.itemId))]);
  const groups = new Map<string, SourceItem>();
  for (const { itemId, field, fieldId } of open) {
    const parent = known.get(itemId);
    if (!parent) continue;
    const group = groups.get(itemId) ?? { item: parent.item, docs: [], truncated: 0 };
    // An empty text in a field-scoped record resolves the findings that field held.
    group.docs.push({ itemId, field, fieldId, url: parent.item.url, text: '' });
    groups.set(itemId, group);
  }
  // Not listed, so not content-read either: no extras.
  for (const [key, items] of groupByContainer([...groups.values()])) {
    await processPage(items, pageContext(ctx, 'confluence', key), undefined, 'fields');
  }
}

/**
 * `changedSince` (incremental runs, ms): a file whose current version is older, on a page or blog post this run did
 * not record again, keeps what an earlier run found in its name and comment and is not handed to the detector
 * (unless contents are read).
 */
export async function crawlAttachments(
  ctx: CrawlContext,
  source: ConfluenceSource,
  spaces: ReadonlySet<string>,
  changedSince?: number,
): Promise<void> {
  const listed = new Set<string>();
  for (let cursor: string | undefined; ;) {
    if (ctx.signal.aborted) return;
    const page = await source.attachmentPage(cursor);
    const owners = [...new Set(page.attachments.map((a) => a.ref.itemId))];
    const known = ctx.sink.known('confluence', owners);
    const groups = new Map<string, SourceItem>();
    for (const { ref, comment } of page.attachments) {
      listed.add(ref.id);
      const parent = known.get(ref.itemId);
      if (!parent || !spaces.has(parent.item.containerKey)) continue; // content outside this crawl's scope
      const unchanged =
        changedSince !== undefined &&
        ref.uploadedAt !== undefined &&
        Date.parse(ref.uploadedAt) < changedSince;
      // With contents asked for, every file goes on: the contents step reads the versions not read before.
      if (unchanged && parent.runId !== ctx.run.runId && !ctx.content) continue;
      const group = groups.get(ref.itemId) ?? { item: parent.item, docs: [], truncated: 0, attachments: [] };
      group.docs.push(...attachmentDocs(ref, comment));
      group.attachments!.push(ref);
      groups.set(ref.itemId, group);
    }
    await recordGroups(ctx, groups.values());
    cursor = page.cursor;
    if (!cursor) break;
  }
  await resolveUnlisted(ctx, spaces, listed);
}
