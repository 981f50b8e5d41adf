// The Jira site configuration container: custom field names (from the field catalogue) and workflow and status
// names. Full runs read them; incremental runs when the last read is older than CONFIG_REFRESH_MS, so a nightly run
// finds a rename while hourly runs stay within their request budget. Each read costs the catalogue (which full
// runs read anyway) and one workflow page per 50 workflows; an unchanged item costs no detection (same hash).
import { CONFIG_KEY, type FieldCatalogue, type JiraConfig } from '../sources/jira-config.ts';
import type { SourceItem } from '../sources/jira.ts';
import { pageContext, type CrawlContext } from './context.ts';
import { describe, skipReason } from './errors.ts';
import { settled } from './fetch-ahead.ts';
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
 * Records the configuration items; `catalogue` undefined when they are not due (see configDue): then the coverage of
 * their last read is reported again (its gaps still stand, and a summary does not call the container unread). Workflows need the Administer Jira permission: without it they are a coverage
 * gap (and their item, with any findings from an earlier run, is left as it was: nothing was read to resolve them).
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
  if (recorded) return;
  const readAt = new Date().toISOString();
  const workflows = settled(config.workflowsItem());
  const items: SourceItem[] = [config.fieldsItem((await catalogue).customFields)];
  const result = await workflows;
  if (result.ok) items.push(result.value);
  else {
    const reason = skipReason(result.error);
    if (!reason) throw result.error;
    coverage.listed(1); // the workflows item exists but could not be read: coverage 1 of 2, not 1 of 1
    coverage.skip(reason);
    ctx.logger.warn(
      { error: describe(result.error) },
      'Jira workflow names not readable (the API user needs the Administer Jira permission)',
    );
  }
  if (ctx.signal.aborted) return;
  await processPage(items, context, {
    runId: ctx.run.runId,
    coverage: coverage.value,
    phase: 'config',
    done: true,
    watermark: readAt,
  });
}
