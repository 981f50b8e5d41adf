// Jira: full crawls per project (search/jql paged by nextPageToken, resumable from the stored token) and
// incremental crawls of everything updated since the watermark in one site-wide JQL query.
import type { FieldCatalogue } from '../sources/jira-config.ts';
import type { FieldRef, JiraSource, SourceItem } from '../sources/jira.ts';
import { quoteLiteral } from '../sources/query-literal.ts';
import { queryDateLiteral } from '../sources/query-time.ts';
import type { Container } from '../types.ts';
import { containerMetadata, groupByContainer, pageContext, uncounted, type CrawlContext } from './context.ts';
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
  coverage.finish();
  return watermark;
}

/** The project's metadata item (name, description, status names) with its checkpoint, statuses included. */
async function recordMetadata(
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

/**
 * On incremental runs, known projects' metadata items are recorded again from this run's project listing, with
 * the saved status names and those seen now: a project renamed or redescribed is scanned by the next run, and an
 * unchanged one costs nothing (same content hash). The checkpoint is kept as it was, statuses aside.
 */
async function refreshMetadata(
  ctx: CrawlContext,
  projects: readonly Container[],
  seen: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<void> {
  for (const project of projects) {
    if (ctx.signal.aborted) return;
    const saved = ctx.sink.checkpoint('jira', project.key);
    if (!saved) continue;
    const statuses = new Set([...(saved.statuses ?? []), ...(seen.get(project.key) ?? [])]);
    await recordMetadata(ctx, project, statuses, saved);
  }
}

function latest(instants: ReadonlyArray<string | undefined>): string | undefined {
  const times = instants.filter((t): t is string => t !== undefined).map((t) => Date.parse(t));
  return times.length > 0 ? new Date(Math.max(...times)).toISOString() : undefined;
}

function saveSiteWatermark(
  ctx: CrawlContext,
  watermark: string | undefined,
  fields: readonly FieldRef[],
): void {
  if (ctx.signal.aborted || !watermark) return;
  // Ids only: a field's name may hold a secret (it is scanned as site configuration), and names are not needed.
  const textFields = fields.map(({ id }) => ({ id }));
  const value = { runId: ctx.run.runId, phase: ctx.run.mode, done: true, watermark, textFields };
  ctx.sink.record([], { product: 'jira', containerKey: SITE_KEY, value });
}

async function crawlProjects(
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
  saveSiteWatermark(ctx, latest(await crawlProjects(ctx, jira, projects, fields)), fields);
}

/**
 * Everything updated since the site watermark, in one query over the known projects; projects never crawled
 * before get a full crawl. The watermark is the latest `updated` the server reported, so the server's clock,
 * not ours, decides what is new.
 */
export async function crawlJiraIncremental(
  ctx: CrawlContext,
  jira: JiraSource,
  projects: Container[],
  catalogue: Promise<FieldCatalogue> | undefined,
): Promise<void> {
  const site = ctx.sink.checkpoint('jira', SITE_KEY);
  const since = site?.watermark;
  if (!since) return crawlJiraFull(ctx, jira, projects, catalogue);
  // This run's catalogue when the site texts were due to be read again; the last run's text fields otherwise.
  const fields = catalogue
    ? (await catalogue).textFields
    : (site.textFields ?? (await jira.config.fieldCatalogue()).textFields);
  const fresh = projects.filter((p) => ctx.sink.checkpoint('jira', p.key) === undefined);
  const known = projects.filter((p) => !fresh.includes(p));
  const freshMarks = await crawlProjects(ctx, jira, fresh, fields);
  if (known.length === 0) return saveSiteWatermark(ctx, latest([since, ...freshMarks]), fields);
  const byKey = new Map(known.map((p) => [p.key, p]));
  const jql =
    `project in (${known.map((p) => quoteLiteral(p.key)).join(',')}) AND ` +
    `updated >= "${queryDateLiteral(since, ctx.timeZone)}" ORDER BY updated ASC, key ASC`;
  let watermark = since;
  const statuses = new Map(known.map((p) => [p.key, new Set<string>()]));
  const fetchPage = (token?: string) => settled(jira.searchPage(jql, fields, token));
  for (let pending = fetchPage(); ;) {
    if (ctx.signal.aborted) return;
    const result = await pending;
    if (!result.ok) throw result.error;
    const page = result.value;
    if (page.nextPageToken !== undefined) pending = fetchPage(page.nextPageToken);
    const ofKnown = page.items.filter((s) => byKey.has(s.item.containerKey));
    for (const { item } of ofKnown) if (item.status) statuses.get(item.containerKey)?.add(item.status);
    for (const [key, items] of groupByContainer(ofKnown)) {
      await processPage(
        items,
        pageContext(ctx, 'jira', key),
        undefined,
        'item',
        ctx.content?.extras(ctx.sink, 'jira'),
      );
    }
    watermark = maxUpdated(page.items, watermark) ?? watermark;
    ctx.progress?.advance('jira', page.items.length);
    if (page.nextPageToken === undefined) break;
  }
  await sweepDeletedIssues(ctx, jira, known);
  await refreshMetadata(ctx, known, statuses);
  if (ctx.signal.aborted) return;
  for (const project of known) ctx.coverage('jira', project.key).finish();
  saveSiteWatermark(ctx, latest([watermark, ...freshMarks]), fields);
}

/** Deleted issues are invisible to `updated >=` queries: one ids-only search (5000 per request) finds them. */
async function sweepDeletedIssues(ctx: CrawlContext, jira: JiraSource, projects: Container[]): Promise<void> {
  const present = new Set<string>();
  const jql = `project in (${projects.map((p) => quoteLiteral(p.key)).join(',')}) ORDER BY key ASC`;
  for (let token: string | undefined; ;) {
    if (ctx.signal.aborted) return;
    const page = await jira.idPage(jql, token);
    for (const issue of page.issues) present.add(issue.id);
    token = page.nextPageToken;
    if (!token) break;
  }
  for (const project of projects) {
    const gone = ctx.sink.liveIds('jira', project.key).filter((id) => !present.has(id));
    ctx.sink.remove('jira', project.key, gone);
  }
}
