// Crawl economy and speed against the fake site: requests per item of a full scan against a naive peer measured
// in the same run, wall time with per-request latency against the ideal for the concurrency (see
// crawl-trace.ts), and peak memory for two site sizes, each crawl in a fresh process so one does not inherit the
// other: with the real detector and SQLite store, with the detector alone, and with neither, so the detector's and
// the store's shares show apart. Every figure is the median (range) of --runs / --memory-runs runs.
// Run: npm run bench:crawl -- [--issues 2000] [--pages 400] [--latency 50] [--concurrency 8,1] [--runs 3]
//        [--naive-sample N] [--memory 10000,100000] [--memory-backends count,detector,real]
//        [--memory-runs 3] [--no-memory] [--no-latency]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median, showSpread, table, verdict } from './bench-format.ts';
import { extrapolatedRequests, naiveCrawl, type NaiveDetail } from './crawl-naive.ts';
import { latencySection } from './crawl-latency.ts';
import { BACKENDS, crawlOnce, type Backend } from './crawl-run.ts';
import { startSiteProcess, type SiteSize } from './crawl-site-process.ts';

const { values: flags } = parseArgs({
  options: {
    issues: { type: 'string', default: '2000' },
    pages: { type: 'string', default: '400' },
    latency: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '8,1' },
    runs: { type: 'string', default: '3' },
    'naive-sample': { type: 'string' },
    memory: { type: 'string', default: '10000,100000' },
    'memory-backends': { type: 'string', default: BACKENDS.join(',') },
    'memory-runs': { type: 'string', default: '3' },
    'no-memory': { type: 'boolean', default: false },
    'no-latency': { type: 'boolean', default: false },
    'memory-child': { type: 'string' },
    'memory-backend': { type: 'string', default: 'real' },
  },
});

const count = (text: string, name: string): number => {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`--${name} must be a non-negative integer`);
  return n;
};
const list = (text: string, name: string): number[] => text.split(',').map((t) => count(t.trim(), name));
const backendOf = (name: string): Backend => {
  const found = BACKENDS.find((b) => b === name);
  if (!found) throw new RangeError(`backends are ${BACKENDS.join(', ')}`);
  return found;
};
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Child mode: one crawl of a site of `issues` issues and `--pages` pages, printed as one JSON line. */
async function memoryChild(issues: number): Promise<void> {
  const site = await startSiteProcess({ issues, pages: count(flags.pages, 'pages'), latencyMs: 0 });
  try {
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage();
    const run = await crawlOnce(site, 8, backendOf(flags['memory-backend']), true);
    const figures = {
      issues,
      items: run.items,
      requests: run.result.requests.requests,
      seconds: run.wallMs / 1000,
      baselineRssMb: baseline.rss / 1e6,
      baselineHeapMb: baseline.heapUsed / 1e6,
      peakRssMb: run.peakRssMb,
      peakHeapMb: run.peakHeapMb,
      peakLiveHeapMb: run.peakLiveHeapMb,
      databaseMb: run.databaseMb,
    };
    console.log(JSON.stringify(figures));
  } finally {
    await site.stop();
  }
}

/** Our crawl and the naive peer on the same site without latency. */
async function withoutLatency(size: SiteSize, concurrency: number, sample: number): Promise<void> {
  const site = await startSiteProcess({ ...size, latencyMs: 0 });
  try {
    // Twice, keeping the faster: the first crawl also pays JIT warm-up and the fake site's first-use caches.
    const first = await crawlOnce(site, concurrency, 'real');
    const second = await crawlOnce(site, concurrency, 'real');
    const ours = second.wallMs < first.wallMs ? second : first;
    const started = performance.now();
    const naive = await naiveCrawl(site, concurrency, sample);
    const naiveSeconds = (performance.now() - started) / 1000;
    const items = naive.jira.listed + naive.confluence.listed;
    const sampled =
      naive.jira.fetched < naive.jira.listed || naive.confluence.fetched < naive.confluence.listed;
    const total = extrapolatedRequests(naive);
    const oursPerItem = ours.result.requests.requests / ours.items;
    const rate = (d: NaiveDetail) => (d.requests / Math.max(1, d.fetched)).toFixed(2);
    console.log(`\n## Requests: exposure against a naive peer, same site, no latency, C=${concurrency}`);
    console.log(
      `exposure: ${fmt(ours.result.requests.requests)} requests for ${fmt(ours.items)} items = ` +
        `${oursPerItem.toFixed(4)} per item (target <= 0.1: ${verdict(oursPerItem <= 0.1)}), ` +
        `${seconds(ours.wallMs)} s, ${fmt(ours.items / (ours.wallMs / 1000))} items/s`,
    );
    console.log(
      `naive (per-item GET of each issue, page and blog post, their comments per item; replies not even ` +
        `fetched): ${
          sampled
            ? `sampled ${fmt(naive.jira.fetched)} issues + ${fmt(naive.confluence.fetched)} pages/blog posts ` +
              `(${fmt(naive.requests)} requests), EXTRAPOLATED to all ${fmt(items)} items`
            : `ran over all ${fmt(items)} items in ${naiveSeconds.toFixed(1)} s`
        }: ${fmt(total)} requests = ${(total / items).toFixed(2)} per item (issue ${rate(naive.jira)}, ` +
        `page ${rate(naive.confluence)}; ${naive.failed} answered with an error)`,
    );
    console.log(`naive / exposure requests: ${(total / ours.result.requests.requests).toFixed(1)}x`);
    const reads = ours.result.permissions;
    console.log(
      `of which permission reads (one per place, for its visibility): Jira ${reads.jira?.read ?? 0}, ` +
        `Confluence ${reads.confluence?.read ?? 0}`,
    );
    await contentRun(site, concurrency);
    console.log(
      `at ${size.latencyMs} ms per request and C=${concurrency} the naive peer waits at least ` +
        `${((total * size.latencyMs) / concurrency / 1000).toFixed(1)} s (estimate: requests x latency / C)`,
    );
  } finally {
    await site.stop();
  }
}

