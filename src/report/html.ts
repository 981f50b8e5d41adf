// One self-contained HTML file: inline CSS and SVG, no script, and a Content-Security-Policy that forbids every
// network request, so the report works offline and cannot phone home. Site content is escaped everywhere.
import { scoreBars, severityBars, trendLine } from './charts.ts';
import { escapeHtml as e } from './escape.ts';
import { coverageTable, placeTable, link, pct, scoreClass } from './html-tables.ts';
import type { Counts, ReportData, Shortlist, TopItem } from './model.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:84rem;padding:0 1.5rem;color:#212529}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dee2e6}
.meta{color:#6c757d}.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #dee2e6;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.5rem}.card small{display:block;color:#c92a2a}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border-bottom:1px solid #e9ecef;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f8f9fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}.red{color:#c92a2a;font-weight:600}.amber{color:#e67700}.green{color:#2b8a3e}
figure{margin:0}figure svg{width:100%;height:auto}
.na{color:#495057;font-style:italic;background:repeating-linear-gradient(45deg,#f1f3f5,#f1f3f5 6px,#e9ecef 6px,#e9ecef 12px)}
.vis-public{color:#c92a2a;font-weight:600}.vis-logged-in{color:#e67700}.stale{color:#868e96}.public{color:#c92a2a}.demo{border:1px solid #e67700;background:#fff4e6;border-radius:6px;padding:.5rem 1rem}
details summary{cursor:pointer}details ul{margin:.2rem 0 .4rem 1rem;padding:0}code{font-size:.9em}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}h2{break-after:avoid}table{page-break-inside:auto}tr{break-inside:avoid}}`;

const total = (counts: Counts, category: keyof Counts) =>
  Object.values(counts[category]).reduce((a, b) => a + b, 0);
const place = (product: string, key: string) => `${key} (${product})`;

/** The site's coverage, and how many places it leaves unread or left out. */
function coverageCard(data: ReportData): string {
  const { places, listingGaps } = data.site;
  const notes = [
    places['not-read'] > 0 ? `${places['not-read']} not read` : '',
    places.excluded + places['never-scanned'] > 0
      ? `${places.excluded + places['never-scanned']} left out by options`
      : '',
    Object.keys(listingGaps).length > 0 ? 'site-wide listings not read' : '',
  ].filter(Boolean);
  const note = notes.length === 0 ? '' : `<small>${e(notes.join('; '))}</small>`;
  return `<div class="card" id="coverage-card">Coverage<b>${pct(data.site.coverage)}</b>${note}</div>`;
}

function demoNote(data: ReportData): string {
  if (!data.demo) return '';
  return `<p class="demo" id="demo-note">Demo report: its links lead to the demo's fake Atlassian site, which stops
with the demo. Each item's findings are listed under "Top items to clean" instead.</p>\n`;
}

function shortlistSection(s: Shortlist): string {
  const parts: string[] = [];
  if (s.note) parts.push(`<p id="shortlist-note">${e(s.note)}</p>`);
  if (s.places.length > 0) {
    const items = s.places
      .slice(0, 15)
      .map(
        (p) =>
          `<li>${link(p.url, `${place(p.product, p.key)} — ${p.name}`)}: score ${p.score.toFixed(1)}` +
          `${p.stale ? ' <span class="stale">(stale)</span>' : ''}: ${e(p.why)}</li>`,
      )
      .join('');
    parts.push(`<ol id="exclude-first">${items}</ol><p>What to do: ${e(s.places[0]!.action)}.</p>`);
  } else if (!s.note) parts.push('<p>No contributed space or project holds open findings.</p>');
  if (s.siteConfiguration)
    parts.push(
      `<p id="site-configuration"><b>Jira site configuration</b> (not excludable per space): ${e(s.siteConfiguration.why)}. What to do: ${e(s.siteConfiguration.action)}.</p>`,
    );
  if (s.unmeasured.length > 0)
    parts.push(
      `<p>Contributed but not measured:</p><ul id="unmeasured">${s.unmeasured
        .map((u) => `<li>${e(place(u.product, u.key))} — ${e(u.name)}: ${e(u.reason)}</li>`)
        .join('')}</ul>`,
    );
  return parts.join('\n');
}

