// `exposure scan`: configuration → store (locked) → rules and worker pool → crawl → scores → summary and exit
// code. The only place where the crawler, the detector and the store meet.
import { existsSync, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Config } from '../config.ts';
import { crawlSite, type CrawlResult } from '../crawl/crawl.ts';
import { visibilityLine } from '../crawl/visibility.ts';
import { unknownVisibilityLine } from '../crawl/place-visibility.ts';
import { gatewayOrigin } from '../sources/gateway.ts';
import { missingScopeLines } from '../sources/scopes.ts';
import type { DocScanner, RunInfo } from '../crawl/ports.ts';
import { fileFindings, loadFileRules } from '../detect/file-rules.ts';
import { loadRules, rulesetHash } from '../detect/load-rules.ts';
import { RULES_DIR } from '../paths.ts';
import { createPool } from '../detect/pool.ts';
import { loadOrCreateKey } from '../detect/redact.ts';
import { CredentialError, EXIT } from '../errors.ts';
import { createLogger } from '../log.ts';
import { createProgress } from '../report/progress.ts';
import { buildReportData } from '../report/report-data.ts';
import type { Store } from '../store/store.ts';
import { openStore } from '../store/store.ts';
import { SEVERITIES, type Severity } from '../types.ts';
import { contentLimits, contentLine } from './attachment-summary.ts';
import { fullReadsLine } from './full-reads.ts';
import { coverageLines, declaredGapNotes, hasUnexpectedGap, unlistedLines } from './scan-gaps.ts';
import { createStoreSink } from './scan-sink.ts';
import { placesTable } from './summary.ts';

export interface ScanIO {
  stdout: Writable;
  stderr: Writable;
  /** Progress bars only on an interactive terminal and without --quiet. */
  progress: boolean;
  /** Stderr is a terminal: log lines are written for a person, never as raw JSON. */
  terminal?: boolean;
  signal?: AbortSignal;
}

function credentials(config: Config) {
  if (!config.site)
    throw new CredentialError('no site: pass --site https://your-site.atlassian.net or set ATLASSIAN_SITE');
  if (!config.email) throw new CredentialError('no account email: pass --email or set ATLASSIAN_EMAIL');
  if (!config.apiToken) {
    throw new CredentialError(
      'no API token: set ATLASSIAN_API_TOKEN in the environment or in .env (never on the command line)',
    );
  }
  return { site: config.site, email: config.email, apiToken: config.apiToken };
}

/**
 * Resume an interrupted run of this site, or start one. Auto mode is incremental once any place has a baseline:
 * the crawl then reads in full only the places that need it (crawl/baselines.ts).
 */
export function startRun(
  store: Store,
  site: string,
  config: Config,
  hash: string,
): RunInfo & { siteId: number } {
  const last = store.runs.last(50).find((r) => r.siteUrl === site);
  const { mode: asked, reconcileDays } = config.scan;
  const fullAfterDays = asked === 'auto' ? { fullAfterDays: reconcileDays } : {};
  if (last && (last.status === 'running' || last.status === 'interrupted') && last.rulesetHash === hash) {
    store.runs.reopen(last.id);
    return { runId: last.id, siteId: last.siteId, mode: last.mode, resumed: true, ...fullAfterDays };
  }
  const baselines = last !== undefined && store.baselines.any(last.siteId);
  const mode = asked === 'full' || (asked === 'auto' && !baselines) ? 'full' : 'incremental';
  const options = { ...config.scan, products: [...config.scan.products] };
  const { runId, siteId } = store.runs.begin({ site, mode, options, rulesetHash: hash });
  return { runId, siteId, mode, resumed: false, ...fullAfterDays };
}

function worstOpen(store: Store, runId: number): Severity | undefined {
  const site = store.scores.forRun(runId).find((r) => r.container === null);
  if (!site) return undefined;
  return [...SEVERITIES]
    .reverse()
    .find((s) => Object.values(site.counts).some((bySeverity) => bySeverity[s] > 0));
}

