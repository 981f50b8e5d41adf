import { StoreError } from '../errors.ts';
import { SITE_CONFIGURATION_TYPE } from '../types.ts';
import { parseContainerSpec } from './containers.ts';
import type { StoredContainer } from './model.ts';
import type { RunRepository } from './runs.ts';
import type { ScoreRecord, ScoreRepository } from './scores.ts';

export type Plan = 'free' | 'standard' | 'premium' | 'enterprise';
export const PLANS: readonly Plan[] = ['free', 'standard', 'premium', 'enterprise'];

/** Atlassian contributes in-app data of Free and Standard sites to AI training by default from this day (UTC). */
export const CONTRIBUTION_START = '2026-08-17';
const CONTRIBUTING_PLANS: readonly Plan[] = ['free', 'standard'];

export interface ContributionOptions {
  plan: Plan;
  /** Containers the admin already excluded: `ENG` (both products) or `jira:ENG` / `confluence:ENG`. */
  excluded?: readonly string[];
  /** Count only content created or updated at or after this ISO date. */
  since?: string;
  /** Default: the last finished run. */
  runId?: number;
  /** The day the view is for (default today); before CONTRIBUTION_START nothing is contributed by default. */
  asOf?: Date;
}

export interface ContainerContribution {
  score: ScoreRecord;
  container: StoredContainer;
  contributed: boolean;
  why: string;
}

export interface ContributionView {
  plan: Plan;
  runId: number;
  since: string | null;
  containers: ContainerContribution[];
  /** The site roll-up of the same scores. */
  site: ScoreRecord;
  /** Contributed spaces and projects holding open findings, most exposed first (the site configuration apart). */
  excludeFirst: ContainerContribution[];
}

export function isContributed(
  plan: Plan,
  container: Pick<StoredContainer, 'product' | 'key'> & { type?: string | null },
  excluded: readonly string[],
  asOf: Date,
): { contributed: boolean; why: string } {
  // Exclusions are per space (and project): none covers the site's own configuration texts.
  const siteWide = container.type === SITE_CONFIGURATION_TYPE;
  const isExcluded =
    !siteWide &&
    excluded.some((spec) => {
      const { product, key } = parseContainerSpec(spec);
      return key === container.key && (product === undefined || product === container.product);
    });
  if (isExcluded) return { contributed: false, why: 'excluded by the admin' };
  if (!CONTRIBUTING_PLANS.includes(plan))
    return { contributed: false, why: `not contributed by default on ${plan}` };
  if (asOf.toISOString().slice(0, 10) < CONTRIBUTION_START) {
    return { contributed: false, why: `${plan} plans contribute by default only from ${CONTRIBUTION_START}` };
  }
  if (siteWide) {
    return {
      contributed: true,
      why: `${plan} plan: site-wide configuration, contributed by default since ${CONTRIBUTION_START}; only excludable for the whole organisation`,
    };
  }
  return {
    contributed: true,
    why: `${plan} plan, not excluded: contributed by default since ${CONTRIBUTION_START}`,
  };
}

/** Which containers feed Atlassian's AI training, from the run's scores (see ScoreRepository.forReport). */
export function contributionView(
  runs: RunRepository,
  scores: ScoreRepository,
  options: ContributionOptions,
): ContributionView {
  const run = options.runId !== undefined ? runs.get(options.runId) : runs.last(1, { finishedOnly: true })[0];
  if (!run) throw new StoreError('no finished run in this database yet');
  return contributionOf(run.id, scores.forReport(run.id, { since: options.since }), options);
}

/** The contribution view over given score records (containers and the site roll-up) of run `runId`. */
export function contributionOf(
  runId: number,
  records: readonly ScoreRecord[],
  options: ContributionOptions,
): ContributionView {
  const asOf = options.asOf ?? new Date();
  const site = records.find((s) => s.container === null);
  if (!site) throw new StoreError(`run ${runId} has no scores`);
  const containers: ContainerContribution[] = [];
  for (const score of records) {
    if (!score.container) continue;
    const verdict = isContributed(options.plan, score.container, options.excluded ?? [], asOf);
    containers.push({ score, container: score.container, ...verdict });
  }
  const excludeFirst = containers
    .filter((c) => c.contributed && c.score.openFindings > 0 && c.container.type !== SITE_CONFIGURATION_TYPE)
    .sort((a, b) => b.score.weighted - a.score.weighted);
  return { plan: options.plan, runId, since: options.since ?? null, containers, site, excludeFirst };
}