const VISIBILITY_LABEL = {
  public: 'public reply, the customer sees it',
  internal: 'internal note',
  restricted: 'restricted to a role or group',
} as const;

/** Who reads the comment: a public service desk reply stands out, since the customer has it by e-mail too. */
function visibilityNote(visibility: TopItem['details'][number]['visibility']): string {
  if (visibility === null) return '';
  const label = VISIBILITY_LABEL[visibility];
  return visibility === 'public' ? ` <b class="public">(${label})</b>` : ` (${label})`;
}

/** A finding in an attached file links to that file (by id, never by name): the item may carry several. */
function fileLink(detail: TopItem['details'][number]): string {
  return detail.field.startsWith('attachment-') ? ` ${link(detail.url, 'the file')}` : '';
}

function topItems(items: readonly TopItem[]): string {
  if (items.length === 0) return '<p>Nothing to clean.</p>';
  const body = items
    .map((i) => {
      const details = i.details
        .map(
          (d) =>
            `<li>${e(d.severity)} ${e(d.ruleId)} in ${e(d.field)}${visibilityNote(d.visibility)}: <code>${e(d.preview)}</code>${fileLink(d)}</li>`,
        )
        .join('');
      return `<tr><td>${e(place(i.product, i.containerKey))}</td><td><details><summary>${e(i.title || '(untitled)')}</summary>
<ul>${details}</ul>${link(i.url, 'open in Atlassian')}</details></td><td class="n">${i.findings}</td>
<td>${e(i.worst)}</td><td>${e(i.categories.join(', '))}</td></tr>`;
    })
    .join('\n');
  return `<table id="top-items"><thead><tr><th>Where</th><th>Item (click for its findings)</th><th>Findings</th><th>Worst</th><th>Categories</th></tr></thead><tbody>${body}</tbody></table>`;
}

export function renderHtml(data: ReportData): string {
  const s = data.site.measure;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Exposure report — ${e(data.siteUrl)}</title><style>${STYLE}</style></head>
<body>
<h1>Exposure report</h1>
<p class="meta">${e(data.siteUrl)} · run ${data.run.id} (${e(data.run.mode)}, ${e(data.run.status)}) · ${e(data.run.started)} · generated ${e(data.generatedAt)}</p>
${demoNote(data)}<section id="summary" class="cards">
<div class="card">Site score<b class="${scoreClass(s.score)}">${s.score.toFixed(1)}</b></div>
<div class="card">Open findings<b>${s.open}</b></div>
<div class="card">Secrets<b>${total(s.counts, 'secret')}</b></div>
<div class="card">PII<b>${total(s.counts, 'pii')}</b></div>
<div class="card">PHI<b>${total(s.counts, 'phi')}</b></div>
${coverageCard(data)}
<div class="card">Suppressed<b>${s.suppressed}</b></div>
</section>
<h2>Exposure by space and project</h2>
<p class="meta">Score = W, the sum over distinct values of severity weight × confidence (critical 10, high 5, medium 2, low 0.5): it has no ceiling, so places never tie at a cap.</p>
<figure id="score-chart">${scoreBars(data.containers)}</figure>
${placeTable(data.containers)}
<h2>Findings by category and severity</h2>
<figure id="severity-chart">${severityBars(s.counts)}</figure>
<h2>AI training data contribution: exclude these first</h2>
<p>Plan: ${e(data.shortlist.plan)}. Atlassian contributes in-app content of Free and Standard sites to AI training by default from 17 August 2026; excluded spaces and projects are not contributed.</p>
${shortlistSection(data.shortlist)}
<h2>Trend</h2>
<figure id="trend-chart">${trendLine(data.trend) || '<p>One run so far: the trend appears after the next scan.</p>'}</figure>
<h2>Coverage</h2>
${coverageTable(data)}
<h2>Top items to clean</h2>
${topItems(data.topItems)}
<p class="meta">Values are masked; the report holds no raw secret or personal data.</p>
</body></html>
`;
}