const CONTENT_LIMITS = { maxFileBytes: 5 * 1024 * 1024, budgetBytes: 500 * 1024 * 1024 };

/** The same full scan with --attachments content's defaults: its requests, and what the content budget read. */
async function contentRun(site: Parameters<typeof crawlOnce>[0], concurrency: number): Promise<void> {
  const run = await crawlOnce(site, concurrency, 'real', false, CONTENT_LIMITS);
  const tally = run.result.attachments;
  if (!tally) return;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const notRead = Object.entries(tally.notRead).map(([reason, n]) => `${n} ${reason}`);
  console.log(
    `with --attachments content (5 MB cap, ${mb(tally.budgetBytes)} MB budget): ` +
      `${fmt(run.result.requests.requests)} requests = ${(run.result.requests.requests / run.items).toFixed(4)} per item ` +
      `(downloads are two requests each: the site's redirect and the media host); content budget used: ` +
      `${mb(tally.bytes)} of ${mb(tally.budgetBytes)} MB by ${fmt(tally.read)} files; not scanned: ${notRead.join(', ') || 'none'}`,
  );
}

type MemoryFigures = Record<string, number>;

/** One crawl of `issues` issues with `backend`, in a fresh process; its figures. */
function memoryRun(issues: number, backend: Backend): MemoryFigures {
  const script = fileURLToPath(import.meta.url);
  const args = ['--memory-child', String(issues), '--memory-backend', backend, '--pages', flags.pages];
  const out = execFileSync(process.execPath, ['--expose-gc', script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as MemoryFigures;
}

function memory(sizes: number[], backends: readonly Backend[], runs: number): void {
  console.log(
    `\n## Peak memory of a full scan of a generated site (C=8, no latency, ${flags.pages} pages), median (range) of ${runs} runs`,
  );
  const measured = new Map<string, MemoryFigures[]>();
  // Backends and sizes take turns within each round, so a change of load weighs on all alike.
  for (let r = 0; r < runs; r++) {
    for (const issues of sizes) {
      for (const backend of backends) {
        const key = `${issues}/${backend}`;
        measured.set(key, [...(measured.get(key) ?? []), memoryRun(issues, backend)]);
      }
    }
  }
  const of = (issues: number, backend: Backend, field: string) =>
    (measured.get(`${issues}/${backend}`) ?? []).map((f) => f[field] ?? NaN);
  const rows = sizes.flatMap((issues) =>
    backends.map((backend) => [
      fmt(issues),
      backend,
      fmt(median(of(issues, backend, 'items'))),
      showSpread(of(issues, backend, 'seconds'), 1),
      showSpread(of(issues, backend, 'peakRssMb'), 0),
      showSpread(of(issues, backend, 'peakLiveHeapMb'), 0),
      backend === 'real' ? showSpread(of(issues, backend, 'databaseMb'), 0) : '-',
    ]),
  );
  console.log(
    table(['issues', 'backend', 'items', 'scan s', 'peak RSS MB', 'peak live heap MB', 'database MB'], rows),
  );
  console.log(
    'count: a scanner that finds nothing and a sink that keeps counts (the crawler alone); detector: the real\n' +
      'rules in the worker pool (2 workers, their memory is in RSS), counting sink; real: detector and SQLite store,\n' +
      'as `exposure scan` wires them. Live heap: the main thread after a full GC every 2 s (workers not included).',
  );
  if (backends.includes('detector') && backends.includes('real')) {
    for (const issues of sizes) {
      const storeRss = of(issues, 'real', 'peakRssMb').map(
        (v, i) => v - of(issues, 'detector', 'peakRssMb')[i]!,
      );
      const storeHeap = of(issues, 'real', 'peakLiveHeapMb').map(
        (v, i) => v - of(issues, 'detector', 'peakLiveHeapMb')[i]!,
      );
      console.log(
        `the store's share at ${fmt(issues)} issues (real minus detector, run by run): RSS ${showSpread(storeRss, 0, ' MB')}, live heap ${showSpread(storeHeap, 0, ' MB')}`,
      );
    }
  }
}

async function main(): Promise<void> {
  if (flags['memory-child'] !== undefined) return memoryChild(count(flags['memory-child'], 'memory-child'));
  const concurrencies = list(flags.concurrency, 'concurrency');
  const latencyMs = count(flags.latency, 'latency');
  console.log(`# bench:crawl  load average at start: ${load()}`);
  const size = { issues: count(flags.issues, 'issues'), pages: count(flags.pages, 'pages'), latencyMs };
  console.log(
    `site: ${fmt(size.issues)} issues, ${fmt(size.pages)} pages; real detector pool and SQLite store`,
  );
  const sample =
    flags['naive-sample'] === undefined ? Infinity : count(flags['naive-sample'], 'naive-sample');
  if (!flags['no-latency']) {
    await withoutLatency(size, concurrencies[0] ?? 8, sample);
    const runs = count(flags.runs, 'runs');
    console.log(
      `\n## Full scans with ${latencyMs} ms latency per request (fake site in its own process), ${runs} rounds`,
    );
    await latencySection(size, concurrencies, runs);
  }
  if (!flags['no-memory']) {
    const backends = flags['memory-backends'].split(',').map((b) => backendOf(b.trim()));
    memory(list(flags.memory, 'memory'), backends, count(flags['memory-runs'], 'memory-runs'));
  }
  console.log(`\nload average at end: ${load()}`);
}

await main();
