// Everything one crawl of one site shares: sources, ports, run, options, logger, progress and cancellation.
import type { Logger } from 'pino';
import type { ConfluenceSource } from '../sources/confluence.ts';
import type { JiraSource } from '../sources/jira.ts';
import type { Container, Product } from '../types.ts';
import type { CoverageCounter } from './coverage.ts';
import type { CrawlSink, DocScanner, RunInfo } from './ports.ts';

export interface CrawlScope {
  projects: readonly string[];
  spaces: readonly string[];
  excludeProjects: readonly string[];
  excludeSpaces: readonly string[];
  archived: boolean;
}

export interface ProgressSink {
  total(product: Product, n: number | undefined): void;
  /** `throttled`: the site is making us wait right now. */
  advance(product: Product, n: number, throttled?: boolean): void;
}

export interface CrawlContext {
  jira?: JiraSource;
  confluence?: ConfluenceSource;
  scanner: DocScanner;
  sink: CrawlSink;
  run: RunInfo;
  /** The rule-set hash, mixed into content hashes. */
  salt: string;
  scope: CrawlScope;
  /** The API user's zone, for JQL/CQL date literals. */
  timeZone: string;
  /** Containers crawled at once; HTTP concurrency itself is the transport's. */
  containerConcurrency: number;
  logger: Logger;
  progress?: ProgressSink;
  signal: AbortSignal;
  coverage(product: Product, containerKey: string): CoverageCounter;
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
