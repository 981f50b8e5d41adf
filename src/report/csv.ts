// RFC 4180 CSV for data-cleanup teams, streamed row by row (flat memory for millions of findings), optional
// UTF-8 BOM for Excel, and formula-injection protection: site content is untrusted, and a cell that starts with
// = + - @ tab or CR would run as a formula in a spreadsheet.
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a quote so spreadsheets show the text instead of evaluating it; strips other control characters. */
export function neutralizeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const text = String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  bom: boolean;
}

/** Writes `header` and then every row of `rows` to `out`, honouring backpressure. */
export async function writeCsv(
  out: Writable,
  header: readonly string[],
  rows: Iterable<readonly unknown[]>,
  options: CsvOptions,
): Promise<number> {
  const csv = stringify({ bom: options.bom, record_delimiter: 'windows', quoted_match: /[",\r\n]/ });
  csv.pipe(out, { end: false });
  const finished = once(csv, 'end');
  let count = 0;
  const write = async (row: readonly unknown[]) => {
    if (!csv.write(row.map(neutralizeCell))) await once(csv, 'drain');
  };
  await write(header);
  for (const row of rows) {
    await write(row);
    count++;
  }
  csv.end();
  await finished;
  return count;
}
