// Confluence storage XHTML (and plain HTML such as rendered fields) -> plain text (atlassian-api.md §3.7).
// htmlparser2's Tokenizer is driven directly rather than its Parser: the Parser keeps a stack of open elements with
// Array#unshift and indexOf, which is quadratic in nesting depth (100,000 nested divs took 4-23 s here). The
// extractor needs no tree, only each tag's name and a few attributes, so it runs in one pass with constant state.
// Tokenizer settings: HTML mode, so `&nbsp;`/`&rsquo;` decode and `script`/`style` are raw text; CDATA sections are
// reported as such in HTML mode too, and their text is kept verbatim (code macros live there); self-closing tags
// are honoured, and `ac:link` is an ordinary element, never the void HTML `link`. Tag and attribute names are
// compared lower-cased, as HTML does.
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { isPresentationParameter, parameterLabel } from './macro-parameters.ts';
import {
  PlainTextWriter,
  resolveMaxChars,
  type ExtractOptions,
  type ExtractedText,
} from './plain-text-writer.ts';
import {
  BLOCK_ELEMENTS,
  CELL_ELEMENTS,
  SILENT_ELEMENTS,
  TABLE_ELEMENTS,
  TEXT_ATTRIBUTES,
} from './storage-elements.ts';

// A CDATA section left open at the end of the input is reported as a comment starting with this.
const CDATA_PREFIX = '[CDATA[';

class StorageTextCallbacks implements TokenizerCallbacks {
  private readonly source: string;
  private readonly out: PlainTextWriter;
  private tokenizer: Tokenizer | undefined;
  private tagName = '';
  private attributeName = '';
  private attributeParts: string[] | undefined;
  private attributes: [string, string][] = [];
  /** Set by an element whose text is not content (script, task ids, presentation parameters) until the next tag. */
  private skipText = false;
  private cellsInRow = 0;

  constructor(source: string, out: PlainTextWriter) {
    this.source = source;
    this.out = out;
  }

  run(tokenizer: Tokenizer): void {
    this.tokenizer = tokenizer;
    tokenizer.write(this.source);
    if (!this.out.full) tokenizer.end();
  }

  ontext(start: number, end: number): void {
    if (!this.skipText) this.write(this.source.slice(start, end));
  }

  ontextentity(codePoint: number): void {
    if (!this.skipText) this.write(String.fromCodePoint(codePoint));
  }

  oncdata(start: number, end: number, endOffset: number): void {
    if (!this.skipText) this.write(this.source.slice(start, end - endOffset));
  }

  oncomment(start: number, end: number, endOffset: number): void {
    const comment = this.source.slice(start, end - endOffset);
    if (comment.startsWith(CDATA_PREFIX) && !this.skipText) this.write(comment.slice(CDATA_PREFIX.length));
  }

  onopentagname(start: number, end: number): void {
    this.skipText = false;
    this.tagName = this.source.slice(start, end).toLowerCase();
    this.attributes = [];
  }

  onattribname(start: number, end: number): void {
    this.attributeName = this.source.slice(start, end).toLowerCase();
    const wanted =
      TEXT_ATTRIBUTES.has(this.attributeName) ||
      (this.tagName === 'ac:parameter' && this.attributeName === 'ac:name');
    this.attributeParts = wanted ? [] : undefined;
  }

  onattribdata(start: number, end: number): void {
    this.attributeParts?.push(this.source.slice(start, end));
  }

  onattribentity(codePoint: number): void {
    this.attributeParts?.push(String.fromCodePoint(codePoint));
  }

  onattribend(): void {
    if (this.attributeParts === undefined) return;
    this.attributes.push([this.attributeName, this.attributeParts.join('')]);
    this.attributeParts = undefined;
  }

  onopentagend(): void {
    this.openElement(false);
  }

  onselfclosingtag(): void {
    this.openElement(true);
  }

  onclosetag(start: number, end: number): void {
    this.skipText = false;
    this.closeElement(this.source.slice(start, end).toLowerCase());
  }

  // Doctypes and processing instructions carry no content.
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}

  private openElement(selfClosing: boolean): void {
    const name = this.tagName;
    const out = this.out;
    if (name === 'br') out.lineBreak();
    else if (name === 'tr') this.startRow();
    else if (CELL_ELEMENTS.has(name)) this.startCell();
    else if (TABLE_ELEMENTS.has(name)) this.leaveTable();
    else if (BLOCK_ELEMENTS.has(name)) out.boundary();
    for (const [attribute, value] of this.attributes) {
      if (attribute !== 'ac:name') out.spaced(value);
    }
    if (selfClosing) this.closeElement(name);
    else if (name === 'ac:parameter') this.openParameter();
    else if (SILENT_ELEMENTS.has(name)) this.skipText = true;
    if (out.full) this.tokenizer?.pause();
  }

  private openParameter(): void {
    const parameter = this.attributes.find(([attribute]) => attribute === 'ac:name')?.[1] ?? '';
    if (isPresentationParameter(parameter)) this.skipText = true;
    else this.out.spaced(parameterLabel(parameter));
  }

  private closeElement(name: string): void {
    if (name === 'tr' || TABLE_ELEMENTS.has(name)) this.leaveTable();
    else if (CELL_ELEMENTS.has(name)) this.out.leaveAllCells();
    else if (BLOCK_ELEMENTS.has(name)) this.out.boundary();
  }

  private startRow(): void {
    this.leaveTable();
    this.cellsInRow = 0;
  }

  /** Cells may be left unclosed in HTML, so a new cell or row ends the previous one without a stack. */
  private startCell(): void {
    this.out.leaveAllCells();
    if (this.cellsInRow++ > 0) this.out.cellSeparator();
    this.out.enterCell();
  }

  private leaveTable(): void {
    this.out.leaveAllCells();
    this.out.boundary();
  }

  private write(text: string): void {
    this.out.text(text);
    if (this.out.full) this.tokenizer?.pause();
  }
}

/** Plain text of a storage-format (or HTML) body. Never throws; stops at `maxChars` with `truncated: true`. */
export function storageToText(xhtml: string, options?: ExtractOptions): ExtractedText {
  const out = new PlainTextWriter(resolveMaxChars(options));
  if (typeof xhtml === 'string' && xhtml.length > 0) {
    const callbacks = new StorageTextCallbacks(xhtml, out);
    callbacks.run(
      new Tokenizer({ xmlMode: false, decodeEntities: true, recognizeSelfClosing: true }, callbacks),
    );
  }
  return out.finish();
}
