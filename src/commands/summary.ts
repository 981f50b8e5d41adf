// The per-place exposure table printed after a scan, by `report` and by `demo`: ranked, with each place's state; a
// number appears only where a run measured it, and a stale one says so.
import { stripControl } from '../report/escape.ts';
import { STATE_WORDS } from '../report/coverage-state.ts';
import type { Measure, PlaceRow, ReportData } from '../report/model.ts';
import { CATEGORIES, type Category } from '../types.ts';
import { formatTable } from './text-table.ts';

const pct = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
const total = (m: Measure, c: Category) => Object.values(m.counts[c]).reduce((a, b) => a + b, 0);

/** The score cell: the number, marked when it comes from an earlier run, or the state when there is none. */
export function scoreText(row: Pick<PlaceRow, 'measure' | 'stale' | 'state'>): string {
  if (!row.measure) return STATE_WORDS[row.state];
  return `${row.measure.score.toFixed(1)}${row.stale ? ' (stale)' : ''}`;
}

function numbers(measure: Measure | null): string[] {
  if (!measure) return ['-', '-', '-', '-', '-'];
  return [String(measure.open), ...CATEGORIES.map((c) => String(total(measure, c))), pct(measure.density)];
}

export function placesTable(data: ReportData): string {
  const rows = data.containers.map((r) => [
    r.product,
    stripControl(r.key),
    stripControl(r.name).slice(0, 40),
    scoreText(r),
    r.rank === null ? '-' : String(r.rank),
    ...numbers(r.measure).slice(0, 4),
    numbers(r.measure)[4]!,
    pct(r.coverage),
    r.visibility,
    r.reason === null ? STATE_WORDS[r.state] : stripControl(r.reason),
  ]);
  const { measure, coverage, places } = data.site;
  const notRead = places.listed - places.scanned;
  rows.push([
    'site',
    '*',
    'all spaces and projects',
    measure.score.toFixed(1),
    '',
    ...numbers(measure),
    pct(coverage),
    '',
    `${places.scanned} of ${places.listed} places read${notRead > 0 ? `; ${notRead} not read in this run` : ''}`,
  ]);
  return formatTable(
    [
      'PRODUCT',
      'KEY',
      'NAME',
      'SCORE',
      'RANK',
      'OPEN',
      'SECRET',
      'PII',
      'PHI',
      'DENSITY',
      'COVERAGE',
      'VISIBILITY',
      'STATE',
    ],
    rows,
  );
}
