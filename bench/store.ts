// npm run bench:store — writes 1,000,000 findings over 100,000 items through ScanWriter (the crawler's path),
// then times the report queries and the report's data assembly on that database. Targets: >= 80,000 findings/s, each report query < 1 s.
// Peer: plain INSERTs of the same rows into an unindexed table, in the same transaction size, on the same disk.
// Options: --findings N (default 1,000,000), --per-item N (10), --batch-items N (100 items per transaction),
// --keep (leave the database in the temp folder to explore the queries).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PlacedFinding, ScannedItem } from '../src/store/model.ts';
import { buildReportData } from '../src/report/report-data.ts';
import { openStore } from '../src/store/store.ts';
import { CATEGORIES, SEVERITIES, type Container } from '../src/types.ts';
import { table, verdict } from './bench-format.ts';

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
const ITEMS = Math.ceil(TOTAL / PER_ITEM);
const CONTAINERS = 50;
const SITE = 'https://bench.example.test';

// Seeded generator (mulberry32): the same database every run.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// About a third of the values repeat elsewhere, as pasted credentials and shared contacts do.
const fingerprint = (n: number) => createHash('sha256').update(`value-${n}`).digest('hex');
const DISTINCT = Math.floor(TOTAL * 0.7);

const containers: Container[] = Array.from({ length: CONTAINERS }, (_, i) => ({
  product: i % 2 ? 'jira' : 'confluence',
  id: String(1000 + i),
  key: `K${i}`,
  name: `Container ${i}`,
  url: `${SITE}/c/${i}`,
}));

type BenchItem = ScannedItem & { findings: PlacedFinding[] };

function batch(first: number, count: number): BenchItem[] {
  const items: BenchItem[] = [];
  for (let i = first; i < first + count && i < ITEMS; i++) {
    const c = containers[i % CONTAINERS]!;
    const url = `${SITE}/item/${i}`;
    const findings: PlacedFinding[] = Array.from({ length: PER_ITEM }, (_, j) => ({
      ruleId: `rule-${Math.floor(random() * 120)}`,
      category: pick(CATEGORIES),
      severity: pick(SEVERITIES),
      confidence: 0.5 + random() / 2,
      start: j * 40,
      end: j * 40 + 24,
      preview: 'AKIA••••••••••••WXYZ',
      fingerprint: fingerprint(Math.floor(random() * DISTINCT)),
      explanation: 'keyword akia, entropy 4.1',
      field: j % 3 ? 'body' : 'comment',
      fieldId: j % 3 ? undefined : String(j),
      url,
    }));
    items.push({
      item: {
        product: c.product,
        containerKey: c.key,
        kind: c.product === 'jira' ? 'issue' : 'page',
        id: String(i),
        title: `Item ${i}`,
        url,
        created: '2026-01-01T00:00:00Z',
        updated: `2026-${String(1 + (i % 12)).padStart(2, '0')}-15T00:00:00Z`,
        version: 1,
      },
      contentHash: fingerprint(-i),
      findings,
    });
  }
  return items;
}

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
const REPORT = { plan: 'standard', excluded: [] } as const;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

try {
  const store = openStore(path);
  const { runId, siteId } = store.runs.begin({ site: SITE, mode: 'full', options: {}, rulesetHash: 'bench' });
  store.containers.upsert(siteId, containers);

  // Writes: only record() is timed; generating the synthetic batches is not the store's cost.
  const write: Timing = { wall: 0, cpu: 0 };
  for (let first = 0; first < ITEMS; first += BATCH_ITEMS) {
    const items = batch(first, BATCH_ITEMS);
    timed(() => store.scans.record(runId, items), write);
  }
  store.runs.finish(runId, 'complete', { listed: ITEMS, scanned: ITEMS, bytes: 0, skipped: {} });
  const rows = store.db.prepare('SELECT COUNT(*) AS n FROM findings').get() as { n: number };
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

  const rate = (t: Timing) => [
    t.wall.toFixed(2),
    fmt(rows.n / t.wall),
    t.cpu.toFixed(2),
    fmt(rows.n / t.cpu),
  ];
  console.log(
    `store: ${fmt(rows.n)} findings over ${fmt(ITEMS)} items, ${BATCH_ITEMS * PER_ITEM} findings per transaction`,
  );
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  console.log(
    table(
      ['write path', 'wall s', 'findings/s (wall)', 'cpu s', 'findings/s (cpu)', 'target >= 80,000 (cpu)'],
      [
        ['ScanWriter.record (upsert + resolve)', ...rate(write), verdict(rows.n / write.cpu >= 80_000)],
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

  const queries: Array<[string, () => number]> = [
    ['scores.compute (writes history)', () => store.scores.compute(runId).length],
    ['scores.forReport (report, export summary)', () => store.scores.forReport(runId).length],
    [
      'scores.forReport since 2026-10 (calculated)',
      () => store.scores.forReport(runId, { since: '2026-10-01' }).length,
    ],
    ['findings.topItems(20) (item aggregates)', () => store.findings.topItems({}, 20).length],
    [
      'findings.topItems(20) secrets (grouped)',
      () => store.findings.topItems({ category: 'secret' }, 20).length,
    ],
    ['buildReportData (report, HTML)', () => buildReportData(store, REPORT).containers.length],
    [
      'buildReportData since 2026-10',
      () => buildReportData(store, { ...REPORT, since: '2026-10-01' }).containers.length,
    ],
    ['findings.countsByContainer (no command)', () => store.findings.countsByContainer().length],
    [
      'findings.iterate one container',
      () => count(store.findings.iterate({ container: { product: 'confluence', key: 'K0' } })),
    ],
    [
      'findings.iterate high+ since 2026-10',
      () => count(store.findings.iterate({ minSeverity: 'high', since: '2026-10-01' })),
    ],
    ['findings.iterate all (CSV export)', () => count(store.findings.iterate())],
  ];
  const results = queries.map(([name, run]) => {
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
      verdict(t.cpu < 1),
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
