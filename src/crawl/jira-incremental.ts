// Jira, incremental: the projects that need a full read (new, never read to their end, due, or refused until now:
// see baselines.ts) get one; everything else updated since the earliest of their watermarks comes from one JQL
// query over them, with an ids-only sweep for deletions. The watermark is the latest `updated` the server
// reported, so the server's clock, not ours, decides what is new.
import type { FieldCatalogue } from '../sources/jira-config.ts';
import type { FieldRef, JiraSource } from '../sources/jira.ts';
import { quoteLiteral } from '../sources/query-literal.ts';
import { queryDateLiteral } from '../sources/query-time.ts';
import type { Container } from '../types.ts';
import type { ReadSplit } from './baselines.ts';
import { groupByContainer, pageContext, type CrawlContext } from './context.ts';
import { describe, statusOf } from './errors.ts';
import { settled } from './fetch-ahead.ts';
import {
  crawlProjects,
  latest,
  maxUpdated,
  recordMetadata,
  saveSiteWatermark,
  SITE_KEY,
} from './jira-crawl.ts';
import { processPage } from './pipeline.ts';

type Statuses = Map<string, Set<string>>;

export async function crawlJiraIncremental(
  ctx: CrawlContext,
  jira: JiraSource,
  reads: Required<ReadSplit>,
  catalogue: Promise<FieldCatalogue> | undefined,
): Promise<void> {
  const site = ctx.sink.checkpoint('jira', SITE_KEY);
  // This run's catalogue when the site texts were due to be read again; the last run's text fields otherwise.
  const fields = catalogue
    ? (await catalogue).textFields
    : (site?.textFields ?? (await jira.config.fieldCatalogue()).textFields);
  const { full, incremental: known, since } = reads;
  const all = [...full, ...known];
  const freshMarks = await crawlProjects(ctx, jira, full, fields);
  const statuses: Statuses = new Map(known.map((p) => [p.key, new Set<string>()]));
  const { watermark, readable } = await readChangedOrEach(ctx, jira, known, since, fields, statuses);
  if (ctx.signal.aborted) return;
  if (readable.length > 0) await sweepDeletedIssues(ctx, jira, readable);
  await refreshMetadata(ctx, readable, statuses);
  if (ctx.signal.aborted) return;
  for (const project of known) ctx.coverage('jira', project.key).finish();
  saveSiteWatermark(ctx, all, latest([watermark, ...freshMarks]), fields);
}

/**
 * Jira refuses a whole query naming a project the user may no longer browse (400). Then each project is asked
 * alone: the refused ones are gaps (`forbidden`), the rest are read. Costs one query per project, once: the next
 * run probes the refused ones apart (see baselines.ts).
 */
async function readChangedOrEach(
  ctx: CrawlContext,
  jira: JiraSource,
  known: readonly Container[],
  since: string,
  fields: readonly FieldRef[],
  statuses: Statuses,
): Promise<{ watermark: string; readable: Container[] }> {
  try {
    return { watermark: await readChanged(ctx, jira, known, since, fields, statuses), readable: [...known] };
  } catch (error) {
    if (statusOf(error) !== 400) throw error;
  }
  let watermark = since;
  const readable: Container[] = [];
  for (const project of known) {
    try {
      const mark = await readChanged(ctx, jira, [project], since, fields, statuses);
      watermark = latest([watermark, mark]) ?? watermark;
      readable.push(project);
    } catch (error) {
      if (statusOf(error) !== 400) throw error;
      ctx.coverage('jira', project.key).skip('forbidden');
      ctx.logger.warn({ project: project.key, error: describe(error) }, 'project no longer readable');
    }
  }
  return { watermark, readable };
}

/** Everything in `projects` updated since `since`, from one query; returns the latest `updated` seen. */
async function readChanged(
  ctx: CrawlContext,
  jira: JiraSource,
  projects: readonly Container[],
  since: string,
  fields: readonly FieldRef[],
  statuses: Statuses,
): Promise<string> {
  const keys = new Set(projects.map((p) => p.key));
  const jql =
    `project in (${projects.map((p) => quoteLiteral(p.key)).join(',')}) AND ` +
    `updated >= "${queryDateLiteral(since, ctx.timeZone)}" ORDER BY updated ASC, key ASC`;
  let watermark = since;
  const fetchPage = (token?: string) => settled(jira.searchPage(jql, fields, token));
  for (let pending = fetchPage(); ;) {
    if (ctx.signal.aborted) return watermark;
    const result = await pending;
    if (!result.ok) throw result.error;
    const page = result.value;
    if (page.nextPageToken !== undefined) pending = fetchPage(page.nextPageToken);
    const ofKnown = page.items.filter((s) => keys.has(s.item.containerKey));
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
    if (page.nextPageToken === undefined) return watermark;
  }
}

/**
 * Known projects' metadata items are recorded again from this run's project listing, with the saved status names
 * and those seen now: a project renamed or redescribed is scanned by the next run, and an unchanged one costs
 * nothing (same content hash). The checkpoint is kept as it was, statuses aside.
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
