// The checks between a regex match and a Hit (DESIGN.md "Rules"): value group, entropy floor, context words
// (required, or a confidence boost), allowlists (global + rule; values and patterns), placeholders recognised
// from the value (secrets), validator. Each passed check adds a reason; a failed one drops the candidate.
// Evidence that is not a gate raises or lowers the confidence and the threshold decides: a context word or a value
// standing alone in its field (standalone.ts) raises it; an illustrative word near the value ("example",
// "sample") lowers it a little, because the value itself decides whether it is a placeholder, so a word in the
// sentence can neither hide a real key nor be used to; an upper-case format typed in lower case needs one of the
// raising kinds of evidence.
import type { Hit } from './hit.ts';
import type { CompiledRule } from './compile-rule.ts';
import { shannonEntropy } from './entropy.ts';
import { placeholderReason } from './placeholder.ts';
import type { Validator } from './validators/index.ts';
import { STANDALONE_BOOST, standaloneReason } from './standalone.ts';

/** How far the value's line is searched for illustrative words on each side of the value. */
const NEARBY_REACH = 60;
/** Confidence taken off a value with an illustrative word next to it. */
export const NEARBY_PENALTY = 0.15;

/**
 * Confidence at most of a value typed in lower case for a format written in upper case (`lower-case: true`) when
 * neither a context word nor its field vouches for it: below the default threshold, since a lower-case digit run
 * and letter in running text is more often a unit (4194304k), a hash or a variable than an identifier.
 */
export const LOWER_CASE_CAP = 0.3;

export interface PreparedRule {
  rule: CompiledRule;
  validator: Validator | undefined;
  /** Lower-case words on the value's line that suppress it, as whole words. */
  nearby: RegExp | undefined;
  /** Context words, each starting at a word boundary. */
  context: RegExp | undefined;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function wordPattern(words: readonly string[], wholeWord: boolean): RegExp | undefined {
  if (words.length === 0) return undefined;
  const alternatives = words.map(escape).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})${wholeWord ? '(?![\\p{L}\\p{N}])' : ''}`, 'iu');
}

export function prepareRule(rule: CompiledRule, validators: Record<string, Validator>): PreparedRule {
  const name = rule.spec.validator;
  return {
    rule,
    validator: name === undefined ? undefined : validators[name],
    nearby: wordPattern(rule.allow.nearby, true),
    context: wordPattern(rule.spec.context?.words ?? [], false),
  };
}

function isAllowlisted(prepared: PreparedRule, value: string): boolean {
  const { allow } = prepared.rule;
  if (allow.values.has(value.toLowerCase())) return true;
  return allow.patterns.some((pattern) => pattern.test(value));
}

/** An illustrative word on the value's line, close to it, if any. */
function nearbyWord(prepared: PreparedRule, text: string, start: number, end: number): string | undefined {
  if (!prepared.nearby) return undefined;
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - NEARBY_REACH);
  const newline = text.indexOf('\n', end);
  const lineEnd = Math.min(newline < 0 ? text.length : newline, end + NEARBY_REACH);
  return prepared.nearby.exec(text.slice(lineStart, lineEnd))?.[0].toLowerCase();
}

function contextWord(prepared: PreparedRule, text: string, start: number, end: number): string | undefined {
  const context = prepared.rule.spec.context;
  if (!context || !prepared.context) return undefined;
  const around = text.slice(Math.max(0, start - context.window), Math.min(text.length, end + context.window));
  return prepared.context.exec(around)?.[0].toLowerCase();
}

/** Turns one regex match into a Hit, or undefined when a check rejects it. */
export function evaluateMatch(prepared: PreparedRule, text: string, match: RegExpExecArray): Hit | undefined {
  const span = match.indices?.[prepared.rule.spec.group];
  if (!span || span[1] <= span[0]) return undefined;
  const { keywords } = prepared.rule.spec;
  // Most candidates come from keyword-less rules: no lower-cased copy of every match for them.
  const matched = keywords.length > 0 ? match[0].toLowerCase() : '';
  const keyword = keywords.find((word) => matched.includes(word));
  return evaluateValue(
    prepared,
    text,
    span[0],
    span[1],
    keyword === undefined ? 'pattern' : `keyword ${keyword}`,
  );
}

/** The checks on a candidate value at text[start, end); `found` says how it was found (the first reason). */
export function evaluateValue(
  prepared: PreparedRule,
  text: string,
  start: number,
  end: number,
  found: string,
): Hit | undefined {
  const { spec, lowerCaseTwin } = prepared.rule;
  const value = text.slice(start, end);
  // Upper-case values of a lower-case rule are the rule's own; its twin reports the rest.
  if (lowerCaseTwin && value === value.toUpperCase()) return undefined;
  const reasons = [found];
  if (spec.entropy !== undefined) {
    const entropy = shannonEntropy(value);
    if (entropy < spec.entropy) return undefined;
    reasons.push(`entropy ${entropy.toFixed(1)}`);
  }
  // Every check is a gate, so their order only matters for speed: validators (some call recognizers-text)
  // run last, after the cheap context and allowlist checks.
  const word = contextWord(prepared, text, start, end);
  if (word === undefined && spec.context?.required) return undefined;
  if (isAllowlisted(prepared, value)) return undefined;
  if (spec.category === 'secret' && placeholderReason(value) !== undefined) return undefined;
  if (prepared.validator) {
    if (!prepared.validator(value, { text, start, end })) return undefined;
    reasons.push(`validator ${spec.validator}`);
  }
  let confidence = spec.confidence;
  if (word !== undefined) {
    confidence += spec.context!.boost;
    reasons.push(`context: ${word}`);
  }
  const standalone = standaloneReason(text, start, end);
  if (standalone !== undefined) {
    confidence += STANDALONE_BOOST;
    reasons.push(standalone);
  }
  const illustrative = nearbyWord(prepared, text, start, end);
  if (illustrative !== undefined) {
    confidence -= NEARBY_PENALTY;
    reasons.push(`nearby: ${illustrative}`);
  }
  if (lowerCaseTwin && word === undefined && standalone === undefined) {
    confidence = Math.min(confidence, LOWER_CASE_CAP);
    reasons.push('lower case without context');
  }
  confidence = Math.min(1, Math.max(0, confidence));
  return {
    ruleId: spec.id,
    category: spec.category,
    severity: spec.severity,
    confidence: Math.round(confidence * 100) / 100,
    start,
    end,
    reasons,
  };
}
