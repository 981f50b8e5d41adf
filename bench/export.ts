// npm run bench:export — `exposure export csv` of 100,000 and of 1,000,000 findings from one database of generated
// findings, each export in a fresh process, --runs times: time, peak RSS and sampled heap peak, as median (range).
// Flat memory means the two peaks are about the same.
// Options: --findings N (default 1,000,000; the small export is one tenth: 5 of the 50 spaces and projects),
// --runs N (default 3), --db PATH (export an existing bench database, e.g. one kept by
// `npm run bench:store -- --keep`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/store.ts';
import { showSpread, table } from './bench-format.ts';
import { benchSite, containers, SITE } from './store-data.ts';

const { values } = parseArgs({
  options: {
    findings: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    db: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'exposure-bench-export-'));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function buildDatabase(path: string, total: number): void {
  const store = openStore(path);
  try {
    const { items, batch } = benchSite(total, 10);
    const { runId, siteId } = store.runs.begin({
      site: SITE,
      mode: 'full',
      options: {},
      rulesetHash: 'bench',
    });
    store.containers.upsert(siteId, containers);
    for (let first = 0; first < items; first += 100) store.scans.record(runId, batch(first, 100));
    store.runs.finish(runId, 'complete', { listed: items, scanned: items, bytes: 0, skipped: {} });
  } finally {
    store.close();
  }
}

interface Measured {
  code: number;
  wall: number;
  cpu: number;
  maxRssMb: number;
  heapPeakMb: number;
}

try {
  const db = values.db ?? join(dir, 'bench.db');
  if (!values.db) buildDatabase(db, Number(values.findings));
  const store = openStore(db, { readonly: true });
  const openRows = (keys: string[]) =>
    (
      store.db
        .prepare(
          `SELECT COUNT(*) AS n FROM findings WHERE status = 'open'
           AND container_id IN (SELECT id FROM containers WHERE key IN (SELECT value FROM json_each(?)))`,
        )
        .get(JSON.stringify(keys)) as { n: number }
    ).n;
  const all = containers.map((c) => c.key);
  const cases = [
    { name: 'one tenth (--space x5)', keys: all.slice(0, 5) },
    { name: 'all open findings', keys: all },
  ].map((c) => ({ ...c, rows: openRows(c.keys) }));
  store.close();

  console.log(`export csv: load average at start ${load()} on ${availableParallelism()} cores`);
  const exportOnce = (keys: string[]): Measured & { mb: number } => {
    const out = join(dir, 'findings.csv');
    const spaces = keys.length === all.length ? [] : ['--space', keys.join(',')];
    const stdout = execFileSync(
      process.execPath,
      [join(import.meta.dirname, 'export-run.ts'), '--db', db, '--out', out, ...spaces],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const m = JSON.parse(stdout.trim().split('\n').at(-1)!) as Measured;
    if (m.code !== 0) throw new Error(`export exited ${m.code}`);
    const mb = statSync(out).size / 1e6;
    rmSync(out);
    return { ...m, mb };
  };
  // The cases take turns, so a change of load on a shared machine weighs on both alike.
  const runs = cases.map(() => [] as Array<Measured & { mb: number }>);
  for (let r = 0; r < RUNS; r++) for (const [i, c] of cases.entries()) runs[i]!.push(exportOnce(c.keys));
  const rows = cases.map(({ name, rows: n }, i) => {
    const of = (read: (m: Measured & { mb: number }) => number) => runs[i]!.map(read);
    return [
      name,
      n.toLocaleString('en-US'),
      showSpread(
        of((m) => m.wall),
        2,
      ),
      showSpread(
        of((m) => n / m.wall),
        0,
      ),
      showSpread(
        of((m) => m.maxRssMb),
        0,
      ),
      showSpread(
        of((m) => m.heapPeakMb),
        0,
      ),
      of((m) => m.mb)[0]!.toFixed(0),
    ];
  });
  console.log(`median (range) of ${RUNS} runs, generated findings (bench/store-data.ts)`);
  console.log(
    table(['export', 'rows', 'wall s', 'rows/s (wall)', 'peak RSS MB', 'heap peak MB', 'file MB'], rows),
  );
  console.log(
    `load average at end ${load()}; heap peak: V8 used heap sampled every 20 ms (garbage included)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
