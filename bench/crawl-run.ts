// One timed crawl of a fake site for `bench:crawl`: the real crawler with the real detector pool and SQLite
// store (what `exposure scan` wires), the detector with a sink that keeps only counts, or neither (a scanner that
// finds nothing): the differences between the three set the detector's and the store's memory apart.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStoreSink } from '../src/commands/scan-sink.ts';
import type { ContentLimits } from '../src/crawl/attachment-content.ts';
import { crawlSite, type CrawlResult } from '../src/crawl/crawl.ts';
import type { CrawlSink, DocScanner } from '../src/crawl/ports.ts';
import { loadRules } from '../src/detect/load-rules.ts';
import { createPool } from '../src/detect/pool.ts';
import { silentLogger } from '../src/log.ts';
import { openStore } from '../src/store/store.ts';
import type { SiteAddress } from './crawl-site-process.ts';

export type Backend = 'real' | 'detector' | 'count';
export const BACKENDS: readonly Backend[] = ['count', 'detector', 'real'];

export interface CrawlRun {
  result: CrawlResult;
  items: number;
  wallMs: number;
  /** CPU seconds of this process, detector workers included. */
  cpuSeconds: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** 0 unless asked for (see sampleMemory). */
  peakLiveHeapMb: number;
  /** The SQLite database and its WAL after the crawl (real backend only; 0 otherwise). */
  databaseMb: number;
}

/** Records nothing but the number of batches; `known` is empty, so every item counts as new. */
const countingSink = (): CrawlSink => ({
  upsertContainers: () => undefined,
  known: () => new Map(),
  record: () => undefined,
  checkpoint: () => undefined,
  coverage: () => undefined,
  leftOut: () => undefined,
  placeVisibility: () => new Map(),
  recordVisibility: () => undefined,
  fieldNames: () => undefined,
  reconcile: () => 0,
  storedContainers: () => [],
  retire: () => 0,
  liveIds: () => [],
  scannedAttachments: () => new Map(),
  openFields: () => [],
  remove: () => 0,
  baseline: () => undefined,
  recordBaseline: () => undefined,
  readPlan: () => undefined,
  recordReadPlan: () => undefined,
});

const noFindings: DocScanner = { scanDocs: async (docs) => docs.map(() => []) };

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Peak RSS and heap, sampled every 20 ms while the crawl runs. A heap peak includes garbage not yet collected;
 * with `liveHeap` (and --expose-gc) a full collection every 2 s also gives the peak of live heap.
 */
function sampleMemory(liveHeap: boolean): () => { rss: number; heap: number; live: number } {
  const peak = { rss: 0, heap: 0, live: 0 };
  let samples = 0;
  const sample = () => {
    if (liveHeap && gc && samples++ % 100 === 0) {
      gc();
      peak.live = Math.max(peak.live, process.memoryUsage().heapUsed);
    }
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heap = Math.max(peak.heap, heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  return () => {
    clearInterval(timer);
    sample();
    return { rss: peak.rss / 1e6, heap: peak.heap / 1e6, live: peak.live / 1e6 };
  };
}

/** What the crawl used: the store's database file, when there is one. */
type Use<T> = (scanner: DocScanner, sink: CrawlSink, runId: number, database?: string) => Promise<T>;

async function withBackend<T>(backend: Backend, site: string, use: Use<T>): Promise<T> {
  if (backend === 'count') return use(noFindings, countingSink(), 1);
  const pool = createPool({ key: randomBytes(32), rules: loadRules() });
  const scanner: DocScanner = {
    scanDocs: (docs) => pool.scanBatch(docs.map((d) => ({ id: d.itemId, text: d.text }))),
  };
  if (backend === 'detector') {
    try {
      return await use(scanner, countingSink(), 1);
    } finally {
      await pool.close();
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-crawl-'));
  const database = join(dir, 'bench.db');
  const store = openStore(database);
  try {
    const { runId, siteId } = store.runs.begin({ site, mode: 'full', options: {}, rulesetHash: 'bench' });
    return await use(scanner, createStoreSink(store, runId, siteId), runId, database);
  } finally {
    await pool.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fileMb = (file: string) => (statSync(file, { throwIfNoEntry: false })?.size ?? 0) / 1e6;

export async function crawlOnce(
  site: SiteAddress,
  concurrency: number,
  backend: Backend,
  liveHeap = false,
  attachments?: ContentLimits,
): Promise<CrawlRun> {
  return withBackend(backend, site.url, async (scanner, sink, runId, database) => {
    const stopSampling = sampleMemory(liveHeap);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = await crawlSite({
      site: site.url,
      email: site.email,
      apiToken: site.token,
      products: ['jira', 'confluence'],
      scope: { projects: [], spaces: [], excludeProjects: [], excludeSpaces: [], archived: true },
      concurrency,
      timeoutMs: 60_000,
      maxBodyBytes: 64 * 1024 * 1024,
      attachments,
      scanner,
      sink,
      run: { runId, mode: 'full', resumed: false },
      rulesetHash: 'bench',
      logger: silentLogger,
    });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const peak = stopSampling();
    const items = result.coverage.reduce((sum, c) => sum + c.coverage.listed, 0);
    return {
      result,
      items,
      wallMs,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb: peak.rss,
      peakHeapMb: peak.heap,
      peakLiveHeapMb: peak.live,
      databaseMb: database ? fileMb(database) + fileMb(`${database}-wal`) : 0,
    };
  });
}
