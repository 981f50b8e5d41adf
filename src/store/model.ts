// Types of the store's public API (the shared domain types live in ../types.ts).
import type {
  AttachmentScan,
  Category,
  CommentVisibility,
  Finding,
  Item,
  PlaceVisibility,
  Product,
  Severity,
} from '../types.ts';

/** A container is named by product and key: a Jira project and a Confluence space may share a key. */
export interface ContainerRef {
  product: Product;
  key: string;
}

export type RunMode = 'full' | 'incremental';
export type FinishedRunStatus = 'complete' | 'partial' | 'interrupted' | 'failed';
export type RunStatus = 'running' | FinishedRunStatus;
export type FindingStatus = 'open' | 'resolved' | 'suppressed';

/** Why items were not scanned, with counts: forbidden, not-found, timeout, too-large, unparseable... */
export type SkipCounts = Record<string, number>;

export interface Coverage {
  listed: number;
  scanned: number;
  bytes: number;
  skipped: SkipCounts;
}

export interface RunInfo extends Coverage {
  id: number;
  /** What the run could not read of the site-wide listings, per product (no container holds these gaps). */
  siteGaps: Partial<Record<Product, Coverage['skipped']>>;
  siteId: number;
  siteUrl: string;
  mode: RunMode;
  options: unknown;
  rulesetHash: string;
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  /** The run's coverage rows name every place it listed, those its options left out included (schema 5 on). */
  placesRecorded: boolean;
}

export interface StoredContainer extends ContainerRef {
  id: number;
  siteId: number;
  externalId: string;
  name: string;
  url: string;
  type: string | null;
  status: string | null;
  /** Who may see the place, as its permissions said when last read (`unknown` before any read). */
  visibility: PlaceVisibility;
}

/** A detector finding placed in its item: which field, which comment, where to click. */
export interface PlacedFinding extends Finding {
  field: string;
  fieldId?: string;
  url: string;
  /** Jira comments and worklogs: who can read them (undefined: not marked). */
  visibility?: CommentVisibility;
}

export interface ScannedItem {
  item: Item;
  /** Hash of the scanned text, so the crawler can skip unchanged items next time. */
  contentHash: string;
  /** `unchanged`: same content as stored; its findings stay and are marked seen by this run. */
  findings: PlacedFinding[] | 'unchanged';
  /**
   * `item` (default): the findings are the whole item's, and findings not among them are resolved.
   * `fields`: only these fields were read (e.g. one page's comments from a site-wide listing): only findings of
   * these fields are replaced, and the item row is left as it is unless `updateItem` (e.g. a changed page body
   * read without its comments).
   */
  scope?: 'item' | { fields: ReadonlyArray<{ field: string; fieldId?: string }>; updateItem?: boolean };
  /** Attachment contents this record read or refused (or found gone: no version), kept in its transaction. */
  attachments?: readonly AttachmentScan[];
}

/** An item as stored, for the crawler: skip it when unchanged, attach comments to it. */
export interface KnownItem {
  item: Item;
  contentHash: string;
  /** The last run that scanned it or confirmed it unchanged. */
  runId: number;
}

/** A finding as reports read it: flat, ready for a table row or a CSV line. No raw values exist to read. */
export interface FindingRecord {
  id: number;
  status: FindingStatus;
  ruleId: string;
  category: Category;
  severity: Severity;
  confidence: number;
  preview: string;
  fingerprint: string;
  explanation: string;
  field: string;
  fieldId: string;
  url: string;
  /** Who can read the comment or worklog holding it; null where not marked (schema 6 on). */
  visibility: CommentVisibility | null;
  start: number;
  end: number;
  firstSeenRun: number;
  lastSeenRun: number;
  resolvedRun: number | null;
  product: Product;
  containerKey: string;
  itemId: string;
  itemKey: string | null;
  itemTitle: string;
  itemUrl: string;
  itemCreated: string | null;
  itemUpdated: string | null;
  /** Display names (null where the source gives none, or for items stored before schema 5). */
  reporter: string | null;
  assignee: string | null;
  lastEditor: string | null;
}

export type CategorySeverityCounts = Record<Category, Record<Severity, number>>;
