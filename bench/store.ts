// npm run bench:store — writes 1,000,000 generated findings over 100,000 items through ScanWriter (the crawler's
// path), then times the report queries and the report's data assembly on that database; --runs times, each in a
// fresh database, figures as median (range). Targets: >= 80,000 findings/s, each report query < 1 s. The crawler
// records one listing page of one container per transaction, and so does the timed write; the same items spread
// over all 50 containers in every transaction are timed too (each transaction then rewrites a page of the items'
// container index per container).
// Peer: plain INSERTs of the same rows into an unindexed table, in the same transaction size, on the same disk.
// Options: --findings N (default 1,000,000), --per-item N (10), --batch-items N (100 items per transaction),
// --runs N (3), --keep (leave the last run's database in the temp folder to explore the queries).
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { median, showSpread, table, verdict } from './bench-format.ts';
import { storeRun, type StoreRun, type Timing } from './store-run.ts';

const { values } = parseArgs({
  options: {
    findings: { type: 'string', default: '1000000' },
    'per-item': { type: 'string', default: '10' },
    'batch-items': { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const options = {
  total: Number(values.findings),
  perItem: Number(values['per-item']),
  batchItems: Number(values['batch-items']),
  edited: 10,
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const loadAtStart = load();

const runs: StoreRun[] = [];
for (let r = 0; r < RUNS; r++) runs.push(storeRun({ ...options, keep: values.keep && r === RUNS - 1 }));
const first = runs[0]!;
const findings = first.findings;

/** Rows per second of one write path in each run, by wall and by CPU time, with the target verdict. */
function writeRow(name: string, pick: (run: StoreRun) => Timing, rows = () => findings, target = true) {
  const times = runs.map(pick);
  const wall = times.map((t) => rows() / t.wall);
  const cpu = times.map((t) => rows() / t.cpu);
  const ok = (rates: number[]) => verdict(median(rates) >= 80_000);
  return [name, showSpread(wall, 0), showSpread(cpu, 0), target ? `${ok(wall)} (${ok(cpu)})` : ''];
}

console.log(
  `store: ${findings.toLocaleString('en-US')} generated findings over ${(findings / options.perItem).toLocaleString('en-US')} items, ${options.batchItems * options.perItem} findings per transaction; median (range) of ${RUNS} runs`,
);
console.log(`load average at start: ${loadAtStart}, now ${load()} on ${availableParallelism()} cores`);
console.log(
  table(
    ['write path', 'findings/s (wall)', 'findings/s (cpu)', '>= 80,000 wall (cpu)'],
    [
      writeRow('ScanWriter.record, first scan, crawled pages', (r) => r.write),
      writeRow('same, 50 containers per transaction', (r) => r.spreadWrite),
      writeRow(
        `re-scan: 1 item in ${options.edited} edited`,
        (r) => r.rescan,
        () => first.rescanned,
        false,
      ),
      writeRow(
        'peer: plain INSERT, no index',
        (r) => r.peerWrite,
        () => findings,
        false,
      ),
    ],
  ),
);
const storeOverPeer = runs.map((r) => r.peerWrite.cpu / r.write.cpu);
console.log(`peer/store CPU time: ${showSpread(storeOverPeer, 2, 'x')}`);
const size = runs.map((r) => r.sizeMb);
console.log(
  `database size: ${showSpread(size, 1, ' MB')} (${((median(size) * 1e6) / findings).toFixed(0)} bytes per finding)\n`,
);

console.log(
  table(
    ['report query', 'rows', 'cpu s', 'wall s', 'rss growth MB', '< 1 s (cpu, median)'],
    first.queries.map((q, i) => {
      const cpu = runs.map((r) => r.queries[i]!.cpu);
      return [
        q.name,
        q.rows.toLocaleString('en-US'),
        showSpread(cpu, 3),
        showSpread(
          runs.map((r) => r.queries[i]!.wall),
          3,
        ),
        showSpread(
          runs.map((r) => r.queries[i]!.rssGrowthMb),
          0,
        ),
        q.notAReportQuery ? `n/a: ${q.notAReportQuery}` : verdict(median(cpu) < 1),
      ];
    }),
  ),
);
const kept = runs.at(-1)?.kept;
if (kept) console.log(`kept ${kept}`);
