// Everything one crawl of one site shares: sources, ports, run, options, logger, progress and cancellation.
import type { LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import type { ConfluenceHistory } from '../sources/confluence-history.ts';
import type { AttachmentContent } from './attachment-content.ts';
import type { Container, Product } from '../types.ts';
import type { SourceItem } from '../sources/jira.ts';
import { CoverageCounter } from './coverage.ts';
import type { PageContext } from './pipeline.ts';
import type { CrawlSink, DocScanner, RunInfo } from './ports.ts';
import type { UnlistedContainer } from './unlisted.ts';

export interface CrawlScope {
  projects: readonly string[];
  spaces: readonly string[];
  excludeProjects: readonly string[];
  excludeSpaces: readonly string[];
  archived: boolean;
  /** Also scan the former versions of pages and blog posts. */
  includeHistory?: boolean;
}

export interface ProgressSink {
  total(product: Product, n: number | undefined): void;
  /** `throttled`: the site is making us wait right now. */
  advance(product: Product, n: number, throttled?: boolean): void;
}

export interface CrawlContext {
  /** Set when former versions of pages and blog posts are scanned too (--include-history). */
  history?: ConfluenceHistory;
  /** Set when attachment contents are read too (--attachments content). */
  content?: AttachmentContent;
  scanner: DocScanner;
  sink: CrawlSink;
  run: RunInfo;
  /** The rule-set hash, mixed into content hashes. */
  salt: string;
  scope: CrawlScope;
  /** The API user's zone, for JQL/CQL date literals. */
  timeZone: string;
  /**
   * Runs container crawls, shared by both products so they fill the transport's concurrency together (each
   * container has at most one request in flight and one page ahead); HTTP concurrency itself is the transport's.
   */
  containerLimit: LimitFunction;
  logger: Logger;
  progress?: ProgressSink;
  signal: AbortSignal;
  coverage(product: Product, containerKey: string): CoverageCounter;
  /** Stored containers the listings no longer show, retired by this run (unlisted.ts). */
  unlisted: UnlistedContainer[];
  /** Places listed (or kept, when archived) that the run's options leave out: recorded as such at the end. */
  leftOut: Array<{ product: Product; key: string }>;
}

/** What processPage needs to record one container's items in this crawl. */
export function pageContext(ctx: CrawlContext, product: Product, containerKey: string): PageContext {
  return {
    ...ctx,
    product,
    containerKey,
    runId: ctx.run.runId,
    coverage: ctx.coverage(product, containerKey),
  };
}

/** The same context with a coverage counter of its own: metadata items are not listed content. */
export function uncounted(context: PageContext): PageContext {
  return { ...context, coverage: new CoverageCounter() };
}

/**
 * The container's own texts (name, description and, for Jira, the workflow status names seen), as one item of
 * kind project or space: Atlassian collects them too.
 */
export function containerMetadata(container: Container, extra: Record<string, string> = {}): SourceItem {
  const id = `${container.product === 'jira' ? 'project' : 'space'}:${container.id}`;
  const texts: Record<string, string> = {
    name: container.name,
    description: container.description ?? '',
    ...extra,
  };
  const docs = Object.entries(texts)
    .filter(([, text]) => text.trim() !== '')
    .map(([field, text]) => ({ itemId: id, field, url: container.url, text }));
  const kind = container.product === 'jira' ? 'project' : 'space';
  const item = {
    product: container.product,
    containerKey: container.key,
    kind,
    id,
    // Not the name, which may hold a value found here (stored titles are masked for `title` findings only).
    title: `${kind === 'project' ? 'Project' : 'Space'} ${container.key}`,
    url: container.url,
  } as const;
  return { item, docs, truncated: 0 };
}

/** Items by the key of their project or space, in first-seen order. */
export function groupByContainer(items: readonly SourceItem[]): Map<string, SourceItem[]> {
  const groups = new Map<string, SourceItem[]>();
  for (const s of items) {
    const group = groups.get(s.item.containerKey);
    if (group) group.push(s);
    else groups.set(s.item.containerKey, [s]);
  }
  return groups;
}

/** Include and exclude lists; an explicit include list names exactly what to crawl. */
export function inScope(container: Container, scope: CrawlScope): boolean {
  const [include, exclude] =
    container.product === 'jira'
      ? [scope.projects, scope.excludeProjects]
      : [scope.spaces, scope.excludeSpaces];
  if (include.length > 0 && !include.includes(container.key)) return false;
  return !exclude.includes(container.key);
}
