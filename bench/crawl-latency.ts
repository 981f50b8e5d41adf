// The latency section of `bench:crawl`: full scans with a fixed latency per request at each concurrency, against
// two lower bounds: the request-chain ideal (crawl-trace.ts) and that ideal or the crawler's own time measured
// without latency, whichever is larger (a crawl can overlap waiting and work, but not go below either).
import { pct, table, verdict } from './bench-format.ts';
import { crawlOnce } from './crawl-run.ts';
import { startSiteProcess, type SiteSize } from './crawl-site-process.ts';
import { idealTime, meanInFlight, recordRequests, type TracedRequest } from './crawl-trace.ts';

const HEADER = [
  'C',
  'requests',
  'items',
  'req/item',
  'items/s',
  'chains (longest)',
  'ideal par.',
  'in flight',
  'CPU s',
  'ideal s',
  'bound s',
  'wall s',
  'ideal/wall',
  'bound/wall (>=90%)',
];

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Prints one row per concurrency; returns the requests per item of the last crawl. */
export async function latencySection(
  size: SiteSize,
  concurrencies: readonly number[],
  ownMs: number,
): Promise<number> {
  const site = await startSiteProcess(size);
  const rows: string[][] = [];
  let perItem = NaN;
  try {
    for (const concurrency of concurrencies) {
      const trace: TracedRequest[] = [];
      const stopRecording = recordRequests(trace);
      const run = await crawlOnce(site, concurrency, 'real').finally(stopRecording);
      const ideal = idealTime(trace, concurrency, size.latencyMs);
      const bound = Math.max(ideal.idealMs, ownMs);
      perItem = run.result.requests.requests / run.items;
      rows.push([
        String(concurrency),
        String(run.result.requests.requests),
        String(run.items),
        perItem.toFixed(4),
        (run.items / (run.wallMs / 1000)).toFixed(0),
        `${ideal.serial} + ${ideal.chained} in ${ideal.chains} (${ideal.longestChain})`,
        ideal.parallelism.toFixed(2),
        meanInFlight(trace, run.wallMs).toFixed(2),
        run.cpuSeconds.toFixed(2),
        seconds(ideal.idealMs),
        seconds(bound),
        seconds(run.wallMs),
        pct(ideal.idealMs, run.wallMs),
        `${pct(bound, run.wallMs)} ${verdict(bound / run.wallMs >= 0.9)}`,
      ]);
    }
  } finally {
    await site.stop();
  }
  console.log(table(HEADER, rows));
  console.log(
    [
      '',
      `ideal s = ${size.latencyMs} ms x (serial + max(longest chain, ceil(chained / C))): discovery requests`,
      '  (credentials, listings, field catalogue) are serial; each cursor-paged listing, and each issue whose',
      '  embedded comments were truncated, is a chain; chains run C at a time. "chains" = serial + chained',
      '  requests in N chains; "ideal par." = requests / ideal rounds; "in flight" = mean measured.',
      `bound s = max(ideal s, ${seconds(ownMs)} s: the same crawl without latency: the time the\n  crawler and the fake site need for the work on this machine, below which no concurrency can go).`,
      'CPU s = this process (crawler, detector workers, store); the fake site runs in another process.',
    ].join('\n'),
  );
  return perItem;
}
