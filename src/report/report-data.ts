// Assembles the report model (model.ts) from the store only (reports never call the APIs): the run's places with
// their state, numbers where a run measured them, ranks, the shortlist, the trend and the items to clean first.
import { placeCoverage, ranks, scoreBand, siteCoverage } from '../score.ts';
import type { ContributionView, Plan } from '../store/contribution.ts';
import type { PlaceStatus } from '../store/places.ts';
import { PLACE_STATES } from '../store/places.ts';
import type { ScoreRecord } from '../store/scores.ts';
import type { Store } from '../store/store.ts';
import { SITE_CONFIGURATION_TYPE } from '../types.ts';
import { placeReason } from './coverage-state.ts';
import {
  REPORT_SCHEMA_VERSION,
  type Measure,
  type PlaceRow,
  type ReportData,
  type SiteSummary,
} from './model.ts';
import { shortlist } from './shortlist.ts';
import { topItems } from './top-items.ts';

export interface ReportOptions {
  plan: Plan;
  excluded: readonly string[];
  since?: string;
  /** Default: the last finished run. */
  runId?: number;
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

export function measureOf(score: ScoreRecord): Measure {
  return {
    score: score.score,
    weight: score.weighted,
    band: scoreBand(score.score),
    open: score.openFindings,
    suppressed: score.suppressed,
    counts: score.counts,
    itemsWithFindings: score.itemsByCategory,
    density: score.density,
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

function isLoopback(url: string): boolean {
  try {
    return LOOPBACK.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

function placeRow(place: PlaceStatus, view: ContributionView['containers'][number]): PlaceRow {
  const { container } = place;
  const personal = container.type === 'personal' || container.key.startsWith('~');
  // The run's counts where it tried to read the place (a refused place read 0 of it); none where it left it out.
  const read = (place.state === 'scanned' || place.state === 'not-read') && place.coverage;
  return {
    product: container.product,
    key: container.key,
    name: container.name,
    label: personal ? container.name : container.key,
    url: container.url,
    type: container.type,
    siteWide: container.type === SITE_CONFIGURATION_TYPE,
    state: place.state,
    gaps: place.gaps,
    reason: placeReason(place),
    lastScanned: place.lastRead && { run: place.lastRead.runId, at: place.lastRead.startedAt },
    stale: place.state !== 'scanned' && place.lastRead !== null,
    rank: null,
    measure: place.lastRead ? measureOf(view.score) : null,
    coverage: read ? placeCoverage(read) : null,
    listed: read ? read.listed : null,
    scanned: read ? read.scanned : null,
    visibility: container.visibility,
    contribution: { contributed: view.contributed, reason: view.why },
  };
}

function siteSummary(
  view: ContributionView,
  rows: readonly PlaceRow[],
  gaps: SiteSummary['listingGaps'],
  attachmentContents: SiteSummary['attachmentContents'],
): SiteSummary {
  const places = Object.fromEntries(PLACE_STATES.map((s) => [s, 0])) as SiteSummary['places'];
  for (const row of rows) places[row.state]++;
  places.listed = rows.length;
  const coverage = siteCoverage(rows.map((r) => ({ read: r.state === 'scanned', coverage: r.coverage })));
  return { measure: measureOf(view.site), coverage, places, listingGaps: gaps, attachmentContents };
}

/** `view` defaults to reportView(store, options); pass it when the caller shows its scores too (computed once). */
export function buildReportData(
  store: Store,
  options: ReportOptions,
  view: ContributionView = reportView(store, options),
): ReportData {
  const run = store.runs.get(view.runId);
  const verdicts = new Map(view.containers.map((c) => [c.container.id, c]));
  const rows: PlaceRow[] = [];
  for (const [id, place] of store.places.forRun(run.id)) {
    const verdict = verdicts.get(id);
    if (verdict) rows.push(placeRow(place, verdict));
  }
  const rank = ranks(rows.map((r) => r.measure?.weight ?? null));
  rows.forEach((r, i) => (r.rank = rank[i] ?? null));
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.key.localeCompare(b.key));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    siteUrl: run.siteUrl,
    demo: isLoopback(run.siteUrl),
    generatedAt: new Date().toISOString(),
    since: view.since,
    run: {
      id: run.id,
      mode: run.mode,
      status: run.status,
      started: run.startedAt,
      finished: run.finishedAt,
    },
    site: siteSummary(view, rows, run.siteGaps, store.scans.attachmentCoverage(run.siteId)),
    containers: rows,
    shortlist: shortlist(options.plan, rows),
    trend: store.scores
      .history(run.siteId)
      .filter((s) => s.runId <= run.id)
      .map((s) => ({ run: s.runId, started: store.runs.get(s.runId).startedAt, score: s.score })),
    topItems: topItems(store, run.siteId, options.since),
  };
}
