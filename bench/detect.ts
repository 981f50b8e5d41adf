// npm run bench:detect — throughput of the full rule set in-process (one core) and through the worker pool
// (2 workers), against secretlint's recommended preset on a sample of the same corpus, in the same run.
// Options: --mb <corpus MB, default 50> --reps <repetitions, default 3> --secretlint-mb <sample MB, default 5>
// --warm-mb <MB each engine scans before timing, default 2> --per-rule-mb <sample MB for the per-rule cost
// table, default 1; 0 skips it>. Also: us per finding on a list of phone numbers, and MB per CPU-second on
// the real Jira text of ../shared/eval when it is there (detect-hot-spots.ts).
//
// Fair warm-up: the in-process engine and each pool worker load their recognizers-text models
// (Detector.warm; workers do it before reporting ready) and scan the same --warm-mb sample before timing.

import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createDetector, type Detector } from '../src/detect/engine.ts';
import type { CompiledRule } from '../src/detect/compile-rule.ts';
import { createPool, type DetectorPool } from '../src/detect/pool.ts';
import { showSpread, table, timed, type Timing } from './bench-format.ts';
import { loadRulesOrExplain } from './load-bench-rules.ts';
import { printHotSpots } from './detect-hot-spots.ts';
import { ruleCosts } from './rule-cost.ts';
import { printSecretlintAgreement } from './secretlint-agreement.ts';
import { secretlintCli, secretlintInProcess, writeCorpusFolder } from './secretlint-peer.ts';
import { MB, throughputCorpus, totalChars, type BenchDoc } from './corpus.ts';

const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '50' },
    reps: { type: 'string', default: '3' },
    'secretlint-mb': { type: 'string', default: '5' },
    'per-rule-mb': { type: 'string', default: '1' },
    'warm-mb': { type: 'string', default: '2' },
  },
});
const reps = Number(args.reps);
const key = randomBytes(32);

interface Measure {
  label: string;
  chars: number;
  runs: Timing[];
  findings: number;
}

type Scan = () => Promise<number> | number;

const missing = (): never => {
  throw new Error('a measure is missing');
};

/**
 * Runs each scan `reps` times, taking turns (A B A B ...), so a change of load on a shared machine weighs on
 * every measure alike.
 */
async function measureAlternating(
  docs: readonly BenchDoc[],
  scans: readonly (readonly [label: string, scan: Scan])[],
): Promise<Measure[]> {
  const measures = scans.map(([label]) => ({
    label,
    chars: totalChars(docs),
    runs: [] as Timing[],
    findings: 0,
  }));
  for (let i = 0; i < reps; i++) {
    for (const [k, [, scan]] of scans.entries()) {
      const m = measures[k]!;
      m.runs.push(await timed(async () => (m.findings = await scan())));
    }
  }
  for (const m of measures) {
    const shown = m.runs.map((t) => `${t.wall.toFixed(2)}s wall/${t.cpu.toFixed(2)}s cpu`).join(', ');
    console.log(`  ${m.label}: ${shown}`);
  }
  return measures;
}

const measure = async (label: string, docs: readonly BenchDoc[], scan: Scan): Promise<Measure> =>
  (await measureAlternating(docs, [[label, scan]]))[0]!;

/** MB per second of wall time, or per CPU-second (one core's worth of work), of each run. */
const rates = (m: Measure, clock: keyof Timing): number[] => m.runs.map((t) => m.chars / MB / t[clock]);

/** `a` against `b`, run by run (the measures took turns, or ran back to back), as median (range). */
const ratios = (a: Measure, b: Measure, clock: keyof Timing, digits = 2): string => {
  const ra = rates(a, clock);
  const rb = rates(b, clock);
  return showSpread(
    ra.map((r, i) => r / rb[i]!),
    digits,
    'x',
  );
};

const scanInProcess = (detector: Detector, docs: readonly BenchDoc[]) => (): number =>
  docs.reduce((n, doc) => n + detector.scan(doc.text).length, 0);

const cpuSince = (started: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
};

/** The engine in this thread, with its models loaded and the warm-up sample scanned. */
function startEngine(rules: readonly CompiledRule[], warmDocs: readonly BenchDoc[]): Detector {
  const started = process.cpuUsage();
  const detector = createDetector(rules, { key });
  detector.warm();
  console.log(
    `  engine start-up (rules already compiled; load models): ${cpuSince(started).toFixed(2)}s cpu`,
  );
  scanInProcess(detector, warmDocs)();
  return detector;
}

/** The pool once every worker has loaded rules and models and (about) as much warm-up text as the engine. */
async function startPool(
  rules: readonly CompiledRule[],
  warmDocs: readonly BenchDoc[],
): Promise<DetectorPool> {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const pool = createPool({ key, rules, workers: 2 });
  await pool.ready;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `  pool start-up (each worker compiles the validated rules and loads models): ${seconds.toFixed(2)}s wall/${cpuSince(cpuStarted).toFixed(2)}s cpu`,
  );
  await pool.scanBatch(Array.from({ length: pool.size }, () => warmDocs).flat());
  return pool;
}

/** secretlint's CLI over the sample written as files; its CPU is the child's. */
function measureSecretlintCli(docs: readonly BenchDoc[]): Measure {
  const folder = writeCorpusFolder(docs);
  try {
    const runs = Array.from({ length: reps }, () => secretlintCli(folder.dir));
    const label = 'secretlint CLI over the sample as files (process start-up included)';
    const shown = runs.map((r) => `${r.timing.wall.toFixed(2)}s wall/${r.timing.cpu.toFixed(2)}s cpu`);
    console.log(`  ${label}: ${shown.join(', ')}`);
    return {
      label,
      chars: totalChars(docs),
      runs: runs.map((r) => r.timing),
      findings: runs[0]?.messages ?? 0,
    };
  } finally {
    folder.remove();
  }
}

