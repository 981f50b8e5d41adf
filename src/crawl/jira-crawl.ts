// Jira: full crawls per project (search/jql paged by nextPageToken, resumable from the stored token). The
// incremental crawl of the projects that need no full read is in jira-incremental.ts.
import type { FieldCatalogue } from '../sources/jira-config.ts';
import type { FieldRef, JiraSource, SourceItem } from '../sources/jira.ts';
import { quoteLiteral } from '../sources/query-literal.ts';
import type { Container } from '../types.ts';
import { advanceWatermarks } from './baselines.ts';
import { containerMetadata, pageContext, uncounted, type CrawlContext } from './context.ts';
import { describe, skipReason, statusOf } from './errors.ts';
import { settled } from './fetch-ahead.ts';
import { processPage } from './pipeline.ts';
import type { Checkpoint } from './ports.ts';

/** Checkpoints of site-wide phases (watermarks, comment listings) use this container key. */
export const SITE_KEY = '';

export function maxUpdated(items: readonly SourceItem[], previous?: string): string | undefined {
  let max = previous ? Date.parse(previous) : -Infinity;
  for (const { item } of items) if (item.updated) max = Math.max(max, Date.parse(item.updated));
  return Number.isFinite(max) ? new Date(max).toISOString() : undefined;
}

/** Crawls one project to the end; returns its watermark (latest `updated` seen). */
async function crawlProject(
  ctx: CrawlContext,
  jira: JiraSource,
  project: Container,
  fields: readonly FieldRef[],
): Promise<string | undefined> {
  const saved = ctx.sink.checkpoint('jira', project.key);
  const resuming = saved?.runId === ctx.run.runId;
  const context = pageContext(ctx, 'jira', project.key);
  const { coverage } = context;
  // Counts so far travel in the checkpoint: a resumed run reports the whole container, not only its tail.
  if (resuming && saved.coverage) coverage.restore(saved.coverage);
  if (resuming && saved.done) {
    ctx.sink.recordBaseline('jira', project.key, { complete: true });
    coverage.finish();
    return saved.watermark;
  }
  const jql = `project = ${quoteLiteral(project.key)} ORDER BY key ASC`;
  const fetchPage = (token?: string) => settled(jira.searchPage(jql, fields, token));
  let token = resuming ? saved.cursor : undefined;
  let watermark = resuming ? saved.watermark : undefined;
  // The status names seen so far travel in the checkpoint too: a resumed run's metadata item lists them all.
  const statuses = new Set<string>(resuming ? saved.statuses : []);
  let pending = fetchPage(token);
  for (;;) {
    if (ctx.signal.aborted) return watermark;
    const result = await pending;
    if (!result.ok) {
      if (token && statusOf(result.error) === 400) {
        token = undefined; // an expired page token: list again, items already recorded by this run are skipped
        pending = fetchPage(token);
        continue;
      }
      const reason = skipReason(result.error);
      if (!reason) throw result.error;
      coverage.skip(reason);
      coverage.finish();
      ctx.logger.warn({ project: project.key, error: describe(result.error) }, 'project not fully readable');
      return watermark;
    }
    const page = result.value;
    // One page ahead: the next page travels while this one is detected and recorded.
    if (page.nextPageToken !== undefined) pending = fetchPage(page.nextPageToken);
    for (const s of page.statuses) statuses.add(s);
    watermark = maxUpdated(page.items, watermark);
    const checkpoint = {
      runId: ctx.run.runId,
      coverage: coverage.value,
      phase: 'issues',
      cursor: page.nextPageToken,
      done: false,
      watermark,
      statuses: [...statuses].sort(),
    };
    await processPage(page.items, context, checkpoint, 'item', ctx.content?.extras(ctx.sink, 'jira'));
    ctx.progress?.advance('jira', page.items.length);
    token = page.nextPageToken;
    if (token === undefined) break;
  }
  await recordMetadata(ctx, project, statuses, {
    runId: ctx.run.runId,
    coverage: coverage.value,
    phase: 'issues',
    done: true,
    watermark,
  });
  ctx.sink.reconcile('jira', project.key);
  ctx.sink.recordBaseline('jira', project.key, { complete: true });
  coverage.finish();
  return watermark;
}

/** The project's metadata item (name, description, status names) with its checkpoint, statuses included. */
export async function recordMetadata(
  ctx: CrawlContext,
  project: Container,
  statuses: ReadonlySet<string>,
  checkpoint: Checkpoint,
): Promise<void> {
  const names = [...statuses].sort();
  const context = uncounted(pageContext(ctx, 'jira', project.key));
  const metadata = containerMetadata(project, { statuses: names.join('\n') });
  await processPage([metadata], context, { ...checkpoint, statuses: names });
}

export function latest(instants: ReadonlyArray<string | undefined>): string | undefined {
  const times = instants.filter((t): t is string => t !== undefined).map((t) => Date.parse(t));
  return times.length > 0 ? new Date(Math.max(...times)).toISOString() : undefined;
}

/** The product's watermark, on the site checkpoint and on every project this run read to its end. */
export function saveSiteWatermark(
  ctx: CrawlContext,
  projects: readonly Container[],
  watermark: string | undefined,
  fields: readonly FieldRef[],
): void {
  if (ctx.signal.aborted || !watermark) return;
  advanceWatermarks(ctx, 'jira', projects, watermark);
  // Ids only: a field's name may hold a secret (it is scanned as site configuration), and names are not needed.
  const textFields = fields.map(({ id }) => ({ id }));
  const value = { runId: ctx.run.runId, phase: ctx.run.mode, done: true, watermark, textFields };
  ctx.sink.record([], { product: 'jira', containerKey: SITE_KEY, value });
}

export async function crawlProjects(
  ctx: CrawlContext,
  jira: JiraSource,
  projects: Container[],
  fields: readonly FieldRef[],
) {
  return Promise.all(
    projects.map((project) => ctx.containerLimit(() => crawlProject(ctx, jira, project, fields))),
  );
}

/** `catalogue`: the field catalogue, asked for beside the project listing. */
export async function crawlJiraFull(
  ctx: CrawlContext,
  jira: JiraSource,
  projects: Container[],
  catalogue: Promise<FieldCatalogue> = jira.config.fieldCatalogue(),
): Promise<void> {
  const fields = (await catalogue).textFields;
  // The count only sizes a progress bar: asked for when one is shown, and never waited for.
  const progress = ctx.progress;
  if (progress && projects.length === 0) progress.total('jira', 0);
  else if (progress) void jira.count(projects.map((p) => p.key)).then((n) => progress.total('jira', n));
  const marks = await crawlProjects(ctx, jira, projects, fields);
  saveSiteWatermark(ctx, projects, latest(marks), fields);
}
