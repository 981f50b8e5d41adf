// One crawl of one site: install the transport, probe the credentials, list containers in scope, crawl each
// product (full or incremental), and account for coverage. The command owns the run record around it.
import type { Logger } from 'pino';
import { safeTimeZone } from '../sources/query-time.ts';
import { SiteTransport, type TransportOptions, type TransportStats } from '../sources/transport.ts';
import type { Container, Product } from '../types.ts';
import { createSources, probe, type SiteCredentials } from './clients.ts';
import { crawlConfluenceFull, crawlConfluenceIncremental } from './confluence-crawl.ts';
import { inScope, type CrawlContext, type CrawlScope, type ProgressSink } from './context.ts';
import { CoverageCounter } from './coverage.ts';
import { describe, skipReason } from './errors.ts';
import { crawlJiraFull, crawlJiraIncremental, SITE_KEY } from './jira-crawl.ts';
import type { Coverage, CrawlSink, DocScanner, RunInfo } from './ports.ts';

export interface CrawlOptions extends SiteCredentials {
  products: readonly Product[];
  scope: CrawlScope;
  concurrency: number;
  timeoutMs: number;
  maxBodyBytes: number;
  scanner: DocScanner;
  sink: CrawlSink;
  run: RunInfo;
  /** The rule-set hash: items scanned under other rules are scanned again. */
  rulesetHash: string;
  logger: Logger;
  progress?: ProgressSink;
  signal?: AbortSignal;
  /** Retry policy overrides (tests bound their time with these); the transport's defaults otherwise. */
  retry?: Partial<Pick<TransportOptions, 'maxRetries' | 'maxThrottleRetries' | 'backoff'>>;
}

export interface CrawlResult {
  coverage: Array<{ product: Product; containerKey: string; coverage: Coverage; complete: boolean }>;
  complete: boolean;
  interrupted: boolean;
  requests: TransportStats;
}

/** Containers named in the scope that the listing does not show: unreadable, and said so. */
function missingContainers(
  product: Product,
  named: readonly string[],
  listed: readonly Container[],
): Container[] {
  return named
    .filter((key) => !listed.some((c) => c.key === key))
    .map((key) => ({ product, id: key, key, name: key, url: '' }));
}

export async function crawlSite(options: CrawlOptions): Promise<CrawlResult> {
  const { logger, sink } = options;
  const signal = options.signal ?? new AbortController().signal;
  const transport = new SiteTransport({
    ...options.retry,
    site: options.site,
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    logger,
  });
  const uninstall = transport.install();
  const counters = new Map<string, { product: Product; key: string; counter: CoverageCounter }>();
  const coverage = (product: Product, key: string) => {
    const id = `${product}:${key}`;
    if (!counters.has(id)) counters.set(id, { product, key, counter: new CoverageCounter() });
    return counters.get(id)!.counter;
  };
  try {
    const sources = createSources(options, Math.floor(options.maxBodyBytes / 2), logger);
    const wantJira = options.products.includes('jira');
    const wantConfluence = options.products.includes('confluence');
    const me = wantJira ? await probe(options.site, options.email, () => sources.jira.whoami()) : undefined;
    // The Jira probe already proved the credentials and gave the zone; Confluence probes when scanned alone.
    const wiki =
      wantConfluence && !me
        ? await probe(options.site, options.email, () => sources.confluence.whoami())
        : undefined;
    const context: CrawlContext = {
      scanner: options.scanner,
      sink,
      run: options.run,
      salt: options.rulesetHash,
      scope: options.scope,
      timeZone: safeTimeZone(me?.timeZone ?? wiki?.timeZone),
      containerConcurrency: Math.max(1, Math.min(4, options.concurrency)),
      logger,
      progress: options.progress && {
        total: (product, n) => options.progress?.total(product, n),
        advance: (product, n) => options.progress?.advance(product, n, transport.stats.throttledNow),
      },
      signal,
      coverage,
    };
    if (wantJira) {
      const listed = await sources.jira.projects(options.scope.archived);
      const projects = listed.filter((c) => inScope(c, options.scope));
      const missing = missingContainers('jira', options.scope.projects, listed);
      sink.upsertContainers([...projects, ...missing]);
      for (const m of missing) coverage('jira', m.key).skip('forbidden');
      if (options.run.mode === 'incremental') await crawlJiraIncremental(context, sources.jira, projects);
      else await crawlJiraFull(context, sources.jira, projects);
    }
    if (wantConfluence) {
      const listed = await sources.confluence.spaces(options.scope.archived);
      const spaces = listed.filter((c) => inScope(c, options.scope));
      const missing = missingContainers('confluence', options.scope.spaces, listed);
      sink.upsertContainers([...spaces, ...missing]);
      for (const m of missing) coverage('confluence', m.key).skip('forbidden');
      try {
        if (options.run.mode === 'incremental')
          await crawlConfluenceIncremental(context, sources.confluence, spaces);
        else await crawlConfluenceFull(context, sources.confluence, spaces);
      } catch (error) {
        const reason = skipReason(error);
        if (!reason) throw error;
        coverage('confluence', SITE_KEY).skip(reason);
        logger.warn({ error: describe(error) }, 'Confluence comments not fully readable');
      }
    }
  } finally {
    uninstall();
  }
  const report = [...counters.values()].map(({ product, key, counter }) => {
    sink.coverage(product, key, counter.value);
    return { product, containerKey: key, coverage: counter.value, complete: counter.complete };
  });
  return {
    coverage: report,
    complete: !signal.aborted && report.every((r) => r.complete),
    interrupted: signal.aborted,
    requests: { ...transport.stats },
  };
}
