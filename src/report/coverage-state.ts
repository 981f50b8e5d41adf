// Whether a space or project was read: a score of 0 means "clean" only for content that was scanned.
import type { ContainerRow, ReportData } from './model.ts';

export const hasGaps = (c: ContainerRow): boolean => Object.values(c.skipped).some((n) => n > 0);

/** Nothing of it could be read (every listing refused or failed): its score says nothing. */
export const unread = (c: ContainerRow): boolean => c.scanned === 0 && hasGaps(c);

/** One line per product whose site-wide listings were not all read: `jira site-wide listings: not read: 1 error`. */
export function siteGapLines(run: ReportData['run']): string[] {
  return Object.entries(run.siteGaps).flatMap(([product, skipped]) => {
    const reasons = Object.entries(skipped ?? {})
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${n} ${reason}`);
    return reasons.length > 0 ? [`${product} site-wide listings: not read: ${reasons.join(', ')}`] : [];
  });
}
