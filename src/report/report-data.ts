// Assembles what the HTML and terminal reports show, from the store only (reports never call the APIs).
import type { ContributionView, Plan } from '../store/contribution.ts';
import type { Store } from '../store/store.ts';
import type { ContainerRow, ReportData, TopItem } from './model.ts';

export interface ReportOptions {
  plan: Plan;
  excluded: readonly string[];
  since?: string;
  /** Default: the last finished run. */
  runId?: number;
}

function topItems(store: Store, siteId: number, since: string | undefined): TopItem[] {
  return store.findings.topItems({ siteId, since }, 25).map((item) => ({
    product: item.product,
    containerKey: item.containerKey,
    title: item.itemKey ? `${item.itemKey} ${item.itemTitle}` : item.itemTitle,
    url: item.itemUrl,
    findings: item.findings,
    worst: item.worst,
    categories: item.categories,
  }));
}

/** The contribution view the report is built on: the run's scores (calculated when `since` applies). */
export function reportView(store: Store, options: ReportOptions): ContributionView {
  return store.contribution({
    plan: options.plan,
    excluded: options.excluded,
    since: options.since,
    runId: options.runId,
  });
}

/** `view` defaults to reportView(store, options); pass it when the caller shows its scores too (computed once). */
export function buildReportData(
  store: Store,
  options: ReportOptions,
  view: ContributionView = reportView(store, options),
): ReportData {
  const run = store.runs.get(view.runId);
  const coverage = new Map(
    store.runs.coverage(run.id).map((c) => [`${c.container.product}:${c.container.key}`, c]),
  );
  const site = view.site;
  const containers: ContainerRow[] = view.containers
    .map(({ score, container, contributed, why }) => {
      const cov = coverage.get(`${container.product}:${container.key}`);
      return {
        product: container.product,
        key: container.key,
        name: container.name,
        url: container.url,
        score: score.score,
        open: score.openFindings,
        suppressed: score.suppressed,
        counts: score.counts,
        density: score.density,
        coverage: score.coverage,
        listed: cov?.listed ?? score.itemsListed,
        scanned: cov?.scanned ?? score.itemsScanned,
        skipped: cov?.skipped ?? {},
        contributed,
        contributionReason: why,
      };
    })
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  return {
    siteUrl: run.siteUrl,
    generatedAt: new Date().toISOString(),
    run: {
      id: run.id,
      mode: run.mode,
      status: run.status,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      siteGaps: run.siteGaps,
    },
    site: {
      score: site.score,
      open: site.openFindings,
      suppressed: site.suppressed,
      counts: site.counts,
      coverage: site.coverage,
      density: site.density,
    },
    containers,
    trend: store.scores
      .history(run.siteId)
      .filter((s) => s.runId <= run.id)
      .map((s) => ({ runId: s.runId, startedAt: store.runs.get(s.runId).startedAt, score: s.score })),
    topItems: topItems(store, run.siteId, options.since),
    plan: options.plan,
  };
}
