// One self-contained HTML file: inline CSS and SVG, no script, and a Content-Security-Policy that forbids every
// network request, so the report works offline and cannot phone home. Site content is escaped everywhere.
import { scoreBars, severityBars, trendLine } from './charts.ts';
import { hasGaps, reasonsText, siteGapLines, unread } from './coverage-state.ts';
import { escapeHtml as e, safeHref } from './escape.ts';
import type { ContainerRow, Counts, ReportData, TopItem } from './model.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#212529}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dee2e6}
.meta{color:#6c757d}.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #dee2e6;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.5rem}.card small{display:block;color:#c92a2a}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border-bottom:1px solid #e9ecef;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f8f9fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}.red{color:#c92a2a;font-weight:600}.amber{color:#e67700}.green{color:#2b8a3e}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}h2{break-after:avoid}table{page-break-inside:auto}tr{break-inside:avoid}}`;

const link = (url: string, text: string) => {
  const href = safeHref(url);
  return href ? `<a href="${e(href)}" rel="noreferrer noopener">${e(text)}</a>` : e(text);
};
const pct = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const scoreClass = (score: number) => (score >= 70 ? 'red' : score >= 30 ? 'amber' : 'green');
const total = (counts: Counts, category: keyof Counts) =>
  Object.values(counts[category]).reduce((a, b) => a + b, 0);
const place = (product: string, key: string) => `${key} (${product})`;

function scoreCell(c: ContainerRow): string {
  if (unread(c)) return '<td class="n meta" title="the token could not read it: see Coverage">not read</td>';
  return `<td class="n ${scoreClass(c.score)}">${c.score.toFixed(0)}</td>`;
}

/** The site's coverage, and how many spaces and projects it leaves partly or wholly unread. */
function coverageCard(data: ReportData): string {
  const gaps = data.containers.filter(hasGaps).length;
  const places = gaps === 0 ? [] : [`${gaps} ${gaps === 1 ? 'place' : 'places'} not fully read`];
  const listings = siteGapLines(data.run).length > 0 ? ['site-wide listings not read'] : [];
  const notes = [...places, ...listings];
  const note = notes.length === 0 ? '' : `<small>${notes.join('; ')}</small>`;
  return `<div class="card">Coverage<b>${pct(data.site.coverage)}</b>${note}</div>`;
}

function containerTable(rows: readonly ContainerRow[]): string {
  const body = rows
    .map(
      (c) => `<tr><td>${e(c.product)}</td><td>${link(c.url, c.key)}</td><td>${e(c.name)}</td>
${scoreCell(c)}<td class="n">${c.open}</td>
<td class="n">${total(c.counts, 'secret')}</td><td class="n">${total(c.counts, 'pii')}</td><td class="n">${total(c.counts, 'phi')}</td>
<td class="n">${pct(c.density)}</td><td class="n">${pct(c.coverage)}</td><td>${c.contributed ? 'yes' : 'no'}</td></tr>`,
    )
    .join('\n');
  return `<table id="containers"><thead><tr><th>Product</th><th>Key</th><th>Name</th><th>Score</th><th>Open</th>
<th>Secrets</th><th>PII</th><th>PHI</th><th>Density</th><th>Coverage</th><th>AI-contributed</th></tr></thead><tbody>${body}</tbody></table>`;
}

function excludeFirst(rows: readonly ContainerRow[]): string {
  const contributed = rows.filter((c) => c.contributed && c.score > 0);
  if (contributed.length === 0) return '<p>No contributed space or project holds open findings.</p>';
  return `<ol id="exclude-first">${contributed
    .slice(0, 15)
    .map(
      (c) =>
        `<li>${link(c.url, `${place(c.product, c.key)} — ${c.name}`)}: score ${c.score.toFixed(0)}, ${c.open} open findings (${e(c.contributionReason)})</li>`,
    )
    .join('')}</ol>`;
}

/** Listings no space or project holds (projects, spaces, field catalogue, comment listings) that failed. */
function siteGaps(run: ReportData['run']): string {
  const lines = siteGapLines(run);
  if (lines.length === 0) return '';
  return `<ul id="site-gaps" class="red">${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>\n`;
}

function coverageTable(rows: readonly ContainerRow[]): string {
  const body = rows
    .map((c) => {
      const skipped = reasonsText(c.skipped);
      return `<tr><td>${e(c.product)}</td><td>${e(c.key)}</td><td class="n">${c.listed ?? '–'}</td><td class="n">${c.scanned}</td>
<td class="n">${pct(c.coverage)}</td><td>${e(skipped || '—')}</td></tr>`;
    })
    .join('\n');
  return `<table id="coverage"><thead><tr><th>Product</th><th>Key</th><th>Listed</th><th>Scanned</th><th>Coverage</th><th>Not scanned</th></tr></thead><tbody>${body}</tbody></table>`;
}

function topItems(items: readonly TopItem[]): string {
  if (items.length === 0) return '<p>Nothing to clean.</p>';
  const body = items
    .map(
      (
        i,
      ) => `<tr><td>${e(place(i.product, i.containerKey))}</td><td>${link(i.url, i.title || '(untitled)')}</td><td class="n">${i.findings}</td>
<td>${e(i.worst)}</td><td>${e(i.categories.join(', '))}</td></tr>`,
    )
    .join('\n');
  return `<table id="top-items"><thead><tr><th>Where</th><th>Item</th><th>Findings</th><th>Worst</th><th>Categories</th></tr></thead><tbody>${body}</tbody></table>`;
}

export function renderHtml(data: ReportData): string {
  const s = data.site;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Exposure report — ${e(data.siteUrl)}</title><style>${STYLE}</style></head>
<body>
<h1>Exposure report</h1>
<p class="meta">${e(data.siteUrl)} · run ${data.run.id} (${e(data.run.mode)}, ${e(data.run.status)}) · ${e(data.run.startedAt)} · generated ${e(data.generatedAt)}</p>
<section id="summary" class="cards">
<div class="card">Site score<b class="${scoreClass(s.score)}">${s.score.toFixed(0)}</b></div>
<div class="card">Open findings<b>${s.open}</b></div>
<div class="card">Secrets<b>${total(s.counts, 'secret')}</b></div>
<div class="card">PII<b>${total(s.counts, 'pii')}</b></div>
<div class="card">PHI<b>${total(s.counts, 'phi')}</b></div>
${coverageCard(data)}
<div class="card">Suppressed<b>${s.suppressed}</b></div>
</section>
<h2>Exposure by space and project</h2>
<figure id="score-chart">${scoreBars(data.containers)}</figure>
${containerTable(data.containers)}
<h2>Findings by category and severity</h2>
<figure id="severity-chart">${severityBars(s.counts)}</figure>
<h2>AI training data contribution: exclude these first</h2>
<p>Plan: ${e(data.plan)}. Atlassian contributes in-app content of Free and Standard sites to AI training by default from 17 August 2026; excluded spaces and projects are not contributed.</p>
${excludeFirst(data.containers)}
<h2>Trend</h2>
<figure id="trend-chart">${trendLine(data.trend) || '<p>One run so far: the trend appears after the next scan.</p>'}</figure>
<h2>Coverage</h2>
${siteGaps(data.run)}${coverageTable(data.containers)}
<h2>Top items to clean</h2>
${topItems(data.topItems)}
<p class="meta">Values are masked; the report holds no raw secret or personal data.</p>
</body></html>
`;
}
