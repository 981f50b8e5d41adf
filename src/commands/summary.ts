// The per-space / per-project exposure table printed after a scan, by `report` and by `demo`.
import { stripControl } from '../report/escape.ts';
import type { StoredContainer } from '../store/model.ts';
import type { ScoreRecord } from '../store/scores.ts';
import { CATEGORIES, type Category } from '../types.ts';
import { formatTable } from './text-table.ts';

const pct = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
const total = (r: ScoreRecord, c: Category) => Object.values(r.counts[c]).reduce((a, b) => a + b, 0);

/**
 * `unread` names the spaces and projects the token could not read at all: their score column says "not read",
 * since a 0 would pass for clean.
 */
export function exposureTable(
  records: readonly ScoreRecord[],
  unread: (container: StoredContainer) => boolean = () => false,
): string {
  const containers = records
    .filter((r) => r.container !== null)
    .sort((a, b) => b.score - a.score || (a.container!.key < b.container!.key ? -1 : 1));
  const rows = containers.map((r) => [
    r.container!.product,
    stripControl(r.container!.key),
    stripControl(r.container!.name).slice(0, 40),
    unread(r.container!) ? 'not read' : r.score.toFixed(0),
    String(r.openFindings),
    ...CATEGORIES.map((c) => String(total(r, c))),
    pct(r.density),
    pct(r.coverage),
  ]);
  const site = records.find((r) => r.container === null);
  if (site) {
    rows.push([
      'site',
      '*',
      'all spaces and projects',
      site.score.toFixed(0),
      String(site.openFindings),
      ...CATEGORIES.map((c) => String(total(site, c))),
      pct(site.density),
      pct(site.coverage),
    ]);
  }
  return formatTable(
    ['PRODUCT', 'KEY', 'NAME', 'SCORE', 'OPEN', 'SECRET', 'PII', 'PHI', 'DENSITY', 'COVERAGE'],
    rows,
  );
}
