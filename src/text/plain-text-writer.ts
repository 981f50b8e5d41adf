// The output side shared by the ADF and storage walkers: it collapses block boundaries, keeps attribute values
// apart from neighbouring words, and stops at a character budget so a hostile 20 MB body cannot exhaust memory.

/** What every extractor returns; `truncated` lets the crawler record a coverage note. */
export interface ExtractedText {
  text: string;
  truncated: boolean;
}

export interface ExtractOptions {
  /** Output budget in UTF-16 code units; text beyond it is dropped and `truncated` is set. */
  maxChars?: number;
}

export const DEFAULT_MAX_CHARS = 5_000_000;

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const CR = 13;
// Small strings are gathered into a chunk, chunks into the result: one join per chunk keeps both the number of
// live string objects and the copying linear in the output size.
const PIECES_PER_CHUNK = 1024;

function isWhitespace(code: number): boolean {
  return code === SPACE || code === NEWLINE || code === TAB || code === CR;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function resolveMaxChars(options: ExtractOptions | undefined): number {
  const max = options?.maxChars;
  return typeof max === 'number' && Number.isFinite(max) && max >= 0 ? Math.floor(max) : DEFAULT_MAX_CHARS;
}

export class PlainTextWriter {
  private readonly maxChars: number;
  /** Above zero inside a table cell: block boundaries become spaces so one row stays on one line. */
  private cellDepth = 0;
  private length = 0;
  private lastCode = -1;
  private spacePending = false;
  private truncated = false;
  private pieces: string[] = [];
  private readonly chunks: string[] = [];

  constructor(maxChars: number) {
    this.maxChars = maxChars;
  }

  /** True once the budget is spent: walkers stop early instead of reading the rest of the input. */
  get full(): boolean {
    return this.truncated;
  }

  /** Verbatim text (text nodes, code blocks). */
  text(value: string): void {
    if (value.length === 0) return;
    if (this.spacePending) {
      this.spacePending = false;
      if (this.length > 0 && !isWhitespace(this.lastCode) && !isWhitespace(value.charCodeAt(0)))
        this.appendSeparator(' ');
    }
    this.append(value);
  }

  /** An attribute value (URL, file name, title): whitespace on both sides so it never fuses with a word. */
  spaced(value: string): void {
    if (value.length === 0) return;
    this.spacePending = false;
    if (this.length > 0 && !isWhitespace(this.lastCode)) this.appendSeparator(' ');
    this.append(value);
    this.spacePending = true;
  }

  /** A block boundary: one newline (a space inside a table cell), never doubled, never leading or trailing. */
  boundary(): void {
    if (this.cellDepth > 0) {
      this.spacePending = true;
      return;
    }
    this.spacePending = false;
    if (this.length > 0 && this.lastCode !== NEWLINE) this.appendSeparator('\n');
  }

  /** An explicit line break (hardBreak, br): kept even when repeated, a space inside a table cell. */
  lineBreak(): void {
    if (this.cellDepth > 0) {
      this.boundary();
      return;
    }
    this.spacePending = false;
    this.appendSeparator('\n');
  }

  /** A separator between table cells. */
  cellSeparator(): void {
    this.spacePending = false;
    this.appendSeparator(this.length === 0 || isWhitespace(this.lastCode) ? '| ' : ' | ');
  }

  enterCell(): void {
    this.cellDepth++;
  }

  leaveCell(): void {
    this.cellDepth = Math.max(0, this.cellDepth - 1);
  }

  /** For markup whose cells need not be closed (HTML): a new cell, row or table ends them all. */
  leaveAllCells(): void {
    this.cellDepth = 0;
  }

  finish(): ExtractedText {
    this.flushPieces();
    const text = this.chunks.join('');
    return { text: this.lastCode === NEWLINE ? text.slice(0, -1) : text, truncated: this.truncated };
  }

  /** Layout that does not fit is dropped silently: only lost content makes the text truncated. */
  private appendSeparator(value: string): void {
    if (this.length + value.length <= this.maxChars) this.append(value);
  }

  private append(value: string): void {
    if (this.truncated) return;
    let piece = value;
    const room = this.maxChars - this.length;
    if (piece.length > room) {
      this.truncated = true;
      // Never end on half a surrogate pair.
      const cut = room > 0 && isHighSurrogate(piece.charCodeAt(room - 1)) ? room - 1 : room;
      piece = piece.slice(0, cut);
      if (piece.length === 0) return;
    }
    this.pieces.push(piece);
    this.length += piece.length;
    this.lastCode = piece.charCodeAt(piece.length - 1);
    if (this.pieces.length >= PIECES_PER_CHUNK) this.flushPieces();
  }

  private flushPieces(): void {
    if (this.pieces.length === 0) return;
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
  }
}
