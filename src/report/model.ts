// What the reports show, assembled from the store by report-data.ts. Every string in it came from the site
// and is untrusted: renderers escape it (HTML), neutralise it (CSV) or strip control sequences (terminal).
import type { Category, Product, Severity } from '../types.ts';

export type Counts = Record<Category, Record<Severity, number>>;

export interface ContainerRow {
  product: Product;
  key: string;
  name: string;
  url: string;
  score: number;
  open: number;
  suppressed: number;
  counts: Counts;
  density: number | null;
  coverage: number | null;
  listed: number | null;
  scanned: number;
  skipped: Record<string, number>;
  /** Whether Atlassian contributes its content to AI training, and why. */
  contributed: boolean;
  contributionReason: string;
}

export interface TopItem {
  product: Product;
  containerKey: string;
  title: string;
  url: string;
  findings: number;
  worst: Severity;
  categories: Category[];
}

export interface ReportData {
  siteUrl: string;
  generatedAt: string;
  run: {
    id: number;
    mode: string;
    status: string;
    startedAt: string;
    finishedAt: string | null;
    /** What the run could not read of the site-wide listings (projects, spaces, ...), per product. */
    siteGaps: Partial<Record<Product, Record<string, number>>>;
  };
  site: {
    score: number;
    open: number;
    suppressed: number;
    counts: Counts;
    coverage: number | null;
    density: number | null;
  };
  containers: ContainerRow[];
  trend: Array<{ runId: number; startedAt: string; score: number }>;
  topItems: TopItem[];
  plan: string;
}
