// Per-place baselines: each project and space keeps its own watermark and its own last complete read, so one
// place that needs a full read (new, never read to its end, due for reconciliation, or forbidden until now) costs
// its own listing and no more, and a place that stays forbidden costs one probe per run.
import type { Container, Product } from '../types.ts';
import type { CrawlContext } from './context.ts';

/** What the store remembers of one place between runs. */
export interface Baseline {
  /** Everything in the place updated before this instant (server clock) was read by an earlier run. */
  watermark?: string;
  /** The last run that read the place from the first page of its listing to the last, and when it started. */
  completeRun?: number;
  completeAt?: string;
  /** The last run that tried to read the place was refused (no Browse Projects, no space View permission). */
  forbidden: boolean;
}

/** Why a place is read in full. */
export type FullReason = 'new' | 'never-complete' | 'due' | 'was-forbidden' | 'requested' | 'history';

/** `reason` is set on full reads. */
export interface PlaceRead {
  mode: 'full' | 'incremental';
  reason?: FullReason;
}

const DAY = 86_400_000;

/**
 * How a run reads one place. `run.fullAfterDays` is set in auto mode only: a complete read older than that is due
 * again. A run in full mode reads everything in full; an incremental one reads in full only what it must.
 */
export function planRead(
  baseline: Baseline | undefined,
  run: { mode: 'full' | 'incremental'; fullAfterDays?: number },
  now: number,
): PlaceRead {
  if (!baseline) return { mode: 'full', reason: 'new' };
  if (baseline.forbidden) return { mode: 'full', reason: 'was-forbidden' };
  if (!baseline.completeAt || !baseline.watermark) return { mode: 'full', reason: 'never-complete' };
  if (run.mode === 'full') return { mode: 'full', reason: 'requested' };
  const due =
    run.fullAfterDays !== undefined && now - Date.parse(baseline.completeAt) >= run.fullAfterDays * DAY;
  return due ? { mode: 'full', reason: 'due' } : { mode: 'incremental' };
}

export interface ReadSplit {
  full: Container[];
  incremental: Container[];
  /** The earliest watermark of the places read incrementally: the incremental listing starts there. */
  since?: string;
}

/**
 * Plans every place of a product once per run (a resumed run reads each place as it started to) and records the
 * plan. `everything`: a reason that sends every place to a full read (history asked for the first time).
 */
export function splitReads(
  ctx: CrawlContext,
  product: Product,
  places: readonly Container[],
  everything?: FullReason,
): ReadSplit {
  const now = Date.now();
  const plans = places.map((place) => {
    const recorded = ctx.sink.readPlan(product, place.key);
    const plan: PlaceRead =
      recorded ??
      (everything
        ? { mode: 'full', reason: everything }
        : planRead(ctx.sink.baseline(product, place.key), ctx.run, now));
    if (!recorded) ctx.sink.recordReadPlan(product, place.key, plan);
    return { place, plan };
  });
  const incremental = plans.filter((p) => p.plan.mode === 'incremental').map((p) => p.place);
  // Places planned incremental have a watermark (see planRead); the earliest one bounds the listing.
  const since = earliest(incremental.map((p) => ctx.sink.baseline(product, p.key)?.watermark));
  return { full: plans.filter((p) => p.plan.mode === 'full').map((p) => p.place), incremental, since };
}

function earliest(instants: ReadonlyArray<string | undefined>): string | undefined {
  const times = instants.filter((t): t is string => t !== undefined).map((t) => Date.parse(t));
  return times.length > 0 ? new Date(Math.min(...times)).toISOString() : undefined;
}

/**
 * The product's crawl reached its end with this watermark: every place it read to the end (incrementally, or in
 * full by this run) is covered up to it.
 */
export function advanceWatermarks(
  ctx: CrawlContext,
  product: Product,
  places: readonly Container[],
  watermark: string,
): void {
  for (const place of places) {
    const read = ctx.sink.readPlan(product, place.key);
    const complete = ctx.sink.baseline(product, place.key)?.completeRun === ctx.run.runId;
    // An incremental place refused this run (it became forbidden) keeps its watermark for when it is readable.
    const refused = (ctx.coverage(product, place.key).value.skipped.forbidden ?? 0) > 0;
    if ((read?.mode === 'incremental' && !refused) || complete)
      ctx.sink.recordBaseline(product, place.key, { watermark });
  }
}
