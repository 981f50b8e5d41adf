// Some formats are identifiers only where the text says so (a bare 9-digit number is a passport number next to
// the word "passport"): validators of such forms ask whether a word occurs near the value.
import type { ValidatorContext } from './index.ts';

/** True when `words` matches within `reach` characters before or after the value. */
export function saysNearby(context: ValidatorContext, words: RegExp, reach = 60): boolean {
  const around = context.text.slice(Math.max(0, context.start - reach), context.end + reach);
  return words.test(around);
}
