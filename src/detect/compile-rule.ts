// From a validated rule (plain data) to what the engine runs. Kept apart from the file loader so pool workers
// compile the rules the main thread read and validated, without parsing YAML again.
import { compileColumn, type CompiledColumn } from './columns.ts';
import { maxMatchLength } from './regex-shape.ts';
import type { AllowlistSpec, RuleSpec } from './rule-schema.ts';

/** Characters scanned on each side of a keyword when a regex has no upper bound on its length. */
export const UNBOUNDED_REACH = 4096;

/** A rule as read and validated from its file: structured-cloneable, so it can be sent to worker threads. */
export interface RuleSource {
  spec: RuleSpec;
  /** Path relative to the rules directory, e.g. `secret/github-pat-classic.yaml`. */
  file: string;
  /** The file's text, for the ruleset hash. */
  text: string;
  /** rules/allowlist.yaml, applied to every rule. */
  globalAllowlist: AllowlistSpec;
  /** Text of rules/allowlist.yaml, for the ruleset hash. */
  allowlistText: string;
}

export interface CompiledAllowlist {
  /** Lower-cased exact values. */
  values: ReadonlySet<string>;
  patterns: readonly RegExp[];
  /** Lower-case words that, on the value's line, mark it as illustrative. */
  nearby: readonly string[];
}

export interface CompiledRule extends RuleSource {
  /** Global flags for scanning, with match indices. */
  pattern: RegExp;
  /** The same pattern, sticky: re-checks a candidate found in a window against the whole text. */
  sticky: RegExp;
  /** How far from a keyword hit a match can extend, in code units; sizes the scan windows. */
  reach: number;
  /** The table column the rule also reads values from, if it declares one. */
  column: CompiledColumn | undefined;
  /** Global allowlist merged with the rule's own. */
  allow: CompiledAllowlist;
  /** Set on the case-insensitive twin of a `lower-case` rule (lowerCaseTwin). */
  lowerCaseTwin?: true;
}

function compileAllowlist(global: AllowlistSpec, own: AllowlistSpec): CompiledAllowlist {
  return {
    values: new Set([...global.values, ...own.values].map((v) => v.toLowerCase())),
    patterns: [...global.patterns, ...own.patterns].map((p) => new RegExp(p, 'i')),
    nearby: [...new Set([...global.nearby, ...own.nearby])],
  };
}

export function compileRule(source: RuleSource): CompiledRule {
  const { spec } = source;
  const length = maxMatchLength(spec.regex, spec.flags);
  const contextReach = spec.context?.required ? spec.context.window : 0;
  return {
    ...source,
    pattern: new RegExp(spec.regex, `gd${spec.flags}`),
    sticky: new RegExp(spec.regex, `yd${spec.flags}`),
    reach: (Number.isFinite(length) ? length : UNBOUNDED_REACH) + contextReach,
    column: spec.column && compileColumn(spec.column, spec.flags),
    allow: compileAllowlist(source.globalAllowlist, spec.allowlist),
  };
}

/**
 * The case-insensitive twin of a `lower-case` rule. It reports only values typed (partly) in lower case, which need
 * a context word or their own field (evaluate.ts), so the engine runs it only where those can be (rule-plan.ts),
 * while the rule itself matches upper case everywhere at the cost it always had.
 */
export function lowerCaseTwin(rule: CompiledRule): CompiledRule {
  const flags = `${rule.spec.flags}i`;
  return {
    ...rule,
    pattern: new RegExp(rule.spec.regex, `gd${flags}`),
    sticky: new RegExp(rule.spec.regex, `yd${flags}`),
    lowerCaseTwin: true,
  };
}

/** The plain-data part of a compiled rule, to send to a worker thread. */
export function sourceOf({ spec, file, text, globalAllowlist, allowlistText }: RuleSource): RuleSource {
  return { spec, file, text, globalAllowlist, allowlistText };
}
