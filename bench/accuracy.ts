// npm run bench:accuracy — recall per category and kind on labelled positives, false positives per MB on
// benign engineering text, with the rules to blame, then the same questions on third-party material
// (../shared/eval). Figures are for humans: the exit code is always 0.

import { randomBytes } from 'node:crypto';
import { createDetector, type Detector } from '../src/detect/engine.ts';
import { CATEGORIES, type Category, type Finding } from '../src/types.ts';
import { pct, table, verdict } from './bench-format.ts';
import { loadRulesOrExplain } from './load-bench-rules.ts';
import { printThirdPartyEval } from './third-party-eval.ts';
import { benignTable } from '../src/synth/benign/tables.ts';
import { createRng } from '../src/synth/rng.ts';
import {
  barePositiveCorpus,
  benignCorpus,
  MB,
  positiveCorpus,
  totalChars,
  type BenchDoc,
  type Positive,
} from './corpus.ts';

const RECALL_TARGET = 0.95;
const PHI_PASS_RULE_ID = 'phi-health-context';
const FP_PER_MB_TARGET = 1;

interface KindTally {
  category: Category;
  expected: readonly string[];
  total: number;
  found: number;
  /** Rules whose findings overlapped the value, any category: shows which rule does the work. */
  fired: Map<string, number>;
}

const overlaps = (f: Finding, p: Positive): boolean => f.start < p.end && f.end > p.start;
const bump = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
const top = (map: Map<string, number>, n: number): [string, number][] =>
  [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);

function tallyPositives(detector: Detector, positives: readonly Positive[]): Map<string, KindTally> {
  const tallies = new Map<string, KindTally>();
  for (const p of positives) {
    let tally = tallies.get(p.kind);
    if (!tally) {
      tally = { category: p.category, expected: p.ruleIds, total: 0, found: 0, fired: new Map() };
      tallies.set(p.kind, tally);
    }
    const hits = detector.scan(p.text).filter((f) => overlaps(f, p));
    tally.total++;
    if (hits.some((f) => f.category === p.category)) tally.found++;
    for (const ruleId of new Set(hits.map((f) => f.ruleId))) bump(tally.fired, ruleId);
  }
  return tallies;
}

function printRecall(tallies: Map<string, KindTally>, ruleIds: ReadonlySet<string>): void {
  console.log(
    '\n== Recall by category (a positive counts when a finding of its category overlaps the value)',
  );
  const rows = CATEGORIES.map((category) => {
    const mine = [...tallies.values()].filter((t) => t.category === category);
    const total = mine.reduce((s, t) => s + t.total, 0);
    const found = mine.reduce((s, t) => s + t.found, 0);
    const ok = total > 0 && found / total >= RECALL_TARGET;
    return [
      category,
      String(total),
      String(found),
      pct(found, total),
      `${verdict(ok)} (target >= ${RECALL_TARGET * 100}%)`,
    ];
  });
  console.log(table(['category', 'positives', 'found', 'recall', 'target'], rows));

  console.log('\n== Recall by kind, worst first (fired: rules whose findings overlapped the value)');
  const kinds = [...tallies.entries()].sort(
    (a, b) => a[1].found / a[1].total - b[1].found / b[1].total || a[0].localeCompare(b[0]),
  );
  console.log(
    table(
      ['kind', 'category', 'recall', 'fired', 'expected rule present'],
      kinds.map(([kind, t]) => [
        kind,
        t.category,
        pct(t.found, t.total),
        top(t.fired, 3)
          .map(([id, n]) => `${id}:${n}`)
          .join(' ') || '-',
        t.expected.filter((id) => ruleIds.has(id)).join(' ') || `none of ${t.expected.join('/')}`,
      ]),
    ),
  );
}

/** Table exports with id-like columns (CSV, TSV, Markdown): where column-reading rules could misfire. */
function benignTableDocs(seed = 5, count = 1000): BenchDoc[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => ({ id: `table-${i}`, text: benignTable(rng) }));
}

function printFalsePositives(detector: Detector): void {
  const docs = [...benignCorpus(), ...benignTableDocs()];
  const chars = totalChars(docs);
  const byRule = new Map<string, number>();
  const previews = new Map<string, string>();
  let count = 0;
  const started = performance.now();
  for (const doc of docs) {
    for (const f of detector.scan(doc.text)) {
      count++;
      bump(byRule, f.ruleId);
      if (!previews.has(f.ruleId)) previews.set(f.ruleId, f.preview);
    }
  }
  const perMb = count / (chars / MB);
  console.log(
    `\n== False positives on benign text (tickets, and 1,000 table exports with id columns): ${docs.length} documents, ${(chars / MB).toFixed(2)} MB, scanned in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `findings: ${count}, per MB: ${perMb.toFixed(2)}  ${verdict(perMb <= FP_PER_MB_TARGET)} (target <= ${FP_PER_MB_TARGET}/MB)`,
  );
  if (count > 0) {
    console.log('\nTop offending rules (masked preview of the first finding):');
    console.log(
      table(
        ['rule', 'findings', 'per MB', 'first preview'],
        top(byRule, 15).map(([id, n]) => [
          id,
          String(n),
          (n / (chars / MB)).toFixed(2),
          previews.get(id) ?? '',
        ]),
      ),
    );
  }
}

const recallOf = (tallies: readonly KindTally[]): string =>
  pct(
    tallies.reduce((s, t) => s + t.found, 0),
    tallies.reduce((s, t) => s + t.total, 0),
  );

/** Informational, no target: the same kinds with no label next to the value. */
function printBareRecall(detector: Detector): void {
  const tallies = tallyPositives(detector, barePositiveCorpus());
  const all = [...tallies.values()];
  const byCategory = CATEGORIES.map((c) => `${c} ${recallOf(all.filter((t) => t.category === c))}`).join(
    ', ',
  );
  console.log(
    `\n== Context-free recall (value between engineering paragraphs, no label; informational): ${byCategory}`,
  );
  const worst = [...tallies.entries()]
    .filter(([, t]) => t.found < t.total)
    .sort((a, b) => a[1].found / a[1].total - b[1].found / b[1].total || a[0].localeCompare(b[0]));
  console.log(
    `kinds found less than always without context: ${worst.map(([k, t]) => `${k} ${pct(t.found, t.total)}`).join(', ') || 'none'}`,
  );
}

function main(): void {
  const rules = loadRulesOrExplain();
  if (!rules) return;
  // Rule files, plus the pass that derives PHI from health context (it has no rule file).
  const ruleIds = new Set([...rules.map((r) => r.spec.id), PHI_PASS_RULE_ID]);
  const perCategory = CATEGORIES.map((c) => `${c} ${rules.filter((r) => r.spec.category === c).length}`).join(
    ', ',
  );
  console.log(`Rules loaded: ${rules.length} (${perCategory})`);
  const detector = createDetector(rules, { key: randomBytes(32) });

  const positives = positiveCorpus();
  console.log(
    `Positives: ${positives.length} labelled examples over ${new Set(positives.map((p) => p.kind)).size} kinds`,
  );
  printRecall(tallyPositives(detector, positives), ruleIds);
  printBareRecall(detector);
  printFalsePositives(detector);
  printThirdPartyEval();
}

main();
