// Crawl economy and speed against the fake site: requests per item of a full scan against a naive peer measured
// in the same run, wall time with per-request latency against the ideal for the concurrency (see
// crawl-trace.ts), and peak memory for two site sizes, each in a fresh process so one does not inherit the other.
// Run: npm run bench:crawl -- [--issues 2000] [--pages 400] [--latency 50] [--concurrency 8,1]
//        [--naive-sample N] [--memory 10000,100000] [--memory-backend count|real] [--no-memory]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pct, table, verdict } from './bench-format.ts';
import { extrapolatedRequests, naiveCrawl } from './crawl-naive.ts';
import { crawlOnce, type Backend } from './crawl-run.ts';
import { startSiteProcess, type SiteSize } from './crawl-site-process.ts';
import { idealTime, meanInFlight, recordRequests, type TracedRequest } from './crawl-trace.ts';

const { values: flags } = parseArgs({
  options: {
    issues: { type: 'string', default: '2000' },
    pages: { type: 'string', default: '400' },
    latency: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '8,1' },
    'naive-sample': { type: 'string' },
    memory: { type: 'string', default: '10000,100000' },
    'memory-backend': { type: 'string', default: 'count' },
    'no-memory': { type: 'boolean', default: false },
    'memory-child': { type: 'string' },
  },
});

const count = (text: string, name: string): number => {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`--${name} must be a non-negative integer`);
  return n;
};
const list = (text: string, name: string): number[] => text.split(',').map((t) => count(t.trim(), name));
const backend = (flags['memory-backend'] === 'real' ? 'real' : 'count') satisfies Backend;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Child mode: one crawl of a site of `issues` issues (pages a fifth of that), printed as one JSON line. */
async function memoryChild(issues: number): Promise<void> {
  const site = await startSiteProcess({ issues, pages: Math.round(issues / 5), latencyMs: 0 });
  try {
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage();
    const run = await crawlOnce(site, 8, backend);
    const figures = {
      issues,
      items: run.items,
      requests: run.result.requests.requests,
      seconds: run.wallMs / 1000,
      baselineRssMb: baseline.rss / 1e6,
      baselineHeapMb: baseline.heapUsed / 1e6,
      peakRssMb: run.peakRssMb,
      peakHeapMb: run.peakHeapMb,
    };
    console.log(JSON.stringify(figures));
  } finally {
    await site.stop();
  }
}

async function economy(size: SiteSize, concurrencies: number[]): Promise<number> {
  const { latencyMs } = size;
  console.log(`\n## Full scan of a ${fmt(size.issues)}-issue, ${fmt(size.pages)}-page site`);
  console.log(
    `real detector pool and SQLite store; fake site in its own process, ${latencyMs} ms latency per request\n`,
  );
  const site = await startSiteProcess(size);
  const rows: string[][] = [];
  let perItem = 0;
  try {
    for (const concurrency of concurrencies) {
      const trace: TracedRequest[] = [];
      const stopRecording = recordRequests(trace);
      const run = await crawlOnce(site, concurrency, 'real').finally(stopRecording);
      const ideal = idealTime(trace, concurrency, latencyMs);
      perItem = run.result.requests.requests / run.items;
      rows.push([
        String(concurrency),
        fmt(run.result.requests.requests),
        fmt(run.items),
        perItem.toFixed(4),
        fmt(run.items / (run.wallMs / 1000)),
        `${ideal.serial}+${ideal.chained} in ${ideal.chains} (longest ${ideal.longestChain})`,
        ideal.parallelism.toFixed(2),
        meanInFlight(trace, run.wallMs).toFixed(2),
        (ideal.idealMs / 1000).toFixed(2),
        (run.wallMs / 1000).toFixed(2),
        `${pct(ideal.idealMs, run.wallMs)} ${verdict(ideal.idealMs / run.wallMs >= 0.9)}`,
        run.result.complete ? 'yes' : 'NO',
      ]);
    }
  } finally {
    await site.stop();
  }
  console.log(
    table(
      [
        'C',
        'requests',
        'items',
        'req/item',
        'items/s',
        'serial+chained in chains',
        'ideal par.',
        'in flight',
        'ideal s',
        'wall s',
        'ideal/wall (>=90%)',
        'complete',
      ],
      rows,
    ),
  );
  console.log(
    '\nideal s = latency x (serial + max(longest chain, ceil(chained / C))): discovery requests are serial, each ' +
      'cursor-paged listing is a chain, chains run C at a time. "in flight" = mean requests in flight measured.',
  );
  console.log(`requests per item ${perItem.toFixed(4)} (target <= 0.1): ${verdict(perItem <= 0.1)}`);
  return perItem;
}

