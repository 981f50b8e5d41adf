// What a run could not read, said the same way everywhere (scan summary, report table, HTML, CSV, JSON): a number
// means something only for content that was read.
import type { PlaceState, PlaceStatus } from '../store/places.ts';

/** A place's state as every output says it. */
export const STATE_WORDS: Readonly<Record<PlaceState, string>> = {
  scanned: 'scanned',
  'not-read': 'not read',
  excluded: 'excluded',
  'never-scanned': 'never scanned',
};

/** Counts of what was not read, by reason (forbidden, timeout, ...). */
type Skipped = Readonly<Record<string, number>>;

const hasGaps = (c: { skipped: Skipped }): boolean =>
  Object.entries(c.skipped).some(([reason, n]) => reason !== 'truncated' && n > 0);

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

/**
 * `attachment contents: 339 read; not scanned: 125 format, 2 too-large` over what the store holds, or null when no
 * scan read attachment contents.
 */
export function attachmentContentsLine(contents: Readonly<Partial<Record<string, number>>>): string | null {
  const counted = Object.entries(contents).filter((e): e is [string, number] => e[1] !== undefined);
  const read = contents.read ?? 0;
  const refused = reasonsText(Object.fromEntries(counted.filter(([outcome]) => outcome !== 'read')));
  if (read === 0 && refused === '') return null;
  return `attachment contents: ${read} read${refused ? `; not scanned: ${refused}` : ''}`;
}

/** One line per product whose site-wide listings were not all read: `jira site-wide listings: not read: 1 error`. */
export function siteGapLines(run: { siteGaps: Partial<Record<string, Skipped>> }): string[] {
  return Object.entries(run.siteGaps).flatMap(([product, skipped]) =>
    skipped && hasGaps({ skipped }) ? [siteGapLine(product, skipped)] : [],
  );
}

const day = (iso: string) => iso.slice(0, 10);

/** One line saying why a place is not (fully) read in a run, or null when the run read it whole. */
export function placeReason(place: Pick<PlaceStatus, 'state' | 'gaps' | 'lastRead'>): string | null {
  const gaps = reasonsText(place.gaps);
  const since = place.lastRead
    ? `; findings as of ${day(place.lastRead.startedAt)} (run ${place.lastRead.runId})`
    : '';
  switch (place.state) {
    case 'scanned':
      return gaps ? `partly read: ${gaps}` : null;
    case 'not-read':
      return `not read: ${gaps}${since}`;
    case 'excluded':
      return `left out by this run's options${since}`;
    case 'never-scanned':
      return "left out by this run's options; never scanned";
  }
}
