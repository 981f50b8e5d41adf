// What a run could not read, said the same way everywhere (scan summary, report table, HTML): a score of 0 means
// "clean" only for content that was scanned.

/** Counts of what was not read, by reason (forbidden, timeout, ...). */
type Skipped = Readonly<Record<string, number>>;

export const hasGaps = (c: { skipped: Skipped }): boolean => Object.values(c.skipped).some((n) => n > 0);

/** Nothing of it could be read (every listing refused or failed): its score says nothing. */
export const unread = (c: { scanned: number; skipped: Skipped }): boolean => c.scanned === 0 && hasGaps(c);

/** `2 forbidden, 1 timeout`: the reasons with a count, in the order recorded. */
export function reasonsText(skipped: Skipped): string {
  return Object.entries(skipped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
}

/** The site-wide listings (projects, spaces, field catalogue, comment listings) have no container of their own. */
export const siteGapLine = (product: string, skipped: Skipped): string =>
  `${product} site-wide listings: not read: ${reasonsText(skipped)}`;

/** One line per product whose site-wide listings were not all read: `jira site-wide listings: not read: 1 error`. */
export function siteGapLines(run: { siteGaps: Partial<Record<string, Skipped>> }): string[] {
  return Object.entries(run.siteGaps).flatMap(([product, skipped]) =>
    skipped && hasGaps({ skipped }) ? [siteGapLine(product, skipped)] : [],
  );
}
