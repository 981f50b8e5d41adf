// An in-memory CrawlSink for crawler tests: the same contract as the SQLite adapter, none of the storage.
import type { Baseline, PlaceRead } from '../../src/crawl/baselines.ts';
import type {
  BaselineChange,
  Checkpoint,
  Coverage,
  CrawlSink,
  KnownItem,
  LocatedFinding,
  ScannedItem,
} from '../../src/crawl/ports.ts';
import { ATTACHMENT_FIELDS, type Container, type PlaceVisibility, type Product } from '../../src/types.ts';

interface StoredItem extends KnownItem {
  findings: LocatedFinding[];
  deleted: boolean;
  containerKey: string;
}

export class MemorySink implements CrawlSink {
  runId = 1;
  readonly containers = new Map<string, Container>();
  readonly items = new Map<string, StoredItem>();
  readonly checkpoints = new Map<string, Checkpoint>();
  readonly coverages = new Map<string, Coverage>();
  /** Custom field names by `product:id`, as recorded (masked). */
  readonly fields = new Map<string, string>();
  /** Places listed but left out by the scope, as `product:key`. */
  readonly excluded = new Set<string>();
  recordCalls = 0;
  /** Attachment contents read: `product:attachment id` -> item id and version. */
  readonly attachmentScans = new Map<string, { itemId: string; version: number }>();
  readonly baselines = new Map<string, Baseline>();
  /** How each run read each place: `runId:product:key`. */
  readonly reads = new Map<string, PlaceRead>();
  /** Run start instants, for complete reads (tests set older ones to make a place due). */
  runStart = new Date().toISOString();
  /** Who may see each place, by `product:key`, with the time its permissions were read. */
  readonly visibility = new Map<string, { visibility: PlaceVisibility; readAt?: string }>();

  upsertContainers(containers: readonly Container[]): void {
    for (const c of containers) this.containers.set(`${c.product}:${c.key}`, c);
  }

