// One crawl of one site: install the transport, probe the credentials (site URL or API gateway), list containers
// in scope, crawl each product (full or incremental; both at once), and account for coverage. The command owns
// the run record around it.
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { ConfluenceSource } from '../sources/confluence.ts';
import type { JiraSource } from '../sources/jira.ts';
import { safeTimeZone } from '../sources/query-time.ts';
import { SiteTransport, type TransportOptions, type TransportStats } from '../sources/transport.ts';
import type { Product } from '../types.ts';
import type { SiteCredentials } from './clients.ts';
import { connect, type GatewayChoice } from './connect.ts';
import { splitReads, type PlaceRead } from './baselines.ts';
import { crawlConfluenceFull, historyScannedBefore } from './confluence-crawl.ts';
import { crawlConfluenceIncremental } from './confluence-incremental.ts';
import { inScope, type CrawlContext, type CrawlScope, type ProgressSink } from './context.ts';
import { containersToCrawl } from './listed-places.ts';
import { CoverageCounter } from './coverage.ts';
import { describe, skipReason } from './errors.ts';
import { productVisibility, type Visibility } from './visibility.ts';
import { recordPlaceVisibility, type PermissionTally, type PlaceAccessRead } from './place-visibility.ts';
import type { UnlistedContainer } from './unlisted.ts';
import { settled, unwrap } from './fetch-ahead.ts';
import { configDue, crawlJiraConfig } from './jira-config.ts';
import { AttachmentContent, type ContentLimits, type ContentTally } from './attachment-content.ts';
import { crawlJiraFull, SITE_KEY } from './jira-crawl.ts';
import { crawlJiraIncremental } from './jira-incremental.ts';
import type { Coverage, CrawlSink, DocScanner, RunInfo } from './ports.ts';

export interface CrawlOptions extends SiteCredentials {
  products: readonly Product[];
  scope: CrawlScope;
  concurrency: number;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Attachment contents are read within these limits (--attachments content); names and comments always are. */
  attachments?: ContentLimits;
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
  /** Where a scoped token goes when the site refuses it; none: the site URL only. */
  gateway?: GatewayChoice;
  /** One line for the user (stderr): the switch to the API gateway. */
  notice?: (line: string) => void;
}

export interface PlaceCoverage {
  product: Product;
  containerKey: string;
  coverage: Coverage;
  complete: boolean;
  /** How the run read the place (site-wide listings and the site configuration have none). */
  read?: PlaceRead;
}

export interface CrawlResult {
  coverage: PlaceCoverage[];
  /** Stored projects and spaces the site no longer lists: their items were retired. */
  unlisted: UnlistedContainer[];
  /** How many projects and spaces the token was shown, and whether it administers each product. */
  visibility: Visibility;
  /** Permission reads per product (one per place read) and the places whose visibility stays unknown. */
  permissions: Partial<Record<Product, PermissionTally>>;
  complete: boolean;
  interrupted: boolean;
  requests: TransportStats;
  /** Endpoints (`METHOD /api/path`) that answered the scope mismatch: the token lacks a scope they need. */
  missingScopes: string[];
  /** Attachment contents read and not read, when asked for. */
  attachments?: ContentTally;
}

/**
 * Projects, and the site configuration container (custom field and workflow names) beside them: it is listed like
 * a project, so scope flags name it by its key. The field catalogue travels beside the project listing (settled:
 * the listing may fail first) when the run needs it: full runs, and incremental ones that read the site texts.
 */
async function crawlJira(
  context: CrawlContext,
  jira: JiraSource,
  visibility: Visibility,
  access: PlaceAccessRead,
): Promise<void> {
  const { scope, run } = context;
  const config = jira.config.container();
  const readConfig = inScope(config, scope) && configDue(context);
  const catalogue = run.mode === 'full' || readConfig ? settled(jira.config.fieldCatalogue()) : undefined;
  const admin = settled(jira.isAdmin());
  const projects = await jira.projects(scope.archived);
  visibility.jira = await productVisibility(projects.length, admin);
  const listed = [...projects, config];
  const crawled = await containersToCrawl(context, 'jira', listed);
  const inScopeProjects = crawled.filter((c) => c !== config);
  const fields = catalogue?.then(unwrap);
  const permissions = recordPlaceVisibility(context, 'jira', inScopeProjects, (p) =>
    access.read.project(p.key),
  );
  const reads = splitReads(context, 'jira', inScopeProjects);
  const crawls = [
    reads.since === undefined
      ? crawlJiraFull(context, jira, inScopeProjects, fields)
      : crawlJiraIncremental(context, jira, { ...reads, since: reads.since }, fields),
  ];
  if (crawled.includes(config))
    crawls.push(crawlJiraConfig(context, jira.config, readConfig ? fields : undefined));
  const failure = (await Promise.allSettled(crawls)).find((r) => r.status === 'rejected');
  access.tally.jira = await permissions;
  if (failure) throw failure.reason;
}

