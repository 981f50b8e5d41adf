// Where scan time goes: the engine with no rules (keyword automaton, PHI pass), each category's rules alone,
// and each rule alone minus the empty engine. Tells engine and rule authors what to make cheaper.

import type { CompiledRule } from '../src/detect/compile-rule.ts';
import { createDetector } from '../src/detect/engine.ts';
import { CATEGORIES, type Category } from '../src/types.ts';
import { median } from './bench-format.ts';
import { MB, totalChars, type BenchDoc } from './corpus.ts';

export interface RuleCost {
  ruleId: string;
  /** CPU milliseconds per MB of text added by this rule. */
  msPerMb: number;
}

export interface RuleCosts {
  /** CPU ms per MB of an engine with no rules: the fixed cost every scan pays. */
  baseline: number;
  /** CPU ms per MB of an engine with all rules, and with each category's rules only. */
  all: number;
  byCategory: Record<Category, number>;
  /** All rules, most expensive first. */
  rules: RuleCost[];
}

/** CPU time rather than wall time, so other jobs on the machine do not inflate it. */
function msPerMb(
  rules: readonly CompiledRule[],
  docs: readonly BenchDoc[],
  key: Buffer,
  reps: number,
): number {
  const detector = createDetector(rules, { key });
  const mb = totalChars(docs) / MB;
  const runs = Array.from({ length: reps }, () => {
    const started = process.cpuUsage();
    for (const doc of docs) detector.scan(doc.text);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / mb;
  });
  return median(runs);
}

export function ruleCosts(
  rules: readonly CompiledRule[],
  docs: readonly BenchDoc[],
  key: Buffer,
  reps = 3,
): RuleCosts {
  // All rules first: measured cold, the empty engine's figure came out above most single rules' (JIT warm-up),
  // which zeroed every rule's cost.
  const all = msPerMb(rules, docs, key, reps);
  const baseline = msPerMb([], docs, key, reps);
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      msPerMb(
        rules.filter((r) => r.spec.category === c),
        docs,
        key,
        reps,
      ),
    ]),
  ) as Record<Category, number>;
  const costs = rules
    .map((rule) => ({
      ruleId: rule.spec.id,
      msPerMb: Math.max(0, msPerMb([rule], docs, key, reps) - baseline),
    }))
    .sort((a, b) => b.msPerMb - a.msPerMb);
  return { baseline, all, byCategory, rules: costs };
}
