// The two bench:detect measures generated text cannot stand in for: the cost per finding on a document that is
// one long list of phone numbers (spam and contact lists; issue 12 point 6: <= 50 us per finding), and throughput
// on real Jira text (../shared/eval/benign-jira-dev.jsonl when present; >= 15 MB per CPU-second, every rule on).
import { existsSync, readFileSync } from 'node:fs';
import type { Detector } from '../src/detect/engine.ts';
import { createRng } from '../src/synth/rng.ts';
import { SENSITIVE_KINDS } from '../src/synth/sensitive.ts';
import { median, table, timed } from './bench-format.ts';
import { MB, totalChars, type BenchDoc } from './corpus.ts';

export const REAL_JIRA = new URL('../../shared/eval/benign-jira-dev.jsonl', import.meta.url);

const LINES = ['Support line {v} call now', 'Help desk number (((({v}++==== toll free', '{v}', 'tel: {v}'];

/** One document of `count` phone lines: every number distinct, or one number over and over (as spam does). */
export function phoneListDoc(count: number, distinct: boolean): BenchDoc {
  const rng = createRng(distinct ? 7 : 8);
  const kind = SENSITIVE_KINDS.find((k) => k.kind === 'phone-nanp')!;
  const once = kind.generate(rng);
  const lines = Array.from({ length: count }, (_, i) =>
    LINES[i % LINES.length]!.replace('{v}', distinct ? kind.generate(rng) : once),
  );
  return { id: distinct ? 'phones-distinct' : 'phones-repeated', text: lines.join('\n') };
}

export function readJsonlDocs(path: URL): BenchDoc[] | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as BenchDoc);
}

interface Figure {
  findings: number;
  /** CPU seconds per repetition. */
  cpu: number[];
}

async function measure(detector: Detector, docs: readonly BenchDoc[], reps: number): Promise<Figure> {
  const figure: Figure = { findings: 0, cpu: [] };
  for (let i = 0; i < reps; i++) {
    let findings = 0;
    const timing = await timed(() => {
      for (const doc of docs) findings += detector.scan(doc.text).length;
    });
    figure.cpu.push(timing.cpu);
    figure.findings = findings;
  }
  return figure;
}

/** Prints us per finding on the phone lists and MB per CPU-second on the real Jira text. */
export async function printHotSpots(detector: Detector, reps: number): Promise<void> {
  const rows: string[][] = [];
  for (const distinct of [true, false]) {
    const doc = phoneListDoc(4000, distinct);
    detector.scan(doc.text); // warm-up, as for every other measure
    const { findings, cpu } = await measure(detector, [doc], reps);
    const us = cpu.map((s) => (s * 1e6) / Math.max(1, findings));
    const range = `${Math.min(...us).toFixed(1)}-${Math.max(...us).toFixed(1)}`;
    rows.push([doc.id, String(findings), median(us).toFixed(1), range]);
  }
  console.log('\n== Cost per finding on one long list of 4,000 phone numbers (CPU; target <= 50 us)');
  console.log(table(['document', 'findings', 'us/finding (median)', 'range'], rows));

  const jira = readJsonlDocs(REAL_JIRA);
  if (!jira) return console.log(`\n(real Jira text not found at ${REAL_JIRA.pathname}; skipped)`);
  const { findings, cpu } = await measure(detector, jira, reps);
  const mb = totalChars(jira) / MB;
  const rates = cpu.map((s) => mb / s);
  console.log(
    `\n== Real Jira text (${jira.length} issues, ${mb.toFixed(1)} MB, every rule on, 1 core): ` +
      `${median(rates).toFixed(1)} MB per CPU-second (range ${Math.min(...rates).toFixed(1)}-${Math.max(...rates).toFixed(1)}; target >= 15), ${findings} findings`,
  );
}
