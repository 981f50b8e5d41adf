// The Jira site configuration container: custom field names (from the field catalogue) and workflow and status
// names. Full runs read them; incremental runs when the last read is older than CONFIG_REFRESH_MS, so a nightly run
// finds a rename while hourly runs stay within their request budget. Each read costs the catalogue (which full
// runs read anyway) and one workflow page per 50 workflows; an unchanged item costs no detection (same hash).
import { CONFIG_KEY, type FieldCatalogue, type JiraConfig } from '../sources/jira-config.ts';
import type { SourceItem } from '../sources/jira.ts';
import { pageContext, uncounted, type CrawlContext } from './context.ts';
import type { SkipReason } from './coverage.ts';
import { describe, skipReason } from './errors.ts';
import { settled, type Settled } from './fetch-ahead.ts';
import { maskFieldNames } from './mask-names.ts';
import { processPage } from './pipeline.ts';

/** Twelve hours: every nightly incremental run reads the site texts again, an hourly one twice a day. */
const CONFIG_REFRESH_MS = 12 * 3_600_000;

/** Whether this run reads the site texts (a resumed run that has not recorded them yet does). */
export function configDue(ctx: CrawlContext): boolean {
  const saved = ctx.sink.checkpoint('jira', CONFIG_KEY);
  if (ctx.run.mode === 'full' || !saved?.watermark) return true;
  if (saved.runId === ctx.run.runId) return !saved.done;
  return Date.now() - Date.parse(saved.watermark) >= CONFIG_REFRESH_MS;
}

/**
 * Records the configuration items; `catalogue` undefined when they are not due (see configDue): then the coverage
 * of their last read is reported again (its gaps still stand, and a summary does not call the container unread).
 * Workflows need the Administer Jira permission: without it they are a coverage gap, and findings of workflows
 * not read are left as they were (nothing was read to resolve them).
 */
export async function crawlJiraConfig(
  ctx: CrawlContext,
  config: JiraConfig,
  catalogue: Promise<FieldCatalogue> | undefined,
): Promise<void> {
  const saved = ctx.sink.checkpoint('jira', CONFIG_KEY);
  const resuming = saved?.runId === ctx.run.runId;
  const context = pageContext(ctx, 'jira', CONFIG_KEY);
  const { coverage } = context;
  // Recorded already by this (resumed) run, or not due: the coverage of that read is reported again.
  const recorded = (resuming && saved.done) || !catalogue;
  if (saved?.coverage && (resuming || recorded)) coverage.restore(saved.coverage);
  if (recorded) return coverage.finish();
  const readAt = new Date().toISOString();
  const workflows = settled(config.workflows());
  const { customFields } = await catalogue;
  const items: SourceItem[] = [config.fieldsItem(customFields)];
  ctx.sink.fieldNames('jira', await maskFieldNames(ctx.scanner, customFields, config.container().url));
  const result = await workflows;
  if (result.ok && result.value.complete) items.push(result.value.item);
  else {
    // The workflows item exists but could not be read whole: counted as a unit not read, so coverage is 1 of 2.
    coverage.skip(gapOf(ctx, result));
    if (result.ok && !ctx.signal.aborted) await recordPartial(ctx, result.value.item);
  }
  if (ctx.signal.aborted) return;
  await processPage(items, context, {
    runId: ctx.run.runId,
    coverage: coverage.value,
    phase: 'config',
    done: true,
    watermark: readAt,
  });
  coverage.finish();
}

/**
 * The workflows a non-administrator sees: once the item exists they replace only their own findings (the other
 * workflows were not read, so their findings stay open); the first time, they make the item. Not counted: the
 * item is already counted as listed and not scanned.
 */
async function recordPartial(ctx: CrawlContext, source: SourceItem): Promise<void> {
  const stored = ctx.sink.known('jira', [source.item.id]).size > 0;
  const context = uncounted(pageContext(ctx, 'jira', CONFIG_KEY));
  await processPage([source], context, undefined, stored ? 'fields' : 'item');
}

/** Why the workflows were not read whole (logged), or the error thrown again when it must stop the run. */
function gapOf(ctx: CrawlContext, result: Settled<unknown>): SkipReason {
  const warn = (error: string) =>
    ctx.logger.warn(
      { error },
      'Jira workflows not fully readable (the API user needs the Administer Jira permission)',
    );
  if (result.ok) {
    warn('not a Jira administrator');
    return 'forbidden';
  }
  const reason = skipReason(result.error);
  if (!reason) throw result.error;
  warn(describe(result.error));
  return reason;
}
