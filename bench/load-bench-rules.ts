// Benchmarks report rule problems and stop quietly: their figures are read by people, never gated on.

import type { CompiledRule } from '../src/detect/compile-rule.ts';
import { loadRules } from '../src/detect/load-rules.ts';

export function loadRulesOrExplain(): CompiledRule[] | undefined {
  try {
    return loadRules();
  } catch (error) {
    console.log(`Cannot load rules; fix these first:\n${(error as Error).message}`);
    return undefined;
  }
}
