// The latency section of `bench:crawl`: full scans with a fixed latency per request at each concurrency, against
// two lower bounds: the request-chain ideal (crawl-trace.ts) and that ideal or the crawler's own time measured
// without latency, whichever is larger (a crawl can overlap waiting and work, but not go below either).
// The floor and the latency crawls run on one fake-site process, alternately (floor, latency, floor, latency,
// switching its latency through the admin API), and each keeps the faster of its two: on a shared machine the
// load drifts, and a floor measured minutes earlier, or a latency crawl that alone pays the site's warm-up, says
// more about the machine than about the crawler.
import { pct, table, verdict } from './bench-format.ts';
import { crawlOnce, type CrawlRun } from './crawl-run.ts';
import { startSiteProcess, type SiteAddress, type SiteSize } from './crawl-site-process.ts';
import { idealTime, meanInFlight, recordRequests, type TracedRequest } from './crawl-trace.ts';

const HEADER = [
  'C',
  'requests',
  'items',
  'req/item',
  'items/s',
  'serial + discovery (depth) + chained in N (longest)',
  'ideal par.',
  'in flight',
  'CPU s',
  'ideal s',
  'floor s',
  'bound s',
  'wall s',
  'ideal/wall',
  'bound/wall (>=90%)',
];

const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function setLatency(site: SiteAddress, latencyMs: number): Promise<void> {
  const faults = latencyMs > 0 ? { rules: [{ latencyMs }] } : {};
  const response = await fetch(`${site.url}/__admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`fake site refused the latency setting (HTTP ${response.status})`);
}

interface Measured {
  floorMs: number;
  run: CrawlRun;
  trace: TracedRequest[];
}

/** Floor and latency crawls, alternately, twice; the faster of each. */
async function measure(site: SiteAddress, concurrency: number, latencyMs: number): Promise<Measured> {
  let best: Measured | undefined;
  for (let round = 0; round < 2; round++) {
    await setLatency(site, 0);
    const floor = await crawlOnce(site, concurrency, 'real');
    await setLatency(site, latencyMs);
    const trace: TracedRequest[] = [];
    const stopRecording = recordRequests(trace);
    const run = await crawlOnce(site, concurrency, 'real').finally(stopRecording);
    const floorMs = Math.min(best?.floorMs ?? Infinity, floor.wallMs);
    best = !best || run.wallMs < best.run.wallMs ? { floorMs, run, trace } : { ...best, floorMs };
  }
  return best!;
}

/** Prints one row per concurrency; returns the requests per item of the last crawl. */
export async function latencySection(size: SiteSize, concurrencies: readonly number[]): Promise<number> {
  const site = await startSiteProcess({ ...size, latencyMs: 0 });
  const rows: string[][] = [];
  let perItem = NaN;
  try {
    for (const concurrency of concurrencies) {
      const { floorMs, run, trace } = await measure(site, concurrency, size.latencyMs);
      const ideal = idealTime(trace, concurrency, size.latencyMs);
      const bound = Math.max(ideal.idealMs, floorMs);
      perItem = run.result.requests.requests / run.items;
      rows.push([
        String(concurrency),
        String(run.result.requests.requests),
        String(run.items),
        perItem.toFixed(4),
        (run.items / (run.wallMs / 1000)).toFixed(0),
        `${ideal.serial} + ${ideal.discovery} (${ideal.discoveryDepth}) + ${ideal.chained} in ${ideal.chains} (${ideal.longestChain})`,
        ideal.parallelism.toFixed(2),
        meanInFlight(trace, run.wallMs).toFixed(2),
        run.cpuSeconds.toFixed(2),
        seconds(ideal.idealMs),
        seconds(floorMs),
        seconds(bound),
        seconds(run.wallMs),
        pct(ideal.idealMs, run.wallMs),
        // The target is for the configured concurrency (the first one given, 8 by default); others are shown.
        `${pct(bound, run.wallMs)} ${concurrency === concurrencies[0] ? verdict(bound / run.wallMs >= 0.9) : '(info)'}`,
      ]);
    }
  } finally {
    await site.stop();
  }
  console.log(table(HEADER, rows));
  console.log(
    [
      '',
      `ideal s = ${size.latencyMs} ms x (serial + discovery depth + max(longest chain, ceil(chained / C))): the`,
      '  credential probe is serial; the discovery listings (projects, spaces, fields) need only the probe and',
      '  run side by side (depth = their longest chain); each cursor-paged content listing, and each issue whose',
      '  embedded comments were truncated, is a chain; chains run C at a time. "ideal par." = requests / ideal',
      '  rounds; "in flight" = mean measured.',
      'floor s = the same crawl at the same C without latency, on the same site process, alternating with the',
      '  latency crawls (faster of two each): the time the crawler and the fake site need for the work on this',
      '  machine, below which no concurrency can go. bound s = max(ideal s, floor s).',
      'CPU s = this process (crawler, detector workers, store); the fake site runs in another process.',
      `The >= 90% target is for the configured concurrency (C=${concurrencies[0]}). At C=1 each request's server`,
      '  time adds to its latency (nothing else is in flight to hide it), which neither the ideal nor the floor counts.',
    ].join('\n'),
  );
  return perItem;
}
