// Where secretlint and the engine disagree on the shared sample: a throughput ratio means little if the two
// report different things. Counts only, by rule: no matched text is printed.
import type { Detector } from '../src/detect/engine.ts';
import type { BenchDoc } from './corpus.ts';
import { secretlintMessages } from './secretlint-peer.ts';

const overlaps = (a: { start: number; end: number }, [start, end]: readonly [number, number]): boolean =>
  a.start < end && a.end > start;

const tally = (counts: Map<string, number>): string =>
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${id} x${n}`)
    .join(', ') || 'none';

export async function printSecretlintAgreement(detector: Detector, docs: readonly BenchDoc[]): Promise<void> {
  const theirs = await secretlintMessages(docs);
  let messages = 0;
  let shared = 0;
  const onlyTheirs = new Map<string, number>();
  const onlyOurs = new Map<string, number>();
  for (const doc of docs) {
    const ours = detector.scan(doc.text).filter((f) => f.category === 'secret');
    const flagged = theirs.get(doc) ?? [];
    messages += flagged.length;
    for (const m of flagged) {
      if (ours.some((f) => overlaps(f, m.range))) shared++;
      else onlyTheirs.set(m.messageId, (onlyTheirs.get(m.messageId) ?? 0) + 1);
    }
    for (const f of ours) {
      if (!flagged.some((m) => overlaps(f, m.range)))
        onlyOurs.set(f.ruleId, (onlyOurs.get(f.ruleId) ?? 0) + 1);
    }
  }
  console.log(
    `agreement on the sample: secretlint messages the engine also reports ${shared} of ${messages}; ` +
      `secretlint only: ${tally(onlyTheirs)}; engine secret findings secretlint does not report: ${tally(onlyOurs)}`,
  );
}