async function crawlConfluence(
  context: CrawlContext,
  confluence: ConfluenceSource,
  visibility: Visibility,
  access: PlaceAccessRead,
): Promise<void> {
  const { scope } = context;
  const admin = settled(confluence.isAdmin());
  const listed = await confluence.spaces(scope.archived);
  visibility.confluence = await productVisibility(listed.length, admin);
  const spaces = await containersToCrawl(context, 'confluence', listed);
  const permissions = recordPlaceVisibility(context, 'confluence', spaces, (s) => access.read.space(s.id));
  // History asked for the first time: only a full crawl lists the unchanged pages whose versions are unread.
  const history = context.history && !historyScannedBefore(context) ? 'history' : undefined;
  const reads = splitReads(context, 'confluence', spaces, history);
  try {
    if (reads.since === undefined) await crawlConfluenceFull(context, confluence, spaces);
    else await crawlConfluenceIncremental(context, confluence, { ...reads, since: reads.since });
  } finally {
    access.tally.confluence = await permissions;
  }
}

/**
 * A listing the whole product depends on (projects, spaces, field catalogue, the site-wide comment listings, the
 * incremental search) still failing after retries: that product's site-wide coverage records the gap, and the other
 * product's crawl goes on. A login failure still stops the run.
 */
async function gapOnFailure(context: CrawlContext, product: Product, crawl: Promise<void>): Promise<void> {
  try {
    await crawl;
  } catch (error) {
    const reason = skipReason(error);
    if (!reason || context.signal.aborted) throw error;
    context.coverage(product, SITE_KEY).skip(reason);
    context.logger.warn({ product, error: describe(error) }, 'site-wide listing not fully readable');
  }
}

export async function crawlSite(options: CrawlOptions): Promise<CrawlResult> {
  const { logger, sink } = options;
  const signal = options.signal ?? new AbortController().signal;
  const gateway = options.gateway ?? { origin: undefined, force: false };
  const transport = new SiteTransport({
    ...options.retry,
    site: options.site,
    gateway: gateway.origin,
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    logger,
  });
  const uninstall = transport.install();
  const unlisted: UnlistedContainer[] = [];
  const leftOut: CrawlContext['leftOut'] = [];
  const visibility: Visibility = {};
  let content: AttachmentContent | undefined;
  const permissions: CrawlResult['permissions'] = {};
  const counters = new Map<string, { product: Product; key: string; counter: CoverageCounter }>();
  const coverage = (product: Product, key: string) => {
    const id = `${product}:${key}`;
    if (!counters.has(id)) counters.set(id, { product, key, counter: new CoverageCounter() });
    return counters.get(id)!.counter;
  };
  try {
    const { sources, timeZone } = await connect({
      credentials: options,
      products: options.products,
      gateway,
      fetch: transport.fetch,
      download: transport.download.bind(transport),
      maxChars: Math.floor(options.maxBodyBytes / 2),
      logger,
      notice: options.notice ?? (() => undefined),
    });
    const wantJira = options.products.includes('jira');
    const wantConfluence = options.products.includes('confluence');
    // A fatal error in one product (a dead token) stops the other at its next page.
    const stop = new AbortController();
    if (options.attachments && sources.attachments)
      content = new AttachmentContent(sources.attachments, options.attachments, logger);
    const context: CrawlContext = {
      content,
      scanner: options.scanner,
      sink,
      run: options.run,
      salt: options.rulesetHash,
      scope: options.scope,
      history: options.scope.includeHistory ? sources.history : undefined,
      timeZone: safeTimeZone(timeZone),
      containerLimit: pLimit(Math.max(1, options.concurrency)),
      logger,
      progress: options.progress && {
        total: (product, n) => options.progress?.total(product, n),
        advance: (product, n) => options.progress?.advance(product, n, transport.stats.throttledNow),
      },
      signal: AbortSignal.any([signal, stop.signal]),
      coverage,
      unlisted,
      leftOut,
    };
    const crawls: Array<Promise<void>> = [];
    const access = { read: sources.permissions, tally: permissions };
    if (wantJira) {
      const crawl = crawlJira(context, sources.jira, visibility, access);
      crawls.push(gapOnFailure(context, 'jira', crawl));
    }
    if (wantConfluence) {
      const crawl = crawlConfluence(context, sources.confluence, visibility, access);
      crawls.push(gapOnFailure(context, 'confluence', crawl));
    }
    const stopOthers = (error: unknown) => {
      stop.abort();
      throw error;
    };
    const failure = (await Promise.allSettled(crawls.map((c) => c.catch(stopOthers)))).find(
      (r) => r.status === 'rejected',
    );
    if (failure) throw failure.reason;
  } finally {
    uninstall();
  }
  const report = [...counters.values()].map(({ product, key, counter }): PlaceCoverage => {
    // A place whose crawl did not reach its end: Ctrl-C, or a site-wide listing failing, stopped it first.
    if (key !== SITE_KEY && !counter.finished) counter.skip(signal.aborted ? 'interrupted' : 'unfinished');
    sink.coverage(product, key, counter.value);
    // Refused: the next run probes it apart and reads it in full once it is readable (see baselines.ts).
    if (key !== SITE_KEY && counter.value.skipped.forbidden)
      sink.recordBaseline(product, key, { forbidden: true });
    const read = key === SITE_KEY ? undefined : sink.readPlan(product, key);
    return {
      product,
      containerKey: key,
      coverage: counter.value,
      complete: counter.complete,
      ...(read ? { read } : {}),
    };
  });
  for (const place of leftOut) sink.leftOut(place.product, place.key);
  return {
    coverage: report,
    unlisted,
    visibility,
    permissions,
    complete: !signal.aborted && report.every((r) => r.complete),
    interrupted: signal.aborted,
    requests: { ...transport.stats },
    missingScopes: [...transport.missingScopes],
    attachments: content && { ...content.tally, notRead: { ...content.tally.notRead } },
  };
}
