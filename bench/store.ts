// npm run bench:store — writes 1,000,000 findings over 100,000 items through ScanWriter (the crawler's path),
// then times the report queries and the report's data assembly on that database. Targets: >= 80,000 findings/s,
// each report query < 1 s. The crawler records one listing page of one container per transaction, and so does
// the timed write; the same items spread over all 50 containers in every transaction are timed too (each
// transaction then rewrites a page of the items' container index per container).
// Peer: plain INSERTs of the same rows into an unindexed table, in the same transaction size, on the same disk.
// Options: --findings N (default 1,000,000), --per-item N (10), --batch-items N (100 items per transaction),
// --keep (leave the database in the temp folder to explore the queries).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReportData } from '../src/report/report-data.ts';
import { openStore } from '../src/store/store.ts';
import { table, verdict } from './bench-format.ts';
import { benchSite, containers, SITE, type BenchItem } from './store-data.ts';

const { values } = parseArgs({
  options: {
    findings: { type: 'string', default: '1000000' },
    'per-item': { type: 'string', default: '10' },
    'batch-items': { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
  },
});
const TOTAL = Number(values.findings);
const PER_ITEM = Number(values['per-item']);
const BATCH_ITEMS = Number(values['batch-items']);
const { items: ITEMS, batch } = benchSite(TOTAL, PER_ITEM, BATCH_ITEMS);
/** The second run edits one item in EDITED: their findings change, the rest is confirmed unchanged. */
const EDITED = 10;

const dir = mkdtempSync(join(tmpdir(), 'exposure-bench-store-'));
const path = join(dir, 'bench.db');
// The machine is shared: CPU seconds of this process say what one core does, wall seconds what a user waits.
interface Timing {
  wall: number;
  cpu: number;
}
function timed<T>(run: () => T, into: Timing): T {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  into.wall += Number(process.hrtime.bigint() - wall) / 1e9;
  into.cpu += (used.user + used.system) / 1e6;
  return result;
}
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const loadAtStart = load();
const REPORT = { plan: 'standard', excluded: [] } as const;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A first scan of every item into a new database; only record() is timed, not generating the batches. */
function firstScan(dbPath: string, batches: typeof batch, write: Timing) {
  const store = openStore(dbPath);
  const { runId, siteId } = store.runs.begin({ site: SITE, mode: 'full', options: {}, rulesetHash: 'bench' });
  store.containers.upsert(siteId, containers);
  for (let first = 0; first < ITEMS; first += BATCH_ITEMS) {
    const items = batches(first, BATCH_ITEMS);
    timed(() => store.scans.record(runId, items), write);
  }
  store.runs.finish(runId, 'complete', { listed: ITEMS, scanned: ITEMS, bytes: 0, skipped: {} });
  return { store, runId };
}

try {
  const write: Timing = { wall: 0, cpu: 0 };
  const { store, runId } = firstScan(path, batch, write);
  store.scores.compute(runId);

  // A second, incremental run: every EDITED-th item changed (its findings replaced: the re-scan path that reads
  // older rows back), the others unchanged. Gives the diff and the trend something to compare.
  const second = store.runs.begin({ site: SITE, mode: 'incremental', options: {}, rulesetHash: 'bench' });
  const rescan: Timing = { wall: 0, cpu: 0 };
  let rescanned = 0;
  for (let first = 0; first < ITEMS; first += BATCH_ITEMS) {
    const items = batch(first, BATCH_ITEMS, 2).map((scanned, n) =>
      (first + n) % EDITED === 0 ? scanned : { ...scanned, findings: 'unchanged' as const },
    );
    rescanned += items.filter((i) => i.findings !== 'unchanged').length * PER_ITEM;
    timed(() => store.scans.record(second.runId, items), rescan);
  }
  store.runs.finish(second.runId, 'complete', { listed: ITEMS, scanned: ITEMS, bytes: 0, skipped: {} });
  const rows = { n: ITEMS * PER_ITEM };
  const fileSize = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  const size = (fileSize(path) + fileSize(`${path}-wal`)) / 1e6;

  // Peer: the same number of rows as plain INSERTs into an unindexed table, same transaction size.
  const peer = new Database(join(dir, 'peer.db'));
  peer.pragma('journal_mode = WAL');
  peer.pragma('synchronous = NORMAL');
  peer.exec(
    'CREATE TABLE f (item INTEGER, rule TEXT, severity TEXT, confidence REAL, preview TEXT, fingerprint TEXT)',
  );
  const insert = peer.prepare('INSERT INTO f VALUES (?, ?, ?, ?, ?, ?)');
  const peerWrite: Timing = { wall: 0, cpu: 0 };
  const insertAll = peer.transaction((items: BenchItem[]) => {
    for (const { item, findings } of items) {
      for (const f of findings)
        insert.run(Number(item.id), f.ruleId, f.severity, f.confidence, f.preview, f.fingerprint);
    }
  });
  for (let first = 0; first < ITEMS; first += BATCH_ITEMS) {
    const items = batch(first, BATCH_ITEMS);
    timed(() => insertAll(items), peerWrite);
  }
  peer.close();

  const spreadWrite: Timing = { wall: 0, cpu: 0 };
  firstScan(join(dir, 'spread.db'), benchSite(TOTAL, PER_ITEM).batch, spreadWrite).store.close();

  const rate = (t: Timing, n = rows.n) => [
    t.wall.toFixed(2),
    fmt(n / t.wall),
    t.cpu.toFixed(2),
    fmt(n / t.cpu),
  ];
  console.log(
    `store: ${fmt(rows.n)} findings over ${fmt(ITEMS)} items, ${BATCH_ITEMS * PER_ITEM} findings per transaction`,
  );
  console.log(`load average at start: ${loadAtStart}, now ${load()} on ${availableParallelism()} cores`);
  console.log(
    table(
      ['write path', 'wall s', 'findings/s (wall)', 'cpu s', 'findings/s (cpu)', '>= 80,000 wall (cpu)'],
      [
        [
          'ScanWriter.record, first scan, crawled pages',
          ...rate(write),
          `${verdict(rows.n / write.wall >= 80_000)} (${verdict(rows.n / write.cpu >= 80_000)})`,
        ],
        [
          'same, 50 containers per transaction',
          ...rate(spreadWrite),
          `${verdict(rows.n / spreadWrite.wall >= 80_000)} (${verdict(rows.n / spreadWrite.cpu >= 80_000)})`,
        ],
        [`re-scan: 1 item in ${EDITED} edited`, ...rate(rescan, rescanned), ''],
        [
          'peer: plain INSERT, no index',
          ...rate(peerWrite),
          `store/peer ${(peerWrite.cpu / write.cpu).toFixed(2)}x`,
        ],
      ],
    ),
  );
  console.log(
    `database size: ${size.toFixed(1)} MB (${((size * 1e6) / rows.n).toFixed(0)} bytes per finding)\n`,
  );

  const since = '2026-10-01';
  const k0 = { product: 'confluence', key: 'K0' } as const;
  // The < 1 s target is for report queries; the scan's closing step and a full export are timed for reference.
  const queries: Array<[string, () => number, notAReportQuery?: string]> = [
    [
      'scan end: scores.compute (writes history)',
      () => store.scores.compute(second.runId).length,
      'scan step',
    ],
    ['scores.forReport (report, export summary)', () => store.scores.forReport(second.runId).length],
    ['report --since: scores calculated', () => store.scores.forReport(second.runId, { since }).length],
    ['contribution view --since', () => store.contribution({ ...REPORT, since }).excludeFirst.length],
    ['findings.topItems(20) (item aggregates)', () => store.findings.topItems({}, 20).length],
    ['topItems(20) one space', () => store.findings.topItems({ container: k0 }, 20).length],
    ['topItems(20) secrets', () => store.findings.topItems({ category: 'secret' }, 20).length],
    [
      'topItems(20) secrets of one space',
      () => store.findings.topItems({ category: 'secret', container: k0 }, 20).length,
    ],
    ['topItems(20) high+ since', () => store.findings.topItems({ minSeverity: 'high', since }, 20).length],
    ['buildReportData (report, HTML)', () => buildReportData(store, REPORT).containers.length],
    ['buildReportData --since', () => buildReportData(store, { ...REPORT, since }).containers.length],
    [
      'diff run 1 → 2 (text: 20 listed per section)',
      () => store.diffs.diff(runId, second.runId, 20).site.new,
    ],
    [
      'diff run 1 → 2 --json (every change listed)',
      () => {
        const d = store.diffs.diff(runId, second.runId);
        return d.newFindings.length + d.resolvedFindings.length;
      },
    ],
    ['findings.iterate one space (export --space)', () => count(store.findings.iterate({ container: k0 }))],
    ['findings.iterate high+ since', () => count(store.findings.iterate({ minSeverity: 'high', since }))],
    ['findings.iterate all (export; see bench:export)', () => count(store.findings.iterate()), 'full export'],
  ];
  const results = queries.map(([name, run, notAReportQuery]) => {
    const rssBefore = process.memoryUsage().rss;
    const t: Timing = { wall: 0, cpu: 0 };
    const n = timed(run, t);
    const rssGrowth = (process.memoryUsage().rss - rssBefore) / 1e6;
    return [
      name,
      fmt(n),
      t.wall.toFixed(3),
      t.cpu.toFixed(3),
      `${rssGrowth.toFixed(0)} MB`,
      notAReportQuery ? `n/a: ${notAReportQuery}` : verdict(t.cpu < 1),
    ];
  });
  console.log(table(['report query', 'rows', 'wall s', 'cpu s', 'rss growth', '< 1 s (cpu)'], results));
  store.close();
} finally {
  if (values.keep) console.log(`kept ${path}`);
  else rmSync(dir, { recursive: true, force: true });
}

function count(rows: Iterable<unknown>): number {
  let n = 0;
  for (const _ of rows) n++;
  return n;
}
