// Every rule's regex, without the keyword prefilter (so it sees every character), must get through 100 KB of
// its own near-matches in 50 ms. Catastrophic backtracking turns this into seconds. Validators are left out:
// their cost is a throughput question for bench:detect, not a backtracking one.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.ts';
import { scanWhole } from '../../src/detect/windows.ts';
import { adversarialText } from './adversarial.ts';

const BUDGET_MS = 50;
const rules = loadRules();

function fastestScanMs(scan: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    scan();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('adversarial near-matches', () => {
  it('builds at least 100 KB per rule', () => {
    for (const rule of rules) expect(adversarialText(rule).length).toBeGreaterThanOrEqual(100_000);
  });

  it.each(rules.map((rule) => ({ id: rule.spec.id, rule })))(
    `$id scans them in under ${BUDGET_MS} ms`,
    ({ rule }) => {
      const text = adversarialText(rule);
      let matches = 0;
      expect(fastestScanMs(() => scanWhole(rule, text, () => matches++))).toBeLessThan(BUDGET_MS);
    },
  );
});