export async function runScan(config: Config, io: ScanIO): Promise<number> {
  const creds = credentials(config);
  const gateway = { origin: gatewayOrigin(creds.site, config.testGateway), force: config.scan.gateway };
  const progress = createProgress(io.progress);
  const logger = createLogger({
    level: config.log.level,
    file: config.log.file,
    stderr: { write: (line) => progress.log(line) },
    human: io.terminal ?? io.progress,
  });
  const key = loadOrCreateKey(config.keyFile);
  const rules = loadRules();
  const fileRules = loadFileRules(RULES_DIR);
  const hash = rulesetHash(rules, fileRules);
  // A first scan refused for its credentials must not leave an empty database behind.
  const fresh = !existsSync(config.db);
  let discard = false;
  const store = openStore(config.db, { scanLock: true });
  const pool = createPool({ key, rules, workers: config.scan.workers || undefined });
  const controller = new AbortController();
  const stop = () => controller.abort();
  io.signal?.addEventListener('abort', stop);
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    const run = startRun(store, creds.site, config, hash);
    logger.info({ runId: run.runId, mode: run.mode, resumed: run.resumed }, 'scan started');
    const scanner: DocScanner = {
      // Attachment names also meet the file rules (by name and media type), on this thread: they are few and short.
      scanDocs: async (docs) => {
        const found = await pool.scanBatch(docs.map((d) => ({ id: d.itemId, text: d.text })));
        return found.map((findings, i) => [...findings, ...fileFindings(fileRules, docs[i]!, key)]);
      },
    };
    // Above the progress bars when they are drawn, plainly otherwise.
    const notice = (line: string) => (io.progress ? progress.log(`${line}\n`) : io.stderr.write(`${line}\n`));
    let result: CrawlResult;
    try {
      result = await crawlSite({
        ...creds,
        products: config.scan.products,
        scope: config.scan,
        concurrency: config.scan.concurrency,
        timeoutMs: config.scan.timeoutSeconds * 1000,
        maxBodyBytes: config.scan.maxBodyMb * 1024 * 1024,
        attachments: config.scan.attachments === 'content' ? contentLimits(config) : undefined,
        scanner,
        sink: createStoreSink(store, run.runId, run.siteId),
        run,
        rulesetHash: hash,
        logger,
        progress,
        signal: controller.signal,
        gateway,
        notice,
      });
    } catch (error) {
      store.runs.finish(run.runId, controller.signal.aborted ? 'interrupted' : 'failed');
      discard = fresh && error instanceof CredentialError;
      throw error;
    } finally {
      progress.stop();
    }
    const status = result.interrupted ? 'interrupted' : result.complete ? 'complete' : 'partial';
    store.runs.finish(run.runId, status);
    store.scores.compute(run.runId);
    const { plan, excluded } = config.contribution;
    io.stdout.write(placesTable(buildReportData(store, { plan, excluded, runId: run.runId })));
    const declared = config.scan.expectForbidden;
    const gaps = coverageLines(result, declared);
    io.stderr.write(
      `run ${run.runId} (${run.mode}${run.resumed ? ', resumed' : ''}) ${status}: ` +
        `${result.requests.requests} requests, ${result.requests.throttled} throttled\n`,
    );
    if (result.attachments) io.stderr.write(`${contentLine(result.attachments)}\n`);
    const visible = visibilityLine(result.visibility);
    if (visible) io.stderr.write(`${visible}\n`);
    const unknown = unknownVisibilityLine(result.permissions);
    if (unknown) io.stderr.write(`${unknown}\n`);
    for (const line of missingScopeLines(result.missingScopes)) io.stderr.write(`${line}\n`);
    const reads = fullReadsLine(result.coverage);
    if (reads) io.stderr.write(`${reads}\n`);
    if (gaps.length > 0) io.stderr.write(`coverage incomplete:\n${gaps.join('\n')}\n`);
    for (const line of [...declaredGapNotes(result, declared), ...unlistedLines(result)])
      io.stderr.write(`${line}\n`);
    logger.info({ runId: run.runId, status, requests: result.requests.requests }, 'scan finished');
    const worst = worstOpen(store, run.runId);
    if (
      config.scan.failOn !== 'none' &&
      worst &&
      SEVERITIES.indexOf(worst) >= SEVERITIES.indexOf(config.scan.failOn)
    ) {
      return EXIT.findings;
    }
    const incomplete = hasUnexpectedGap(result, declared) && !config.scan.allowPartial;
    if (result.interrupted || incomplete) return EXIT.incomplete;
    return EXIT.ok;
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    await pool.close();
    store.close();
    if (discard) for (const suffix of ['', '-wal', '-shm']) rmSync(config.db + suffix, { force: true });
  }
}
