// The HTML report's tables of places: exposure (ranked, with each place's state) and coverage. A place without a
// number shows its state in a hatched cell, never a 0 that would pass for clean.
import { scoreBand } from '../score.ts';
import { STATE_WORDS } from './coverage-state.ts';
import { attachmentContentsLine, siteGapLines } from './coverage-state.ts';
import { escapeHtml as e, safeHref } from './escape.ts';
import type { PlaceRow, ReportData } from './model.ts';

export const link = (url: string, text: string): string => {
  const href = safeHref(url);
  return href ? `<a href="${e(href)}" rel="noreferrer noopener">${e(text)}</a>` : e(text);
};
export const pct = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
export const scoreClass = (score: number): string => scoreBand(score);

function scoreCell(r: PlaceRow): string {
  if (!r.measure) return `<td class="n na" title="${e(r.reason ?? '')}">${STATE_WORDS[r.state]}</td>`;
  if (r.stale)
    return `<td class="n stale" title="${e(r.reason ?? '')}">${r.measure.score.toFixed(1)} (stale)</td>`;
  return `<td class="n ${scoreClass(r.measure.score)}">${r.measure.score.toFixed(1)}</td>`;
}

const count = (r: PlaceRow, pick: (m: NonNullable<PlaceRow['measure']>) => number) =>
  r.measure ? String(pick(r.measure)) : '–';
const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

export function placeTable(rows: readonly PlaceRow[]): string {
  const body = rows
    .map(
      (
        r,
      ) => `<tr class="state-${r.state}"><td class="n">${r.rank ?? '–'}</td><td>${e(r.product)}</td><td>${link(r.url, r.label)}</td><td>${e(r.name)}</td>
<td>${e(r.reason ?? STATE_WORDS[r.state])}</td>${scoreCell(r)}<td class="n">${count(r, (m) => m.open)}</td>
<td class="n">${count(r, (m) => sum(m.counts.secret))}</td><td class="n">${count(r, (m) => sum(m.counts.pii))}</td>
<td class="n">${count(r, (m) => sum(m.counts.phi))}</td><td class="n">${pct(r.measure?.density ?? null)}</td>
<td class="n">${pct(r.coverage)}</td><td class="vis-${r.visibility}">${r.visibility}</td><td>${r.contribution.contributed ? 'yes' : 'no'}</td></tr>`,
    )
    .join('\n');
  return `<table id="containers"><thead><tr><th>Rank</th><th>Product</th><th>Place</th><th>Name</th><th>State</th><th>Score</th>
<th>Open</th><th>Secrets</th><th>PII</th><th>PHI</th><th>Density</th><th>Coverage</th><th>Visible to</th><th>AI-contributed</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** Listings no space or project holds (projects, spaces, field catalogue, comment listings) that failed. */
function siteGaps(data: ReportData): string {
  const lines = siteGapLines({ siteGaps: data.site.listingGaps });
  if (lines.length === 0) return '';
  return `<ul id="site-gaps" class="red">${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>\n`;
}

/** What became of attachment contents (`--attachments content`): read, or not scanned for their format or size. */
function attachmentContents(data: ReportData): string {
  const line = attachmentContentsLine(data.site.attachmentContents);
  return line ? `<p id="attachment-contents">${e(line)}</p>\n` : '';
}

export function coverageTable(data: ReportData): string {
  const body = data.containers
    .map(
      (
        c,
      ) => `<tr><td>${e(c.product)}</td><td>${e(c.label)}</td><td>${e(STATE_WORDS[c.state])}</td><td class="n">${c.listed ?? '–'}</td>
<td class="n">${c.scanned ?? '–'}</td><td class="n">${pct(c.coverage)}</td><td>${e(c.reason ?? '—')}</td></tr>`,
    )
    .join('\n');
  return `${siteGaps(data)}${attachmentContents(data)}<table id="coverage"><thead><tr><th>Product</th><th>Place</th><th>State</th><th>Listed</th><th>Scanned</th><th>Coverage</th><th>Not read / as of</th></tr></thead><tbody>${body}</tbody></table>`;
}
