// npm run bench:phi — what the PHI pass costs and where, on real text: the Jira issues of
// ../shared/eval/benign-jira-dev.jsonl (engineering text that must stay cheap) and the clinical notes of
// ../shared/eval/clinical-notes-dev.jsonl (where the recognisers run). Per corpus, in the same run and taking
// turns: the engine with every rule and the PHI pass, the engine without the PHI pass (secret and pii rules),
// and the PHI pass alone. Figures are MB per CPU-second, medians of --reps runs, with their range.
// Options: --jira <file> --notes <file> --reps <n, default 5>
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { healthContext } from '../src/detect/clinical.ts';
import { createDetector } from '../src/detect/engine.ts';
import { derivePhiHits } from '../src/detect/phi.ts';
import { median, table, timed, type Timing } from './bench-format.ts';
import { loadRulesOrExplain } from './load-bench-rules.ts';
import { MB, totalChars } from './corpus.ts';

const { values: args } = parseArgs({
  options: {
    jira: { type: 'string', default: '../shared/eval/benign-jira-dev.jsonl' },
    notes: { type: 'string', default: '../shared/eval/clinical-notes-dev.jsonl' },
    reps: { type: 'string', default: '5' },
  },
});
const reps = Number(args.reps);

function readTexts(file: string): string[] | undefined {
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => (JSON.parse(line) as { text: string }).text);
}

const rules = loadRulesOrExplain();
if (rules) {
  const key = randomBytes(32);
  const everything = createDetector(rules, { key });
  const passOnly = createDetector(
    rules.filter((r) => r.spec.category !== 'phi'),
    { key },
  );
  const noPhi = createDetector(rules, { key, categories: ['secret', 'pii'] });
  for (const detector of [everything, passOnly, noPhi]) detector.warm();
  const scans: readonly (readonly [string, (text: string) => unknown])[] = [
    ['engine: every rule + PHI pass', (text) => everything.scan(text)],
    ['engine: secret + pii rules + PHI pass', (text) => passOnly.scan(text)],
    ['engine: secret + pii rules', (text) => noPhi.scan(text)],
    ['PHI pass alone', (text) => derivePhiHits(text, [])],
  ];
  for (const [name, file] of [
    ['Jira issues', args.jira],
    ['clinical notes', args.notes],
  ] as const) {
    const texts = readTexts(file);
    if (!texts) {
      console.log(`${name}: ${file} not found, skipped`);
      continue;
    }
    const mb = totalChars(texts.map((text) => ({ text }))) / MB;
    const clinical = texts.filter((t) => healthContext(t).passages.length > 0).length;
    console.log(`\n${name}: ${texts.length} texts, ${mb.toFixed(1)} MB, ${clinical} with a clinical passage`);
    for (const text of texts.slice(0, 200)) for (const [, scan] of scans) scan(text);
    const runs = scans.map((): Timing[] => []);
    for (let rep = 0; rep < reps; rep++) {
      for (const [k, [, scan]] of scans.entries())
        runs[k]!.push(await timed(() => texts.forEach((t) => scan(t))));
    }
    const rates = runs.map((r) => r.map((t) => mb / t.cpu));
    const rows = scans.map(([label], k) => {
      const sorted = [...rates[k]!].sort((a, b) => a - b);
      return [label, median(rates[k]!).toFixed(1), `${sorted[0]!.toFixed(1)}-${sorted.at(-1)!.toFixed(1)}`];
    });
    console.log(table(['scan', 'MB per CPU-s (median)', 'range'], rows));
    const cpu = runs.map((r) => median(r.map((t) => t.cpu)));
    const share = (more: number, less: number) =>
      `${(((cpu[more]! - cpu[less]!) / cpu[2]!) * 100).toFixed(1)}%`;
    console.log(`CPU added to the secret + pii engine: PHI pass ${share(1, 2)}, phi rules ${share(0, 1)}`);
  }
}