/** The first documents of the corpus up to `mb` MB: the shared sample for the secretlint comparison. */
function sample(docs: readonly BenchDoc[], mb: number): BenchDoc[] {
  const out: BenchDoc[] = [];
  let chars = 0;
  for (const doc of docs) {
    if (chars >= mb * MB) break;
    out.push(doc);
    chars += doc.text.length;
  }
  return out;
}

async function main(): Promise<void> {
  const rules = loadRulesOrExplain();
  if (!rules) return;
  const load = loadavg()[0]!.toFixed(1);
  console.log(
    `Rules: ${rules.length}; repetitions: ${reps}; cores: ${availableParallelism()}, load average ${load}`,
  );
  const built = Date.now();
  const { docs, plantedChars } = throughputCorpus(3, Number(args.mb) * MB);
  const chars = totalChars(docs);
  console.log(
    `Corpus: ${docs.length} documents, ${(chars / MB).toFixed(1)} MB, planted sensitive snippets ${((100 * plantedChars) / chars).toFixed(2)}% of characters (built in ${((Date.now() - built) / 1000).toFixed(1)} s)`,
  );

  const warmDocs = sample(docs, Number(args['warm-mb']));
  const detector = startEngine(rules, warmDocs);
  const pool = await startPool(rules, warmDocs);
  const [oneCore = missing(), pooled = missing()] = await measureAlternating(docs, [
    ['engine, 1 core, full corpus', scanInProcess(detector, docs)],
    [
      'worker pool, 2 workers, full corpus',
      async () => (await pool.scanBatch(docs)).reduce((n, f) => n + f.length, 0),
    ],
  ]);
  await pool.close();

  const sampleDocs = sample(docs, Number(args['secretlint-mb']));
  const engineSample = await measure(
    'engine, 1 core, secretlint sample',
    sampleDocs,
    scanInProcess(detector, sampleDocs),
  );
  const secretlint = await measure(
    'secretlint recommended preset, in-process lintSource, 1 core, same sample',
    sampleDocs,
    () => secretlintInProcess(sampleDocs),
  );
  const cli = measureSecretlintCli(sampleDocs);
  await printSecretlintAgreement(detector, sampleDocs);
  await printHotSpots(detector, reps);

  console.log(
    `\n== Throughput on the generated corpus, median (range) of ${reps} runs; CPU-based rates stay meaningful when other jobs load the machine`,
  );
  console.log(
    table(
      ['measure', 'MB', 'MB/s wall', 'MB/CPU-s', 'findings'],
      [oneCore, pooled, engineSample, secretlint, cli].map((m) => [
        m.label,
        (m.chars / MB).toFixed(1),
        showSpread(rates(m, 'wall'), 2),
        showSpread(rates(m, 'cpu'), 2),
        String(m.findings),
      ]),
    ),
  );
  console.log(`\nper core: ${showSpread(rates(oneCore, 'cpu'), 1)} MB per CPU-second (target >= 20)`);
  console.log(
    `pool speed-up with 2 workers (wall): ${ratios(pooled, oneCore, 'wall')} (target close to 2x; needs 2 idle cores); pool CPU efficiency ${ratios(pooled, oneCore, 'cpu')} of in-process`,
  );
  const sampleMb = (engineSample.chars / MB).toFixed(1);
  // No target against secretlint: it covers far fewer formats, and the ratio is a peer measured in the same run.
  console.log(
    `vs secretlint on the same ${sampleMb} MB sample (a sample keeps the run short; --secretlint-mb 50 uses the full corpus): per CPU-second ${ratios(engineSample, secretlint, 'cpu', 1)} its in-process lintSource, ${ratios(engineSample, cli, 'cpu', 1)} its CLI over the sample as files (wall ${ratios(engineSample, cli, 'wall', 1)}; start-up and file reading included, as users run it)`,
  );
  const perRuleMb = Number(args['per-rule-mb']);
  if (perRuleMb > 0) {
    const { baseline, all, byCategory, rules: costs } = ruleCosts(rules, sample(docs, perRuleMb), key);
    const total = costs.reduce((sum, c) => sum + c.msPerMb, 0);
    const categories = Object.entries(byCategory).map(([c, ms]) => `${c} rules only ${ms.toFixed(0)}`);
    console.log(`\n== Cost on a ${perRuleMb} MB sample, CPU ms per MB`);
    console.log(
      `all rules ${all.toFixed(0)}; ${categories.join('; ')}; no rules (keyword automaton, PHI pass) ${baseline.toFixed(0)}`,
    );
    // Below ~1 ms/MB a single rule's cost is within the noise of a shared machine.
    const visible = costs.filter((c) => c.msPerMb >= 1).slice(0, 12);
    console.log(
      `each rule alone above the empty engine, added up: ${total.toFixed(0)}; rules costing >= 1 ms/MB: ${visible.length ? '' : 'none'}`,
    );
    if (visible.length) {
      console.log(
        table(
          ['rule', 'ms/MB'],
          visible.map((c) => [c.ruleId, c.msPerMb.toFixed(1)]),
        ),
      );
    }
  }
}

await main();
