// Where a rule's regex runs: only in windows around its keyword hits. A keyword lies inside every match (or
// inside the required context window), so a window reaching `rule.reach` characters beyond each hit covers
// every match that contains it. Matches found in a window slice are re-checked at the same offset against the
// whole text with the sticky twin of the pattern, so slice edges never invent or truncate a match.
import type { CompiledRule } from './compile-rule.ts';

export type MatchVisitor = (match: RegExpExecArray) => void;

/** Merged [start, end) windows, flat, from keyword hits given flat as [start, end] in order of `end`. */
export function mergeWindows(hits: readonly number[], reach: number, textLength: number): number[] {
  const windows: number[] = [];
  for (let i = 0; i < hits.length; i += 2) {
    // One extra character each side lets \b and one-character lookbehinds see the real neighbour.
    const start = Math.max(0, hits[i + 1]! - reach - 1);
    const end = Math.min(textLength, hits[i]! + reach + 1);
    const last = windows.length - 1;
    if (last > 0 && start <= windows[last]!) windows[last] = Math.max(windows[last]!, end);
    else windows.push(start, end);
  }
  return windows;
}

/** Every match of the rule in the whole text (no prefilter). */
export function scanWhole(rule: CompiledRule, text: string, visit: MatchVisitor): void {
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) pattern.lastIndex++;
    visit(match);
  }
}

/** Every match of the rule that starts inside one of the windows, verified against the whole text. */
export function scanWindows(
  rule: CompiledRule,
  text: string,
  windows: readonly number[],
  visit: MatchVisitor,
): void {
  const { pattern, sticky } = rule;
  let consumed = 0; // a verified match may run past its window; the next window resumes after it
  for (let w = 0; w < windows.length; w += 2) {
    const offset = windows[w]!;
    const end = windows[w + 1]!;
    if (end <= consumed) continue;
    const slice = text.slice(offset, end);
    pattern.lastIndex = Math.max(0, consumed - offset);
    for (let local = pattern.exec(slice); local; local = pattern.exec(slice)) {
      sticky.lastIndex = offset + local.index;
      const match = sticky.exec(text);
      if (!match) {
        pattern.lastIndex = local.index + 1; // an edge artefact: look again one character later
        continue;
      }
      const matchEnd = sticky.lastIndex;
      consumed = matchEnd === match.index ? matchEnd + 1 : matchEnd;
      visit(match);
      if (consumed >= end) break;
      pattern.lastIndex = consumed - offset;
    }
  }
}
