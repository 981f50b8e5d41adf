// The latency section of `bench:crawl`: full scans with a fixed latency per request at each concurrency, against
// two lower bounds: the request-chain ideal (crawl-trace.ts) and that ideal or the crawler's own time measured
// without latency, whichever is larger (a crawl can overlap waiting and work, but not go below either).
// The floor and the latency crawls run on one fake-site process, alternately (floor, latency, floor, latency,
// switching its latency through the admin API): on a shared machine the load drifts, and a floor measured minutes
// earlier says more about the machine than about the crawler. A warm-up crawl first pays the site's caches. Each
// round pairs its floor with its latency crawl; the figures are the median (range) over the rounds.
import { median, showSpread, table, verdict } from './bench-format.ts';
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
  'wall s',
  'ideal/wall %',
  'bound/wall % (median >=90%)',
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

interface Round {
  floorMs: number;
  run: CrawlRun;
  trace: TracedRequest[];
}

/** A warm-up crawl, then `rounds` rounds of a floor crawl and a latency crawl, alternately. */
async function measure(
  site: SiteAddress,
  concurrency: number,
  latencyMs: number,
  rounds: number,
): Promise<Round[]> {
  await setLatency(site, 0);
  await crawlOnce(site, concurrency, 'real');
  const measured: Round[] = [];
  for (let round = 0; round < rounds; round++) {
    await setLatency(site, 0);
    const floor = await crawlOnce(site, concurrency, 'real');
    await setLatency(site, latencyMs);
    const trace: TracedRequest[] = [];
    const stopRecording = recordRequests(trace);
    const run = await crawlOnce(site, concurrency, 'real').finally(stopRecording);
    measured.push({ floorMs: floor.wallMs, run, trace });
  }
  return measured;
}

/** Prints one row per concurrency; returns the requests per item of the last crawl. */
export async function latencySection(
  size: SiteSize,
  concurrencies: readonly number[],
  rounds: number,
): Promise<number> {
  const site = await startSiteProcess({ ...size, latencyMs: 0 });
  const rows: string[][] = [];
  let perItem = NaN;
  try {
    for (const concurrency of concurrencies) {
      const measured = await measure(site, concurrency, size.latencyMs, rounds);
      const ideals = measured.map((m) => idealTime(m.trace, concurrency, size.latencyMs));
      const each = (read: (m: Round, i: number) => number) => measured.map(read);
      const bounds = each((m, i) => Math.max(ideals[i]!.idealMs, m.floorMs));
      const boundShare = each((m, i) => (100 * bounds[i]!) / m.run.wallMs);
      const { run, trace } = measured.at(-1)!;
      const ideal = ideals.at(-1)!;
      perItem = run.result.requests.requests / run.items;
      rows.push([
        String(concurrency),
        String(run.result.requests.requests),
        String(run.items),
        perItem.toFixed(4),
        median(each((m) => m.run.items / (m.run.wallMs / 1000))).toFixed(0),
        `${ideal.serial} + ${ideal.discovery} (${ideal.discoveryDepth}) + ${ideal.chained} in ${ideal.chains} (${ideal.longestChain})`,
        ideal.parallelism.toFixed(2),
        meanInFlight(trace, run.wallMs).toFixed(2),
        median(each((m) => m.run.cpuSeconds)).toFixed(2),
        seconds(median(ideals.map((i) => i.idealMs))),
        showSpread(
          each((m) => m.floorMs / 1000),
          2,
        ),
        showSpread(
          each((m) => m.run.wallMs / 1000),
          2,
        ),
        showSpread(
          each((m, i) => (100 * ideals[i]!.idealMs) / m.run.wallMs),
          1,
        ),
        // The target is for the configured concurrency (the first one given, 8 by default); others are shown.
        `${showSpread(boundShare, 1)} ${concurrency === concurrencies[0] ? verdict(median(boundShare) >= 90) : '(info)'}`,
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
      '  latency crawls (one each per round): the time the crawler and the fake site need for the work on this',
      '  machine, below which no concurrency can go. bound = max(ideal s, floor s) of the same round.',
      'CPU s = this process (crawler, detector workers, store); the fake site runs in another process.',
      `The >= 90% target is for the configured concurrency (C=${concurrencies[0]}). At C=1 each request's server`,
      '  time adds to its latency (nothing else is in flight to hide it), which neither the ideal nor the floor counts.',
    ].join('\n'),
  );
  return perItem;
}