/** The naive peer, and our crawl on the same site without latency: the crawler's own (CPU) time. */
async function naivePeer(size: SiteSize, concurrency: number, sample: number, oursPerItem: number) {
  const site = await startSiteProcess({ ...size, latencyMs: 0 });
  try {
    const ours = await crawlOnce(site, concurrency, 'real');
    console.log(
      `\nwithout latency (C=${concurrency}): ${(ours.wallMs / 1000).toFixed(2)} s, ` +
        `${fmt(ours.items / (ours.wallMs / 1000))} items/s: the crawler's own time (extraction, detection, store)`,
    );
    const started = performance.now();
    const naive = await naiveCrawl(site, concurrency, sample);
    const seconds = (performance.now() - started) / 1000;
    const items = naive.jira.listed + naive.confluence.listed;
    const sampled =
      naive.jira.fetched < naive.jira.listed || naive.confluence.fetched < naive.confluence.listed;
    const total = extrapolatedRequests(naive);
    console.log(`\n## Naive peer (per-item GETs, comments per item; replies not even fetched), same site`);
    console.log(
      `${sampled ? `sampled ${fmt(naive.jira.fetched)} issues + ${fmt(naive.confluence.fetched)} pages/blog posts, ` + `${fmt(naive.requests)} requests measured; EXTRAPOLATED to all ${fmt(items)} items` : `ran over all ${fmt(items)} items, no latency, C=${concurrency}, ${seconds.toFixed(1)} s`}: ` +
        `${fmt(total)} requests, ${(total / items).toFixed(2)} per item` +
        ` (issue ${(naive.jira.requests / Math.max(1, naive.jira.fetched)).toFixed(2)}, page ${(naive.confluence.requests / Math.max(1, naive.confluence.fetched)).toFixed(2)}; ${naive.failed} failed)`,
    );
    console.log(`naive / exposure requests per item: ${(total / items / oursPerItem).toFixed(1)}x`);
  } finally {
    await site.stop();
  }
}

function memory(sizes: number[]): void {
  console.log(`\n## Peak memory of a full scan (C=8, no latency, ${backend} backend; pages = issues / 5)`);
  const script = fileURLToPath(import.meta.url);
  const rows = sizes.map((issues) => {
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', script, '--memory-child', String(issues), '--memory-backend', backend],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
    const n = (key: string) => r[key] ?? NaN;
    return [
      fmt(n('issues')),
      fmt(n('items')),
      fmt(n('requests')),
      n('seconds').toFixed(1),
      fmt(n('items') / n('seconds')),
      `${fmt(n('baselineRssMb'))} -> ${fmt(n('peakRssMb'))}`,
      `${fmt(n('baselineHeapMb'))} -> ${fmt(n('peakHeapMb'))}`,
    ];
  });
  console.log(
    table(['issues', 'items', 'requests', 's', 'items/s', 'RSS MB (start -> peak)', 'heap MB'], rows),
  );
}

async function main(): Promise<void> {
  if (flags['memory-child'] !== undefined) return memoryChild(count(flags['memory-child'], 'memory-child'));
  const concurrencies = list(flags.concurrency, 'concurrency');
  const latencyMs = count(flags.latency, 'latency');
  console.log(`# bench:crawl  load average at start: ${load()}`);
  const size = { issues: count(flags.issues, 'issues'), pages: count(flags.pages, 'pages'), latencyMs };
  const perItem = await economy(size, concurrencies);
  const sample =
    flags['naive-sample'] === undefined ? Infinity : count(flags['naive-sample'], 'naive-sample');
  await naivePeer(size, concurrencies[0] ?? 8, sample, perItem);
  if (!flags['no-memory']) memory(list(flags.memory, 'memory'));
  console.log(`\nload average at end: ${load()}`);
}

await main();
