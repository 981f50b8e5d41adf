// What the reports show, assembled from the store by report-data.ts: the terminal table, the HTML report, the summary
// CSV and `report --json` all render this one model, and docs/report.schema.json describes it (schemaVersion 1; a
// field is added, never renamed or removed, without a new version). Every string in it came from the site and is
// untrusted: renderers escape it (HTML), neutralise it (CSV) or strip control sequences (terminal).
import type { ScoreBand } from '../score.ts';
import type { PlaceState } from '../store/places.ts';
import type {
  AttachmentOutcome,
  Category,
  CommentVisibility,
  PlaceVisibility,
  Product,
  Severity,
} from '../types.ts';

export const REPORT_SCHEMA_VERSION = 1;

export type Counts = Record<Category, Record<Severity, number>>;

/** Who can read a place on the site (see types.ts); `unknown` when the token could not read its permissions. */
export type Visibility = PlaceVisibility;

/** The numbers of a place (or of the site) from the findings live at the run. */
export interface Measure {
  /** The exposure score: W to one decimal (see score.ts). */
  score: number;
  /** W, the ranking weight, unrounded. */
  weight: number;
  band: ScoreBand;
  open: number;
  suppressed: number;
  counts: Counts;
  /** Items holding an open finding of each category. */
  itemsWithFindings: Record<Category, number>;
  density: number | null;
}

export interface PlaceRow {
  product: Product;
  key: string;
  name: string;
  /** What to call the place in a chart or a list: the owner's name for a personal space, else the key. */
  label: string;
  url: string;
  /** Confluence space type, Jira project type key, or `configuration` for the Jira site configuration. */
  type: string | null;
  /** The Jira site configuration: contributed whatever spaces are excluded. */
  siteWide: boolean;
  state: PlaceState;
  /** Units not read in this run, by reason (`forbidden`, `error`, `interrupted`...). */
  gaps: Record<string, number>;
  /** One line saying why the place is not (fully) read in this run; null when it was read whole. */
  reason: string | null;
  /** The run whose reading the numbers come from; null when no run read the place. */
  lastScanned: { run: number; at: string } | null;
  /** The numbers come from an earlier run than this one. */
  stale: boolean;
  /** 1 for the most exposed place; null when nothing was ever measured there. */
  rank: number | null;
  /** Null when no run read the place: a number appears only where it was measured. */
  measure: Measure | null;
  coverage: number | null;
  listed: number | null;
  scanned: number | null;
  visibility: Visibility;
  contribution: { contributed: boolean; reason: string };
}

export interface SiteSummary {
  measure: Measure;
  /** Mean coverage over every place the run listed; a place not read counts 0. */
  coverage: number | null;
  places: Record<PlaceState, number> & { listed: number };
  /** Site-wide listings (projects, spaces, field catalogue, comment listings) not read, per product. */
  listingGaps: Partial<Record<Product, Record<string, number>>>;
  /**
   * Attachment contents (`--attachments content`) by outcome as stored now: read, or not scanned for their
   * format or size. Empty when no scan read contents.
   */
  attachmentContents: Partial<Record<AttachmentOutcome, number>>;
}

export interface ShortlistEntry {
  product: Product;
  key: string;
  name: string;
  url: string;
  rank: number;
  score: number;
  stale: boolean;
  /** Why it ranks there: `33 PHI in 12 issues; 24 secrets, 9 critical`. */
  why: string;
  /** What to do about it. */
  action: string;
}

export interface Shortlist {
  plan: string;
  /** One sentence when the plan contributes nothing by default (so there is no shortlist), else null. */
  note: string | null;
  places: ShortlistEntry[];
  /** The Jira site configuration: only excludable for the whole organisation, so it has its own advice. */
  siteConfiguration: { why: string; action: string } | null;
  /** Contributed places no run could read: what they hold is unknown. */
  unmeasured: Array<{ product: Product; key: string; name: string; reason: string }>;
}

export interface TopItem {
  product: Product;
  containerKey: string;
  title: string;
  url: string;
  findings: number;
  worst: Severity;
  categories: Category[];
  /**
   * The item's open findings (masked previews), so the report explains the item without following its link; a
   * Jira comment's or worklog's says who can read it (null where not marked).
   */
  details: Array<{
    field: string;
    ruleId: string;
    severity: Severity;
    preview: string;
    visibility: CommentVisibility | null;
    /** The finding's own link: the comment, or the attached file (by id), where the item's link is not enough. */
    url: string;
  }>;
}

export interface ReportData {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  siteUrl: string;
  /** Links lead to the demo's fake site, which stops with the demo. */
  demo: boolean;
  generatedAt: string;
  since: string | null;
  run: { id: number; mode: string; status: string; started: string; finished: string | null };
  site: SiteSummary;
  /** Most exposed first (by weight), then places without a number. */
  containers: PlaceRow[];
  shortlist: Shortlist;
  trend: Array<{ run: number; started: string; score: number }>;
  topItems: TopItem[];
}
