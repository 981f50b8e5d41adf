// Charts rendered to inline SVG at report time with Observable Plot on a server-side DOM (linkedom): the
// report needs no script and makes no request, and the SVG prints.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { unread } from './coverage-state.ts';
import type { ContainerRow, Counts, ReportData } from './model.ts';

const SEVERITY_COLORS = { critical: '#8b0000', high: '#d9480f', medium: '#f08c00', low: '#74b816' };

function render(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as { outerHTML: string };
  return node.outerHTML;
}

export function scoreBars(containers: readonly ContainerRow[]): string {
  const data = containers.slice(0, 25).map((c) => ({
    label: `${c.key} (${c.product})${unread(c) ? ' · not read' : ''}`,
    score: c.score,
  }));
  if (data.length === 0) return '';
  return render({
    marginLeft: 160,
    height: 40 + data.length * 22,
    x: { domain: [0, 100], label: 'Exposure score', grid: true },
    y: { label: null, domain: data.map((d) => d.label) },
    color: { type: 'threshold', domain: [30, 70], range: ['#74b816', '#f08c00', '#c92a2a'] },
    marks: [Plot.barX(data, { x: 'score', y: 'label', fill: 'score' }), Plot.ruleX([0])],
  });
}

export function severityBars(counts: Counts): string {
  const data = Object.entries(counts).flatMap(([category, bySeverity]) =>
    Object.entries(bySeverity).map(([severity, n]) => ({ category, severity, n })),
  );
  if (data.every((d) => d.n === 0)) return '';
  return render({
    height: 160,
    marginLeft: 60,
    x: { label: 'Open findings', grid: true },
    y: { label: null },
    color: { domain: Object.keys(SEVERITY_COLORS), range: Object.values(SEVERITY_COLORS), legend: true },
    marks: [Plot.barX(data, { x: 'n', y: 'category', fill: 'severity' }), Plot.ruleX([0])],
  });
}

export function trendLine(trend: ReportData['trend']): string {
  if (trend.length < 2) return '';
  const data = trend.map((t) => ({ date: new Date(t.startedAt), score: t.score }));
  return render({
    height: 200,
    y: { domain: [0, 100], label: 'Site exposure score', grid: true },
    x: { label: 'Run' },
    marks: [
      Plot.lineY(data, { x: 'date', y: 'score', stroke: '#1c7ed6' }),
      Plot.dot(data, { x: 'date', y: 'score', fill: '#1c7ed6' }),
    ],
  });
}
