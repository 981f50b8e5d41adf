// Attachment contents (opt-in, --attachments content): text-like files up to a size cap each and a byte budget
// per run, downloaded only when the attachment id or version is new to the store. Refused files (binary and office
// formats, over the cap, over the budget, a stream that inflates past the cap) are tallied by reason: never read
// silently. Contents are recorded as field-scoped additions of their item (field attachment-content), in the
// transaction of the page that listed them; a file gone from its item has its content findings resolved.
import type { Logger } from 'pino';
import type { AttachmentReader } from '../sources/attachment-reader.ts';
import { uploadNote, type AttachmentRef } from '../sources/attachments.ts';
import type { SourceItem } from '../sources/jira.ts';
import { isTextLike } from '../text/attachment-text.ts';
import {
  ATTACHMENT_FIELDS,
  type AttachmentOutcome,
  type AttachmentScan,
  type Doc,
  type Product,
} from '../types.ts';
import { describe, skipReason } from './errors.ts';
import type { Extras } from './pipeline.ts';
import type { CrawlSink } from './ports.ts';

export interface ContentLimits {
  /** Largest file read, in bytes (decoded: a compressed stream counts as what it inflates to). */
  maxFileBytes: number;
  /** Bytes read per run over all files; files beyond it wait for the next run. */
  budgetBytes: number;
}

export interface ContentTally {
  read: number;
  bytes: number;
  budgetBytes: number;
  /** Files not read, by reason: format, too-large, budget, or a download failure's reason. */
  notRead: Record<string, number>;
}

/** What one file came to: its text (empty when refused) and why, or nothing when it is to be tried again next run. */
type Outcome = { text: string; outcome: AttachmentOutcome } | undefined;

export class AttachmentContent {
  readonly tally: ContentTally;
  private readonly reader: AttachmentReader;
  private readonly limits: ContentLimits;
  private readonly logger: Logger;
  private reserved = 0;

  constructor(reader: AttachmentReader, limits: ContentLimits, logger: Logger) {
    this.reader = reader;
    this.limits = limits;
    this.logger = logger;
    this.tally = { read: 0, bytes: 0, budgetBytes: limits.budgetBytes, notRead: {} };
  }

  /** processPage extras reading the contents of the page's items' attachments (see the file comment). */
  extras(sink: CrawlSink, product: Product): Extras {
    return async (entries) => {
      const sources = entries.map((e) => e.source).filter((s) => s.attachments !== undefined);
      if (sources.length === 0) return [];
      const before = sink.scannedAttachments(
        product,
        sources.map((s) => s.item.id),
      );
      const items = await Promise.all(
        sources.map((s) => this.readItem(product, s, before.get(s.item.id) ?? new Map())),
      );
      return items.filter((s): s is SourceItem => s !== undefined);
    };
  }

  private async readItem(
    product: Product,
    source: SourceItem,
    seen: ReadonlyMap<string, number>,
  ): Promise<SourceItem | undefined> {
    const itemId = source.item.id;
    const attachments = source.attachments ?? [];
    const docs: Doc[] = [];
    const scans: AttachmentScan[] = [];
    const contentDoc = (id: string, url: string, text: string, note?: string): Doc => ({
      itemId,
      field: ATTACHMENT_FIELDS.content,
      fieldId: id,
      url,
      text,
      ...(note ? { note } : {}),
    });
    // A file gone from its item: an empty content resolves what its content held.
    const current = new Set(attachments.map((a) => a.id));
    for (const id of seen.keys()) {
      if (current.has(id)) continue;
      docs.push(contentDoc(id, source.item.url, ''));
      scans.push({ id, itemId });
    }
    const changed = attachments.filter((a) => seen.get(a.id) !== a.version);
    const outcomes = await Promise.all(changed.map((ref) => this.read(product, ref)));
    changed.forEach((ref, i) => {
      const outcome = outcomes[i];
      if (!outcome) return;
      docs.push(contentDoc(ref.id, ref.url, outcome.text, uploadNote(ref)));
      scans.push({ id: ref.id, itemId, version: ref.version, outcome: outcome.outcome });
    });
    if (scans.length === 0) return undefined;
    return { item: source.item, docs, truncated: 0, attachmentScans: scans };
  }

  private refuse(reason: string): void {
    this.tally.notRead[reason] = (this.tally.notRead[reason] ?? 0) + 1;
  }

  private async read(product: Product, ref: AttachmentRef): Promise<Outcome> {
    if (!isTextLike(ref.name, ref.mediaType)) {
      this.refuse('format');
      return { text: '', outcome: 'format' };
    }
    if (ref.size > this.limits.maxFileBytes) {
      this.refuse('too-large');
      return { text: '', outcome: 'too-large' };
    }
    // The declared size is held against the budget while the file travels, so parallel downloads cannot overrun it.
    const claim = Math.max(ref.size, 1);
    if (this.tally.bytes + this.reserved + claim > this.limits.budgetBytes) {
      this.refuse('budget');
      return undefined;
    }
    this.reserved += claim;
    try {
      const decoded = await this.reader.text(product, ref, this.limits.maxFileBytes);
      if ('refused' in decoded) {
        this.refuse(decoded.refused);
        return { text: '', outcome: decoded.refused };
      }
      this.tally.read += 1;
      this.tally.bytes += Buffer.byteLength(decoded.text);
      return { text: decoded.text, outcome: 'read' };
    } catch (error) {
      const reason = skipReason(error) ?? 'error';
      this.refuse(reason);
      this.logger.warn({ product, error: describe(error) }, 'attachment not downloaded');
      return undefined;
    } finally {
      this.reserved -= claim;
    }
  }
}
