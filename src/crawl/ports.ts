// What the crawler needs from the rest of the system, as narrow interfaces: a detector that scans documents and
// a sink that persists results. The command wires the real worker pool and SQLite store behind them, and tests
// can wire in-memory ones.
import type { AttachmentScan, Container, Doc, Finding, Item, PlaceVisibility, Product } from '../types.ts';
import type { Baseline, PlaceRead } from './baselines.ts';

export interface DocScanner {
  /** Findings per document, in the order given. Offsets index each Doc.text. */
  scanDocs(docs: readonly Doc[]): Promise<Finding[][]>;
}

export type LocatedFinding = Finding & Pick<Doc, 'field' | 'fieldId' | 'url' | 'visibility'>;

export interface ScannedItem {
  item: Item;
  contentHash: string;
  /** `unchanged`: same content as stored; keep its findings and mark them seen by this run. */
  findings: LocatedFinding[] | 'unchanged';
  /**
   * `item`: these docs are the whole item (its findings are replaced). `fields`: only these fields of the item
   * were read (e.g. one changed comment): findings of other fields are left alone; `updateItem` also refreshes
   * the item row (title, version, hash) from this record.
   */
  scope: 'item' | { fields: Array<{ field: string; fieldId?: string }>; updateItem?: boolean };
  /** Written in the record's transaction: see AttachmentScan. */
  attachments?: readonly AttachmentScan[];
}

export interface KnownItem {
  item: Item;
  contentHash: string;
  /** The last run that scanned (or confirmed unchanged) the item. */
  runId: number;
}

export interface Coverage {
  listed: number;
  scanned: number;
  bytes: number;
  skipped: Record<string, number>;
}

export interface Checkpoint {
  /** The run that wrote it: a checkpoint of an older, finished run is a watermark, not a resume point. */
  runId: number;
  phase: string;
  cursor?: string;
  done?: boolean;
  /** UTC instant: everything updated before it was seen by the run that set it. */
  watermark?: string;
  /** The container's counts so far in this run, restored when the run resumes. */
  coverage?: Coverage;
  /**
   * Site checkpoint of Jira: the text custom fields of the last field catalogue read, reused by the incremental
   * runs that do not read the site configuration again (see crawl/jira-config.ts).
   */
  textFields?: Array<{ id: string }>;
  /** Confluence site checkpoint: start of the last complete comment listing that resolved deleted comments. */
  commentsSwept?: string;
  /**
   * Confluence site checkpoint: the comment listings were refused for a scope the token lacks when this watermark
   * was saved, so the next run able to read them reads them whole.
   */
  commentsUnread?: boolean;
  /** Confluence site checkpoint: the run read former versions too, so the next one reads only new ones. */
  history?: boolean;
  /** Jira project: the workflow status names seen so far, for the project's metadata item. */
  statuses?: string[];
}

export interface RunInfo {
  runId: number;
  mode: 'full' | 'incremental';
  /** True when this run continues an interrupted one. */
  resumed: boolean;
  /** Start of the last complete run, for incremental watermarks. */
  previousStart?: string;
  /** Auto mode: a place whose last complete read is older than this many days is read in full again. */
  fullAfterDays?: number;
}

/** A change to a place's baseline: read to its end by this run, covered up to a watermark (only moves forward), or refused. */
export interface BaselineChange {
  complete?: true;
  watermark?: string;
  forbidden?: boolean;
}

export interface CrawlSink {
  upsertContainers(containers: readonly Container[]): void;
  /** Items already stored, to skip re-detecting unchanged content and to attach comments to their page. */
  known(product: Product, ids: readonly string[]): Map<string, KnownItem>;
  /** One transaction: the batch and the checkpoint describing it, so a kill never leaves one without the other. */
  record(
    batch: readonly ScannedItem[],
    checkpoint?: { product: Product; containerKey: string; value: Checkpoint },
  ): void;
  checkpoint(product: Product, containerKey: string): Checkpoint | undefined;
  /** What the run listed, scanned and could not read of one place (called once per place the run crawls). */
  coverage(product: Product, containerKey: string, coverage: Coverage): void;
  /** Each stored place's visibility and when its permissions were last read, by key. */
  placeVisibility(product: Product): Map<string, { visibility: PlaceVisibility; readAt?: string }>;
  /** Who may see these places, as their permissions said at `readAt` (`unknown` when they could not be read). */
  recordVisibility(
    product: Product,
    places: ReadonlyArray<{ key: string; visibility: PlaceVisibility; readAt: string }>,
  ): void;
  /** A place the site listed that the run's options (--exclude-project, --space...) left out. */
  leftOut(product: Product, containerKey: string): void;
  /** Custom field names by id, masked, from the field catalogue this run read. */
  fieldNames(product: Product, fields: ReadonlyArray<{ id: string; name: string }>): void;
  /**
   * After a complete listing of a container by this run: items the run did not see are gone (deleted, trashed,
   * moved away); their findings are resolved. Returns how many. `keepArchived`: the listing left archived content
   * out, so items stored as archived were not looked for and stay.
   */
  reconcile(product: Product, containerKey: string, options?: { keepArchived: boolean }): number;
  /**
   * Fields of live items, by name, that still hold unresolved findings (e.g. comments): what a deletion sweep
   * must check.
   */
  openFields(
    product: Product,
    fields: readonly string[],
  ): Array<{ itemId: string; containerKey: string; field: string; fieldId: string }>;
  /** The product's stored containers that still hold live items (any kind), to tell which ones vanished. */
  storedContainers(product: Product): Container[];
  /** Marks every live item of a container that vanished deleted, whichever run saw it; returns how many. */
  retire(product: Product, containerKey: string): number;
  /** Ids of the container's stored, not deleted issues, pages and blog posts. */
  liveIds(product: Product, containerKey: string): string[];
  /** Attachment versions whose content earlier runs read, of these items: item id -> attachment id -> version. */
  scannedAttachments(product: Product, itemIds: readonly string[]): Map<string, Map<string, number>>;
  /** Marks these items deleted (found gone by an id sweep or in the trash); their findings are resolved. */
  remove(product: Product, containerKey: string, ids: readonly string[]): number;
  /** The place's baseline (see baselines.ts); undefined for a place no run has tried to read. */
  baseline(product: Product, containerKey: string): Baseline | undefined;
  /** `complete`: this run read the place to its end (the run's start becomes its last complete read). */
  recordBaseline(product: Product, containerKey: string, change: BaselineChange): void;
  /** How this run reads the place, once planned (a resumed run keeps the plan). */
  readPlan(product: Product, containerKey: string): PlaceRead | undefined;
  recordReadPlan(product: Product, containerKey: string, plan: PlaceRead): void;
}
