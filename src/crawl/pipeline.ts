// One page of source items → skip what is unchanged → detect → record with its checkpoint, in one transaction.
import { createHash } from 'node:crypto';
import type { SourceItem } from '../sources/jira.ts';
import type { Product } from '../types.ts';
import type { CoverageCounter } from './coverage.ts';
import type { Checkpoint, CrawlSink, DocScanner, KnownItem, LocatedFinding, ScannedItem } from './ports.ts';

/** Hash of what was scanned and of the rules that scanned it: new rules make every item worth scanning again. */
export function contentHash(source: SourceItem, salt: string): string {
  const hash = createHash('sha256');
  hash.update(salt);
  hash.update(source.item.title);
  for (const doc of source.docs) {
    hash.update(`\u0000${doc.field}\u0000${doc.fieldId ?? ''}\u0000${doc.text}`);
    // Only where marked, so unmarked items hash as before; a reply turned internal is scanned (and marked) again.
    if (doc.visibility) hash.update(`\u0001${doc.visibility}`);
  }
  return hash.digest('hex');
}

/**
 * An item now in another project or space, or at another key or address (a Jira issue moved between projects, a
 * page moved between spaces), whatever its text: it is written again in full so that its row and its findings
 * (their container and deep links) follow it. Only moves pay the detection again.
 */
function moved(previous: KnownItem | undefined, item: SourceItem['item']): boolean {
  if (!previous) return false;
  const before = previous.item;
  return (
    before.containerKey !== item.containerKey ||
    (before.key ?? '') !== (item.key ?? '') ||
    before.url !== item.url
  );
}

function scopeOf(source: SourceItem, mode: RecordMode): ScannedItem['scope'] {
  if (mode === 'item') return 'item';
  // A page read without its comments replaces its title and body even when they are now empty.
  if (mode === 'fields+item') return { fields: [{ field: 'title' }, { field: 'body' }], updateItem: true };
  return { fields: source.docs.map((d) => ({ field: d.field, fieldId: d.fieldId })) };
}

export interface PageContext {
  product: Product;
  containerKey: string;
  runId: number;
  /** The rule-set hash. */
  salt: string;
  scanner: DocScanner;
  sink: CrawlSink;
  coverage: CoverageCounter;
}

/** How a page's items are recorded: whole items (default), only the fields they carry, or those plus the row. */
export type RecordMode = 'item' | 'fields' | 'fields+item';

/**
 * Processes one listing page; `checkpoint` is stored in the same transaction as the page's results.
 * `fields`: each source item carries only some fields of its item (e.g. comments): only those are replaced.
 * `fields+item`: as `fields`, and the item row is refreshed (a changed page body read without its comments).
 */
export async function processPage(
  page: readonly SourceItem[],
  context: PageContext,
  checkpoint?: Checkpoint,
  mode: RecordMode = 'item',
  extras?: Extras,
): Promise<void> {
  const { product, containerKey, sink } = context;
  const batch = await scanPage(page, context, mode, extras);
  sink.record(batch, checkpoint && { product, containerKey, value: checkpoint });
}

/** An item of the page that this run had not recorded yet: its stored state, and whether its content changed. */
export interface PageEntry {
  source: SourceItem;
  previous?: KnownItem;
  changed: boolean;
}

/**
 * Field-scoped additions read for some of the page's items (their former versions), detected with the page and
 * recorded in its transaction, so a checkpoint never covers an item without them.
 */
export type Extras = (entries: readonly PageEntry[]) => Promise<SourceItem[]>;

interface Detection {
  source: SourceItem;
  hash: string;
  scope: ScannedItem['scope'];
  /** Counted as a scanned item (not for fields-only records). */
  counted: boolean;
}

/** Detects one page's items and returns what to record, counting coverage; records nothing. */
export async function scanPage(
  page: readonly SourceItem[],
  context: PageContext,
  mode: RecordMode = 'item',
  extras?: Extras,
): Promise<ScannedItem[]> {
  const { product, runId, scanner, sink, coverage } = context;
  const known = sink.known(
    product,
    page.map((s) => s.item.id),
  );
  const batch: ScannedItem[] = [];
  const entries: PageEntry[] = [];
  const toDetect: Detection[] = [];
  for (const source of page) {
    if (source.truncated > 0) coverage.skip('truncated', source.truncated);
    const hash = contentHash(source, context.salt);
    const previous = known.get(source.item.id);
    // Already recorded (and counted) by this run before a restart or a re-listing: neither listed nor scanned again.
    if (mode !== 'fields' && previous?.runId === runId) continue;
    if (mode !== 'fields') coverage.listed(1);
    const changed = mode === 'fields' || previous?.contentHash !== hash || moved(previous, source.item);
    entries.push({ source, previous, changed });
    if (changed) {
      toDetect.push({ source, hash, scope: scopeOf(source, mode), counted: mode !== 'fields' });
    } else {
      batch.push({ item: source.item, contentHash: hash, findings: 'unchanged', scope: 'item' });
      coverage.scanned(1, 0);
    }
  }
  for (const source of extras ? await extras(entries) : []) {
    if (source.truncated > 0) coverage.skip('truncated', source.truncated);
    const hash = contentHash(source, context.salt);
    toDetect.push({ source, hash, scope: scopeOf(source, 'fields'), counted: false });
  }
  const docs = toDetect.flatMap(({ source }) => source.docs);
  const results = docs.length > 0 ? await scanner.scanDocs(docs) : [];
  let next = 0;
  for (const { source, hash, scope, counted } of toDetect) {
    const findings: LocatedFinding[] = [];
    let bytes = 0;
    for (const doc of source.docs) {
      bytes += Buffer.byteLength(doc.text);
      for (const found of results[next++] ?? []) {
        const finding = doc.note ? { ...found, explanation: `${found.explanation}; ${doc.note}` } : found;
        findings.push({
          ...finding,
          field: doc.field,
          fieldId: doc.fieldId,
          url: doc.url,
          visibility: doc.visibility,
        });
      }
    }
    const attachments = source.attachmentScans;
    batch.push({
      item: source.item,
      contentHash: hash,
      findings,
      scope,
      ...(attachments ? { attachments } : {}),
    });
    if (counted) coverage.scanned(1, bytes);
  }
  return batch;
}
