// Atlassian Document Format -> plain text for the detector (atlassian-api.md §2.9). The walk uses an explicit
// stack, so a document nested 100,000 deep cannot overflow the call stack, and it never throws: anything that is
// not the expected shape is skipped, and unknown node types are descended into.
import { BLOCK_TYPES, CARD_TYPES, EXTENSION_TYPES, TEXT_ATTRIBUTES } from './adf-nodes.ts';
import { isPresentationParameter, parameterLabel } from './macro-parameters.ts';
import {
  PlainTextWriter,
  resolveMaxChars,
  type ExtractOptions,
  type ExtractedText,
} from './plain-text-writer.ts';

type Node = Record<string, unknown>;

// Control entries on the walk stack; nodes are objects, so numbers can never be confused with them.
const BOUNDARY = 0;
const EXIT_CELL = 1;
const CELL_SEPARATOR = 2;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}

function stringAt(record: Node, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** A link mark's URL, followed by its title when it has one. */
function linkTarget(node: Node): string | undefined {
  const marks = node.marks;
  if (!Array.isArray(marks)) return undefined;
  for (const mark of marks) {
    if (!isNode(mark) || mark.type !== 'link' || !isNode(mark.attrs)) continue;
    const href = stringAt(mark.attrs, 'href');
    const title = stringAt(mark.attrs, 'title');
    return title ? `${href ?? ''} ${title}`.trim() : href;
  }
  return undefined;
}

/** ADF `date` holds milliseconds since the epoch as a string; a day is all it means. */
function isoDate(timestamp: unknown): string | undefined {
  if (typeof timestamp !== 'string' && typeof timestamp !== 'number') return undefined;
  const date = new Date(Number(timestamp));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** Scalar leaves of a macro's parameters, labelled by the nearest key that is not `value`. */
function writeParameters(parameters: unknown, out: PlainTextWriter): void {
  const pending: [unknown, string][] = [[parameters, '']];
  for (let entry = pending.pop(); entry !== undefined && !out.full; entry = pending.pop()) {
    const [value, label] = entry;
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      out.spaced(parameterLabel(label));
      out.text(String(value));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push([value[i], label]);
    } else if (isNode(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        if (!isPresentationParameter(key)) pending.push([value[key], key === 'value' ? label : key]);
      }
    }
  }
}

class AdfWalker {
  private readonly out: PlainTextWriter;
  private readonly stack: unknown[] = [];
  private pendingHref: string | undefined;

  constructor(out: PlainTextWriter) {
    this.out = out;
  }

  walk(root: unknown): void {
    this.stack.push(root);
    while (this.stack.length > 0 && !this.out.full) {
      const entry = this.stack.pop();
      if (typeof entry === 'number') this.control(entry);
      else if (Array.isArray(entry)) this.pushChildren(entry, false);
      else if (isNode(entry)) this.visit(entry);
    }
    this.flushHref();
  }

  private control(code: number): void {
    this.flushHref();
    if (code === BOUNDARY) this.out.boundary();
    else if (code === CELL_SEPARATOR) this.out.cellSeparator();
    else if (code === EXIT_CELL) this.out.leaveCell();
  }

  private visit(node: Node): void {
    const type = typeof node.type === 'string' ? node.type : '';
    if (type === 'text') {
      this.visitText(node);
    } else {
      this.visitElement(type, node);
    }
    if (Array.isArray(node.content)) this.pushChildren(node.content, type === 'tableRow');
  }

  private visitElement(type: string, node: Node): void {
    this.flushHref();
    const isBlock = BLOCK_TYPES.has(type);
    if (isBlock) this.out.boundary();
    if (type === 'hardBreak') this.out.lineBreak();
    if (isNode(node.attrs)) this.writeAttributes(type, node.attrs);
    if (isBlock) this.stack.push(BOUNDARY);
    if (type === 'tableCell' || type === 'tableHeader') {
      this.out.enterCell();
      this.stack.push(EXIT_CELL);
    }
  }

  private visitText(node: Node): void {
    const href = linkTarget(node);
    if (href !== this.pendingHref) this.flushHref();
    const text = stringAt(node, 'text');
    if (text !== undefined) this.out.text(text);
    // A link's URL is written once after its whole run of text, which may span several differently marked nodes.
    this.pendingHref = href;
  }

  private flushHref(): void {
    if (this.pendingHref === undefined) return;
    this.out.spaced(this.pendingHref);
    this.pendingHref = undefined;
  }

  private writeAttributes(type: string, attrs: Node): void {
    for (const key of TEXT_ATTRIBUTES.get(type) ?? []) {
      const value = stringAt(attrs, key);
      if (value !== undefined) this.out.spaced(value);
    }
    if (type === 'date') {
      const date = isoDate(attrs.timestamp);
      if (date !== undefined) this.out.spaced(date);
    } else if (CARD_TYPES.has(type) && isNode(attrs.data)) {
      // JSON-LD card data: its url and name are what the card shows.
      for (const key of ['url', 'name']) {
        const value = stringAt(attrs.data, key);
        if (value !== undefined) this.out.spaced(value);
      }
    } else if (EXTENSION_TYPES.has(type)) {
      writeParameters(attrs.parameters, this.out);
    }
  }

  /** Children in document order; table cells get a separator between them. */
  private pushChildren(children: unknown[], separateCells: boolean): void {
    let pushed = false;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (!isNode(child)) continue;
      if (pushed && separateCells) this.stack.push(CELL_SEPARATOR);
      this.stack.push(child);
      pushed = true;
    }
  }
}

/** Parses a Confluence `atlas_doc_format` value; undefined when it is not a JSON object or array. */
function parseAdfJson(json: string): unknown {
  try {
    const parsed: unknown = JSON.parse(json);
    return isNode(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Plain text of an ADF document (an object, or its JSON string). A string that is not JSON is scanned as it is:
 * dropping it would hide whatever it holds.
 */
export function adfToText(doc: unknown, options?: ExtractOptions): ExtractedText {
  const out = new PlainTextWriter(resolveMaxChars(options));
  if (typeof doc === 'string') {
    const parsed = parseAdfJson(doc);
    if (parsed === undefined) out.text(doc);
    else new AdfWalker(out).walk(parsed);
  } else {
    new AdfWalker(out).walk(doc);
  }
  return out.finish();
}
