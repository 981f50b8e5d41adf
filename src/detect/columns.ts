// Values a table column names in its header: in an export such as `patient_name,mrn,visit_date` the label
// sits once in the header line and the values sit in that column of the rows below, far from any label a
// rule's regex could see. A rule opts in with `column` (rule-schema.ts); this module finds the header cell on
// the lines it is pointed at and yields the cells of that column, row by row, until the table ends.
import type { ColumnSpec } from './rule-schema.ts';

/** Cell separators tried on a header line: CSV, semicolon CSV, TSV and Markdown/Confluence tables. */
const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Longer cells are prose, not identifiers; the cap also bounds the value regex's work per cell. */
const MAX_CELL = 100;
const MARKDOWN_RULE = /^\s*:?-{3,}:?\s*$/;

export interface CompiledColumn {
  /** Header names with `_`, `-` and spaces removed, lower-case. */
  headers: ReadonlySet<string>;
  /** The column's value pattern, anchored to the whole cell. */
  value: RegExp;
}

export interface ColumnCell {
  start: number;
  end: number;
  header: string;
}

const squash = (header: string): string => header.toLowerCase().replace(/[\s_-]+/g, '');

export function compileColumn(spec: ColumnSpec, flags: string): CompiledColumn {
  return { headers: new Set(spec.headers.map(squash)), value: new RegExp(`^(?:${spec.value})$`, flags) };
}

/** Lower-case forms a header can take in text, for the keyword prefilter (`patient id` -> `patient_id`...). */
export function headerKeywords(spec: ColumnSpec): string[] {
  return [...new Set(spec.headers.flatMap((h) => ['', '_', '-', ' '].map((gap) => h.replace(/ /g, gap))))];
}

interface Cell {
  start: number;
  end: number;
}

/** Cells of text[start, end) split at `delimiter`, each trimmed of spaces and one pair of quotes. */
function cellsOf(text: string, start: number, end: number, delimiter: string): Cell[] {
  const cells: Cell[] = [];
  for (let from = start; from <= end;) {
    let to = text.indexOf(delimiter, from);
    if (to < 0 || to > end) to = end;
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b - a >= 2 && (text[a] === '"' || text[a] === "'") && text[b - 1] === text[a]) {
      a++;
      b--;
    }
    cells.push({ start: a, end: b });
    from = to + 1;
  }
  return cells;
}

const lineEnd = (text: string, from: number): number => {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
};

/** The column's cells in the rows below one header line (the line holding `lineStart`). */
function cellsBelow(
  column: CompiledColumn,
  text: string,
  lineStart: number,
  visit: (cell: ColumnCell) => void,
): void {
  const headerEnd = lineEnd(text, lineStart);
  for (const delimiter of DELIMITERS) {
    const header = cellsOf(text, lineStart, headerEnd, delimiter);
    if (header.length < 2) continue;
    const columns = header
      .map((cell, index) => ({ index, name: squash(text.slice(cell.start, cell.end)) }))
      .filter((c) => column.headers.has(c.name));
    if (columns.length === 0) continue;
    for (let rowStart = headerEnd + 1; rowStart < text.length;) {
      const rowEnd = lineEnd(text, rowStart);
      const row = cellsOf(text, rowStart, rowEnd, delimiter);
      if (row.length !== header.length) break; // the table ends: a blank line, prose, another shape
      for (const { index, name } of columns) {
        const cell = row[index]!;
        const value = text.slice(cell.start, cell.end);
        if (value.length <= MAX_CELL && !MARKDOWN_RULE.test(value) && column.value.test(value))
          visit({ start: cell.start, end: cell.end, header: name });
      }
      rowStart = rowEnd + 1;
    }
    return;
  }
}

/** Column cells under every header line that holds one of `positions` (each line is examined once). */
export function scanColumns(
  column: CompiledColumn,
  text: string,
  positions: Iterable<number>,
  visit: (cell: ColumnCell) => void,
): void {
  const seen = new Set<number>();
  for (const position of positions) {
    const lineStart = text.lastIndexOf('\n', position - 1) + 1;
    if (seen.has(lineStart)) continue;
    seen.add(lineStart);
    cellsBelow(column, text, lineStart, visit);
  }
}

/** Every line start: the positions to examine when no keyword prefilter narrows them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
