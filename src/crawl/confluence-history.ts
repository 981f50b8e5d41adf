// Which former versions of a listed page or blog post to read (--include-history): only those no earlier run
// scanned, judged from the stored item and whether the last run that completed also read history.
import type { SourceItem } from '../sources/jira.ts';
import type { CrawlContext } from './context.ts';
import { describe, skipReason, statusOf } from './errors.ts';
import type { Extras, PageEntry, RecordMode } from './pipeline.ts';

/**
 * The first version number to read, or undefined for none. A whole-item record (full crawls) replaces the
 * item's former-version findings too, so a changed item has all its history read again; a field-scoped one
 * (incremental) keeps them, so only the versions since the stored one are new.
 */
export function firstUnscannedVersion(
  { source, previous, changed }: PageEntry,
  mode: RecordMode,
  historyScannedBefore: boolean,
): number | undefined {
  const current = source.item.version ?? 1;
  if (current <= 1) return undefined;
  if (!historyScannedBefore || !previous) return 1;
  if (!changed) return undefined;
  if (mode === 'item') return 1;
  const stored = previous.item.version ?? 1;
  return stored < current ? stored : undefined;
}

export function historyExtras(
  ctx: CrawlContext,
  mode: RecordMode,
  historyScannedBefore: boolean,
): Extras | undefined {
  const { history } = ctx;
  if (!history) return undefined;
  return async (entries) => {
    const read = entries.map(async (entry): Promise<SourceItem | undefined> => {
      const from = firstUnscannedVersion(entry, mode, historyScannedBefore);
      if (from === undefined) return undefined;
      const { item } = entry.source;
      try {
        return await history.formerVersions(item, from);
      } catch (error) {
        const reason = skipReason(error);
        if (!reason) throw error;
        // Gone since it was listed: nothing left to read, and not a gap.
        if (statusOf(error) === 404) return undefined;
        ctx.coverage('confluence', item.containerKey).skip(reason);
        ctx.logger.warn({ item: item.id, error: describe(error) }, 'page history not readable');
        return undefined;
      }
    });
    return (await Promise.all(read)).filter((s): s is SourceItem => s !== undefined && s.docs.length > 0);
  };
}
