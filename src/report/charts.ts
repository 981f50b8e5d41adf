// Charts rendered to inline SVG at report time with Observable Plot on a server-side DOM (linkedom): the report
// needs no script and makes no request, and the SVG prints. Each chart is drawn CHART_WIDTH wide and scaled by CSS
// to the page's width; bars carry their values, so no number has to be read off an axis.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { BAND_FLOOR } from '../score.ts';
import { STATE_WORDS } from './coverage-state.ts';
import { SEVERITIES } from '../types.ts';
import type { Counts, PlaceRow, ReportData } from './model.ts';

export const CHART_WIDTH = 1200;

/** Stacking order, legend order and colours alike: the most severe first, hues that differ in colour-blind eyes. */
export const SEVERITY_ORDER = [...SEVERITIES].reverse();
export const SEVERITY_COLORS = ['#8e0152', '#d55e00', '#e69f00', '#56b4e9'];
const BAND_COLORS = ['#2b8a3e', '#e67700', '#c92a2a'];
const NOT_MEASURED = '#868e96';

function render(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ width: CHART_WIDTH, ...options, document } as Plot.PlotOptions) as unknown as {
    outerHTML: string;
  };
  return node.outerHTML;
}

/** Score per place, most exposed first; a place without a number says why instead of showing an empty bar. */
export function scoreBars(rows: readonly PlaceRow[]): string {
  const data = rows.slice(0, 30).map((r) => ({
    label: `${r.label} (${r.product})`,
    score: r.measure?.score ?? 0,
    text: r.measure
      ? `${r.measure.score.toFixed(1)}${r.stale ? ` (stale, ${STATE_WORDS[r.state]})` : ''}`
      : STATE_WORDS[r.state],
    measured: r.measure !== null,
  }));
  if (data.length === 0) return '';
  const measured = data.filter((d) => d.measured);
  const max = Math.max(1, ...measured.map((d) => d.score));
  return render({
    marginLeft: 240,
    marginRight: 150,
    height: 40 + data.length * 24,
    x: { domain: [0, max], label: 'Exposure score (W) →', grid: true },
    y: { label: null, domain: data.map((d) => d.label) },
    color: {
      type: 'threshold',
      domain: [BAND_FLOOR.amber, BAND_FLOOR.red],
      range: BAND_COLORS,
    },
    marks: [
      Plot.barX(measured, { x: 'score', y: 'label', fill: 'score' }),
      Plot.text(data, {
        x: 'score',
        y: 'label',
        text: 'text',
        dx: 4,
        textAnchor: 'start',
        fill: (d: { measured: boolean }) => (d.measured ? 'currentColor' : NOT_MEASURED),
      }),
      Plot.ruleX([0]),
    ],
  });
}

/** Open findings per category, stacked by severity (most severe first), each segment labelled with its count. */
export function severityBars(counts: Counts): string {
  const data = Object.entries(counts).flatMap(([category, bySeverity]) =>
    SEVERITY_ORDER.map((severity) => ({ category, severity, n: bySeverity[severity] })),
  );
  if (data.every((d) => d.n === 0)) return '';
  const stack = { x: 'n', y: 'category', z: 'severity', order: SEVERITY_ORDER } as const;
  return render({
    height: 200,
    marginLeft: 60,
    x: { label: 'Open findings →', grid: true },
    y: { label: null },
    color: { domain: SEVERITY_ORDER, range: SEVERITY_COLORS, legend: true },
    marks: [
      Plot.barX(data, { ...stack, fill: 'severity' }),
      Plot.text(
        data.filter((d) => d.n > 0),
        Plot.stackX({ ...stack, text: 'n', fill: 'white', fontWeight: 'bold' }),
      ),
      Plot.ruleX([0]),
    ],
  });
}

export function trendLine(trend: ReportData['trend']): string {
  if (trend.length < 2) return '';
  const data = trend.map((t) => ({ date: new Date(t.started), score: t.score }));
  return render({
    height: 220,
    y: { label: 'Site exposure score (W)', grid: true, zero: true },
    x: { label: 'Run' },
    marks: [
      Plot.lineY(data, { x: 'date', y: 'score', stroke: '#1c7ed6' }),
      Plot.dot(data, { x: 'date', y: 'score', fill: '#1c7ed6' }),
      Plot.text(data, { x: 'date', y: 'score', text: (d: { score: number }) => d.score.toFixed(1), dy: -10 }),
    ],
  });
}
