// The terminal's parts of `report` beside the table: site-wide gaps, the shortlist with its reasons and advice,
// and the notes that explain an empty answer (a plan that contributes nothing, nothing changed since --since).
import { attachmentContentsLine, siteGapLine } from '../report/coverage-state.ts';
import { stripControl } from '../report/escape.ts';
import type { ReportData } from '../report/model.ts';

const SHOWN = 5;

export function shortlistText(data: ReportData): string {
  const { shortlist } = data;
  const lines: string[] = [];
  if (shortlist.note) lines.push(shortlist.note);
  if (shortlist.places.length > 0) {
    lines.push(`Exclude from AI contribution first (${shortlist.plan} plan):`);
    for (const p of shortlist.places.slice(0, SHOWN)) {
      const stale = p.stale ? ' (stale)' : '';
      lines.push(
        `  ${p.rank}. ${p.product} ${stripControl(p.key)}: score ${p.score.toFixed(1)}${stale}: ${p.why}`,
      );
    }
    lines.push(`  What to do: ${shortlist.places[0]!.action}.`);
    if (shortlist.places.length > SHOWN)
      lines.push(`  … and ${shortlist.places.length - SHOWN} more (--html or --json)`);
  }
  if (shortlist.siteConfiguration) {
    const { why, action } = shortlist.siteConfiguration;
    lines.push(`Jira site configuration (not in the list above): ${why}. What to do: ${action}.`);
  }
  for (const u of shortlist.unmeasured)
    lines.push(
      `Contributed but not measured: ${u.product} ${stripControl(u.key)}: ${stripControl(u.reason)}`,
    );
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}

/** Site-wide listings not read, and attachment contents not scanned (with `--attachments content`). */
export function siteGapText(data: ReportData): string {
  const lines = Object.entries(data.site.listingGaps).map(([product, gaps]) =>
    siteGapLine(product, gaps ?? {}),
  );
  const attachments = attachmentContentsLine(data.site.attachmentContents);
  if (attachments) lines.push(attachments);
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}

/** Says so when `--since` leaves nothing to count: no item of the run was created or updated since that day. */
export function sinceNote(since: string | null, recentItems: number): string {
  if (since === null || recentItems > 0) return '';
  return `\nNothing was created or updated since ${since.slice(0, 10)}: every count above is 0 for that reason.\n`;
}