  placeVisibility(product: Product): Map<string, { visibility: PlaceVisibility; readAt?: string }> {
    const prefix = `${product}:`;
    return new Map(
      [...this.visibility].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]),
    );
  }

  recordVisibility(
    product: Product,
    places: ReadonlyArray<{ key: string; visibility: PlaceVisibility; readAt: string }>,
  ): void {
    for (const { key, ...seen } of places) this.visibility.set(`${product}:${key}`, seen);
  }

  known(product: Product, ids: readonly string[]): Map<string, KnownItem> {
    const out = new Map<string, KnownItem>();
    for (const id of ids) {
      const stored = this.items.get(`${product}:${id}`);
      if (stored && !stored.deleted) out.set(id, stored);
    }
    return out;
  }

  record(
    batch: readonly ScannedItem[],
    checkpoint?: { product: Product; containerKey: string; value: Checkpoint },
  ) {
    this.recordCalls++;
    for (const scanned of batch) {
      const key = `${scanned.item.product}:${scanned.item.id}`;
      for (const a of scanned.attachments ?? []) {
        const at = `${scanned.item.product}:${a.id}`;
        if (a.version === undefined) this.attachmentScans.delete(at);
        else this.attachmentScans.set(at, { itemId: a.itemId, version: a.version });
      }
      const previous = this.items.get(key);
      let findings: LocatedFinding[];
      if (scanned.findings === 'unchanged') findings = previous?.findings ?? [];
      else if (scanned.scope === 'item')
        // As the store does: attachment contents are kept by whole-item records (crawl/attachment-content.ts).
        findings = [
          ...(previous?.findings ?? []).filter((f) => f.field === ATTACHMENT_FIELDS.content),
          ...scanned.findings,
        ];
      else {
        const replaced = new Set(scanned.scope.fields.map((f) => `${f.field}\u0000${f.fieldId ?? ''}`));
        findings = [
          ...(previous?.findings ?? []).filter((f) => !replaced.has(`${f.field}\u0000${f.fieldId ?? ''}`)),
          ...scanned.findings,
        ];
      }
      const whole = scanned.scope === 'item' || scanned.scope.updateItem === true || !previous;
      const item = whole ? scanned.item : previous.item;
      const contentHash = whole ? scanned.contentHash : previous.contentHash;
      this.items.set(key, {
        item,
        contentHash,
        runId: this.runId,
        findings,
        deleted: false,
        containerKey: item.containerKey,
      });
    }
    if (checkpoint)
      this.checkpoints.set(`${checkpoint.product}:${checkpoint.containerKey}`, checkpoint.value);
  }

  checkpoint(product: Product, containerKey: string): Checkpoint | undefined {
    return this.checkpoints.get(`${product}:${containerKey}`);
  }

  coverage(product: Product, containerKey: string, coverage: Coverage): void {
    this.coverages.set(`${product}:${containerKey}`, coverage);
  }

  fieldNames(product: Product, fields: ReadonlyArray<{ id: string; name: string }>): void {
    for (const f of fields) this.fields.set(`${product}:${f.id}`, f.name);
  }

  leftOut(product: Product, containerKey: string): void {
    this.excluded.add(`${product}:${containerKey}`);
  }

  reconcile(product: Product, containerKey: string, options?: { keepArchived: boolean }): number {
    let gone = 0;
    for (const stored of this.items.values()) {
      if (stored.item.product !== product || stored.containerKey !== containerKey || stored.deleted) continue;
      if (options?.keepArchived && stored.item.status === 'archived') continue;
      if (stored.runId !== this.runId) {
        stored.deleted = true;
        gone++;
      }
    }
    return gone;
  }

  storedContainers(product: Product): Container[] {
    const holding = new Set(
      [...this.items.values()]
        .filter((i) => i.item.product === product && !i.deleted)
        .map((i) => i.containerKey),
    );
    return [...this.containers.values()].filter((c) => c.product === product && holding.has(c.key));
  }

  retire(product: Product, containerKey: string): number {
    const live = [...this.items.values()].filter(
      (i) => i.item.product === product && i.containerKey === containerKey && !i.deleted,
    );
    for (const stored of live) stored.deleted = true;
    return live.length;
  }

  liveIds(product: Product, containerKey: string): string[] {
    return [...this.items.values()]
      .filter((i) => i.item.product === product && i.containerKey === containerKey && !i.deleted)
      .filter((i) => ['issue', 'page', 'blogpost'].includes(i.item.kind))
      .map((i) => i.item.id);
  }

  openFields(product: Product, fields: readonly string[]) {
    const open = new Map<string, { itemId: string; containerKey: string; field: string; fieldId: string }>();
    for (const { item, containerKey, findings, deleted } of this.items.values()) {
      if (item.product !== product || deleted) continue;
      for (const { field, fieldId = '' } of findings.filter((f) => fields.includes(f.field))) {
        open.set(`${item.id}\u0000${field}\u0000${fieldId}`, {
          itemId: item.id,
          containerKey,
          field,
          fieldId,
        });
      }
    }
    return [...open.values()];
  }

  remove(product: Product, containerKey: string, ids: readonly string[]): number {
    let n = 0;
    for (const id of ids) {
      const stored = this.items.get(`${product}:${id}`);
      if (stored && stored.containerKey === containerKey && !stored.deleted) {
        stored.deleted = true;
        n++;
      }
    }
    return n;
  }

  scannedAttachments(product: Product, itemIds: readonly string[]) {
    const out = new Map<string, Map<string, number>>();
    for (const [at, { itemId, version }] of this.attachmentScans) {
      const [p, id] = at.split(':') as [string, string];
      if (p !== product || !itemIds.includes(itemId)) continue;
      out.set(itemId, (out.get(itemId) ?? new Map<string, number>()).set(id, version));
    }
    return out;
  }

  baseline(product: Product, containerKey: string): Baseline | undefined {
    return this.baselines.get(`${product}:${containerKey}`);
  }

  recordBaseline(product: Product, containerKey: string, change: BaselineChange): void {
    const key = `${product}:${containerKey}`;
    const saved = this.baselines.get(key) ?? { forbidden: false };
    const later = (a?: string, b?: string) => (!a || (b !== undefined && b > a) ? b : a);
    this.baselines.set(key, {
      ...saved,
      ...(change.complete ? { completeRun: this.runId, completeAt: this.runStart, forbidden: false } : {}),
      ...(change.forbidden === undefined ? {} : { forbidden: change.forbidden }),
      ...(change.watermark ? { watermark: later(saved.watermark, change.watermark) } : {}),
    });
  }

  readPlan(product: Product, containerKey: string): PlaceRead | undefined {
    return this.reads.get(`${this.runId}:${product}:${containerKey}`);
  }

  recordReadPlan(product: Product, containerKey: string, plan: PlaceRead): void {
    this.reads.set(`${this.runId}:${product}:${containerKey}`, plan);
  }

  openFindings(): LocatedFinding[] {
    return [...this.items.values()].filter((i) => !i.deleted).flatMap((i) => i.findings);
  }
}
