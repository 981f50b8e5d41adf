// Benign table exports as tickets carry them (CSV, TSV, Markdown): numeric and prefixed ids under headers such
// as `id`, `record_id` or `chart_id` that sit close to the labels of column-reading rules (the MRN rule reads
// `mrn` and `patient id` columns) without being them.

import { DIGITS, UPPER, type Rng } from '../rng.ts';
import { isoDate, service, shortSha } from './identifiers.ts';

const ID_HEADERS = ['id', 'record_id', 'chart_id', 'user_id', 'request_id', 'order id', 'ID', 'Record No'];

/** Ids that look like record numbers: plain digits or a short upper-case prefix, 5-10 digits. */
const recordLike = (rng: Rng): string =>
  rng.pick([
    rng.chars(DIGITS, rng.int(5, 10)),
    `${rng.chars(UPPER, rng.int(1, 3))}-${rng.chars(DIGITS, rng.int(5, 8))}`,
  ]);

function rowsOf(rng: Rng): string[][] {
  const header = [rng.pick(ID_HEADERS), 'service', 'commit', 'created', 'status'];
  const rows = Array.from({ length: rng.int(3, 12) }, () => [
    recordLike(rng),
    service(rng),
    shortSha(rng),
    isoDate(rng),
    rng.pick(['ok', 'failed', 'retrying', 'skipped']),
  ]);
  return [header, ...rows];
}

export function benignTable(rng: Rng): string {
  const rows = rowsOf(rng);
  const style = rng.pick(['csv', 'tsv', 'markdown'] as const);
  if (style === 'csv') return rows.map((r) => r.join(',')).join('\n');
  if (style === 'tsv') return rows.map((r) => r.join('\t')).join('\n');
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}
