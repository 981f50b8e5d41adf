// One run of `bench:store` in a fresh temp folder: the timed writes (the crawler's path, the same items spread
// over every container, a re-scan, and the plain-INSERT peer), the database size, and each report query once.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReportData } from '../src/report/report-data.ts';
import type { Store } from '../src/store/store.ts';
import { openStore } from '../src/store/store.ts';
import { benchSite, containers, SITE, type BenchItem } from './store-data.ts';

export interface Timing {
  wall: number;
  cpu: number;
}

export interface StoreRunOptions {
  total: number;
  perItem: number;
  batchItems: number;
  /** The re-scan edits one item in `edited`: their findings change, the rest is confirmed unchanged. */
  edited: number;
  keep: boolean;
}

export interface QueryTiming extends Timing {
  name: string;
  rows: number;
  rssGrowthMb: number;
  /** Set for steps that are not report queries (no < 1 s target). */
  notAReportQuery?: string;
}

export interface StoreRun {
  findings: number;
  write: Timing;
  spreadWrite: Timing;
  rescan: Timing;
  rescanned: number;
  peerWrite: Timing;
  sizeMb: number;
  queries: QueryTiming[];
  kept?: string;
}

// The machine is shared: CPU seconds of this process say what one core does, wall seconds what a user waits.
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

/** A first scan of every item into a new database; only record() is timed, not generating the batches. */
function firstScan(dbPath: string, o: StoreRunOptions, batch: ReturnType<typeof benchSite>['batch']) {
  const items = Math.ceil(o.total / o.perItem);
  const write: Timing = { wall: 0, cpu: 0 };
  const store = openStore(dbPath);
  const { runId, siteId } = store.runs.begin({ site: SITE, mode: 'full', options: {}, rulesetHash: 'bench' });
  store.containers.upsert(siteId, containers);
  for (let first = 0; first < items; first += o.batchItems) {
    const page = batch(first, o.batchItems);
    timed(() => store.scans.record(runId, page), write);
  }
  store.runs.finish(runId, 'complete', { listed: items, scanned: items, bytes: 0, skipped: {} });
  return { store, runId, write };
}

/** The same rows as plain INSERTs into an unindexed table, in the same transaction size, on the same disk. */
function peerWrite(path: string, o: StoreRunOptions, batch: ReturnType<typeof benchSite>['batch']): Timing {
  const items = Math.ceil(o.total / o.perItem);
  const peer = new Database(path);
  peer.pragma('journal_mode = WAL');
  peer.pragma('synchronous = NORMAL');
  peer.exec(
    'CREATE TABLE f (item INTEGER, rule TEXT, severity TEXT, confidence REAL, preview TEXT, fingerprint TEXT)',
  );
  const insert = peer.prepare('INSERT INTO f VALUES (?, ?, ?, ?, ?, ?)');
  const write: Timing = { wall: 0, cpu: 0 };
  const insertAll = peer.transaction((page: BenchItem[]) => {
    for (const { item, findings } of page) {
      for (const f of findings)
        insert.run(Number(item.id), f.ruleId, f.severity, f.confidence, f.preview, f.fingerprint);
    }
  });
  for (let first = 0; first < items; first += o.batchItems) {
    const page = batch(first, o.batchItems);
    timed(() => insertAll(page), write);
  }
  peer.close();
  return write;
}

function count(rows: Iterable<unknown>): number {
  let n = 0;
  for (const _ of rows) n++;
  return n;
}

function reportQueries(store: Store, firstRun: number, secondRun: number): QueryTiming[] {
  const since = '2026-10-01';
  const k0 = { product: 'confluence', key: 'K0' } as const;
  // The < 1 s target is for report queries; the scan's closing step and a full export are timed for reference.
  const queries: Array<[string, () => number, notAReportQuery?: string]> = [
    ['scan end: scores.compute (writes history)', () => store.scores.compute(secondRun).length, 'scan step'],
    ['scores.forReport (report, export summary)', () => store.scores.forReport(secondRun).length],
    ['report --since: scores calculated', () => store.scores.forReport(secondRun, { since }).length],
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
      () => store.diffs.diff(firstRun, secondRun, 20).site.new,
    ],
    [
      'diff run 1 → 2 --json (every change listed)',
      () => {
        const d = store.diffs.diff(firstRun, secondRun);
        return d.newFindings.length + d.resolvedFindings.length;
      },
    ],
    ['findings.iterate one space (export --space)', () => count(store.findings.iterate({ container: k0 }))],
    ['findings.iterate high+ since', () => count(store.findings.iterate({ minSeverity: 'high', since }))],
    ['findings.iterate all (export; see bench:export)', () => count(store.findings.iterate()), 'full export'],
  ];
  return queries.map(([name, run, notAReportQuery]) => {
    const rssBefore = process.memoryUsage().rss;
    const t: Timing = { wall: 0, cpu: 0 };
    const rows = timed(run, t);
    const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1e6;
    return { name, rows, ...t, rssGrowthMb, notAReportQuery };
  });
}

export function storeRun(o: StoreRunOptions): StoreRun {
  const dir = mkdtempSync(join(tmpdir(), 'exposure-bench-store-'));
  const path = join(dir, 'bench.db');
  try {
    const items = Math.ceil(o.total / o.perItem);
    const { batch } = benchSite(o.total, o.perItem, o.batchItems);
    const { store, runId, write } = firstScan(path, o, batch);
    store.scores.compute(runId);
    // A second, incremental run: every `edited`-th item changed (its findings replaced: the re-scan path that
    // reads older rows back), the others unchanged. Gives the diff and the trend something to compare.
    const second = store.runs.begin({ site: SITE, mode: 'incremental', options: {}, rulesetHash: 'bench' });
    const rescan: Timing = { wall: 0, cpu: 0 };
    let rescanned = 0;
    for (let first = 0; first < items; first += o.batchItems) {
      const page = batch(first, o.batchItems, 2).map((scanned, n) =>
        (first + n) % o.edited === 0 ? scanned : { ...scanned, findings: 'unchanged' as const },
      );
      rescanned += page.filter((i) => i.findings !== 'unchanged').length * o.perItem;
      timed(() => store.scans.record(second.runId, page), rescan);
    }
    store.runs.finish(second.runId, 'complete', { listed: items, scanned: items, bytes: 0, skipped: {} });
    const fileSize = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    const sizeMb = (fileSize(path) + fileSize(`${path}-wal`)) / 1e6;
    const peer = peerWrite(join(dir, 'peer.db'), o, batch);
    const spread = firstScan(join(dir, 'spread.db'), o, benchSite(o.total, o.perItem).batch);
    spread.store.close();
    const queries = reportQueries(store, runId, second.runId);
    store.close();
    const findings = items * o.perItem;
    return {
      findings,
      write,
      spreadWrite: spread.write,
      rescan,
      rescanned,
      peerWrite: peer,
      sizeMb,
      queries,
      ...(o.keep ? { kept: path } : {}),
    };
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
}
