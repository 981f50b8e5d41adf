// One page of source items → skip what is unchanged → detect → record with its checkpoint, in one transaction.
import { createHash } from 'node:crypto';
import type { SourceItem } from '../sources/jira.ts';
import type { Product } from '../types.ts';
import type { CoverageCounter } from './coverage.ts';
import type { Checkpoint, CrawlSink, DocScanner, LocatedFinding, ScannedItem } from './ports.ts';

/** Hash of what was scanned and of the rules that scanned it: new rules make every item worth scanning again. */
export function contentHash(source: SourceItem, salt: string): string {
  const hash = createHash('sha256');
  hash.update(salt);
  hash.update(source.item.title);
  for (const doc of source.docs) hash.update(`\u0000${doc.field}\u0000${doc.fieldId ?? ''}\u0000${doc.text}`);
  return hash.digest('hex');
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

/**
 * Processes one listing page; `checkpoint` is stored in the same transaction as the page's results.
 * `partial`: each source item carries only some fields of its item (e.g. comments): only those are replaced.
 */
export async function processPage(
  page: readonly SourceItem[],
  context: PageContext,
  checkpoint?: Checkpoint,
  partial = false,
): Promise<void> {
  const { product, containerKey, runId, scanner, sink, coverage } = context;
  if (!partial) coverage.listed(page.length);
  const known = sink.known(
    product,
    page.map((s) => s.item.id),
  );
  const batch: ScannedItem[] = [];
  const toDetect: Array<{ source: SourceItem; hash: string }> = [];
  for (const source of page) {
    if (source.truncated > 0) coverage.skip('truncated', source.truncated);
    const hash = contentHash(source, context.salt);
    const previous = known.get(source.item.id);
    if (!partial && previous?.runId === runId) continue; // already recorded by this run before a restart
    if (!partial && previous?.contentHash === hash) {
      batch.push({ item: source.item, contentHash: hash, findings: 'unchanged', scope: 'item' });
      coverage.scanned(1, 0);
    } else {
      toDetect.push({ source, hash });
    }
  }
  const docs = toDetect.flatMap(({ source }) => source.docs);
  const results = docs.length > 0 ? await scanner.scanDocs(docs) : [];
  let next = 0;
  for (const { source, hash } of toDetect) {
    const findings: LocatedFinding[] = [];
    let bytes = 0;
    for (const doc of source.docs) {
      bytes += Buffer.byteLength(doc.text);
      for (const finding of results[next++] ?? []) {
        findings.push({ ...finding, field: doc.field, fieldId: doc.fieldId, url: doc.url });
      }
    }
    const scope: ScannedItem['scope'] = partial
      ? { fields: source.docs.map((d) => ({ field: d.field, fieldId: d.fieldId })) }
      : 'item';
    batch.push({ item: source.item, contentHash: hash, findings, scope });
    if (!partial) coverage.scanned(1, bytes);
  }
  sink.record(batch, checkpoint && { product, containerKey, value: checkpoint });
}
