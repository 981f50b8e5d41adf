// Where each rule's regex runs, given the confidence threshold. A rule with keywords runs only around them (they
// are necessary conditions of its matches). A rule without keywords whose format alone is worth less than the
// threshold can only be reported with help: a context word nearby, or the value standing alone in its field. So it
// runs only around its context words and over texts short enough to be one value; its findings are the same as a
// run over the whole text, minus values the threshold would drop anyway.
import type { PreparedRule } from './evaluate.ts';
import { LOWER_CASE_CAP } from './evaluate.ts';
import { STANDALONE_BOOST } from './standalone.ts';

export interface RulePlan {
  prepared: PreparedRule;
  /** Words whose hits open scan windows: the rule's keywords, or its context words when only they lift it. */
  words: readonly string[];
  /** The words are context words, which count only at the start of a word. */
  contextWords: boolean;
  /** How far from a word hit a match can reach, in code units. */
  reach: number;
  /** Runs over every text. */
  whole: boolean;
  /** Runs over texts whose standalone values fit its longest match (they get STANDALONE_BOOST). */
  standalone: boolean;
}

/** The plan for one rule at `minConfidence`; `prefilter: false` runs every rule over every text. */
export function planRule(prepared: PreparedRule, minConfidence: number, prefilter: boolean): RulePlan {
  const { spec, reach } = prepared.rule;
  const plan = { prepared, words: [], contextWords: false, reach, whole: false, standalone: false };
  if (!prefilter) return { ...plan, whole: true };
  if (spec.keywords.length > 0) return { ...plan, words: spec.keywords };
  // A lower-case value is worth at most LOWER_CASE_CAP without a context word or its own field.
  const alone = prepared.rule.lowerCaseTwin ? Math.min(spec.confidence, LOWER_CASE_CAP) : spec.confidence;
  if (alone >= minConfidence) return { ...plan, whole: true };
  const context = spec.context;
  const boost = context ? context.boost : 0;
  return {
    ...plan,
    words: context && spec.confidence + boost >= minConfidence ? context.words : [],
    contextWords: true,
    reach: reach + (context?.window ?? 0),
    // A context word inside a lone value (or its quotes) lifts it too, so both lifts count here.
    standalone: !context?.required && spec.confidence + STANDALONE_BOOST + boost >= minConfidence,
  };
}

/**
 * True when the rule runs on a text without any word hit: always, or because the text may be a lone value.
 * `loneLength` is the text's standaloneLength, computed once per text.
 */
export function runsWithoutWords(plan: RulePlan, loneLength: number): boolean {
  return plan.whole || (plan.standalone && loneLength <= plan.prepared.rule.reach);
}
