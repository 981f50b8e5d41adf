// What a scan could not read, as the summary says it, and which gaps were declared expected
// (--expect-forbidden, scan.expectForbidden): a declared place refused to the token is reported but does not make
// the scan incomplete (exit 3); any other gap still does.
import type { CrawlResult, PlaceCoverage } from '../crawl/crawl.ts';
import { SITE_KEY } from '../crawl/jira-crawl.ts';
import { reasonsText, siteGapLine } from '../report/coverage-state.ts';
import { CONFIG_KEY } from '../sources/jira-config.ts';
import { parseContainerSpec } from '../store/containers.ts';

const ADMIN_HINT =
  "    (workflow names need the Administer Jira permission: scan with an administrator's token, or leave them " +
  'out with --exclude-project site-config)';

const matches = (spec: string, place: PlaceCoverage) => {
  const { product, key } = parseContainerSpec(spec);
  return place.containerKey === key && (product === undefined || place.product === product);
};

/** Refused (forbidden) and nothing else, and declared. */
export function isExpectedGap(place: PlaceCoverage, declared: readonly string[]): boolean {
  if (place.containerKey === SITE_KEY || place.complete) return false;
  const { truncated: _, forbidden = 0, ...other } = place.coverage.skipped;
  const onlyRefused = forbidden > 0 && Object.values(other).every((n) => n === 0);
  return onlyRefused && declared.some((spec) => matches(spec, place));
}

/** A gap that makes the scan incomplete: not declared, or not only a refusal. */
export const hasUnexpectedGap = (result: CrawlResult, declared: readonly string[]): boolean =>
  result.coverage.some((place) => !place.complete && !isExpectedGap(place, declared));

export function coverageLines(result: CrawlResult, declared: readonly string[]): string[] {
  return result.coverage
    .filter((c) => !c.complete)
    .map((place) => {
      const { product, containerKey, coverage } = place;
      // Truncated fields were scanned (up to the size limit): a note, not a gap.
      const { truncated: _, ...skipped } = coverage.skipped;
      if (containerKey === SITE_KEY) return `  ${siteGapLine(product, skipped)}`;
      const expected = isExpectedGap(place, declared) ? ' (expected)' : '';
      const line = `  ${product} ${containerKey}: ${coverage.scanned}/${coverage.listed} items scanned; not read: ${reasonsText(skipped)}${expected}`;
      return containerKey === CONFIG_KEY && coverage.skipped.forbidden && !expected
        ? `${line}\n${ADMIN_HINT}`
        : line;
    });
}

/**
 * One line per declared gap that is not one this run: a place read (it may have become readable), or a key the
 * run did not list at all (unknown to the site, hidden from the token, or outside --project/--space).
 */
export function declaredGapNotes(result: CrawlResult, declared: readonly string[]): string[] {
  return declared.flatMap((spec) => {
    const places = result.coverage.filter((p) => p.containerKey !== SITE_KEY && matches(spec, p));
    if (places.length === 0)
      return [
        `warning: expected gap ${spec} is no project or space this scan listed (unknown to the site, hidden from this token, or out of scope)`,
      ];
    if (places.some((p) => (p.coverage.skipped.forbidden ?? 0) > 0)) return [];
    return [`note: expected gap ${spec} was read by this scan: it may have become readable`];
  });
}

/** Projects and spaces that vanished from the site's listings since an earlier run, and what left with them. */
export function unlistedLines(result: CrawlResult): string[] {
  if (result.unlisted.length === 0) return [];
  return [
    'no longer listed by the site (deleted, archived, or hidden from this token); their findings are resolved:',
    ...result.unlisted.map((u) => `  ${u.product} ${u.containerKey}: ${u.items} items`),
  ];
}
