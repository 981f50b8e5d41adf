// US driver's licence numbers. Formats differ per state (AAMVA DL/ID card design standard, state DMV pages);
// when the surrounding text names a state, the value must fit that state's format, otherwise a generic shape.
import type { ValidatorContext } from './index.ts';

const STATE_FORMATS: readonly { names: RegExp; format: RegExp }[] = [
  { names: /\b(?:california|CA)\b/, format: /^[A-Z]\d{7}$/ },
  { names: /\b(?:new york|NY)\b/, format: /^(?:\d{8,9}|[A-Z]\d{7}|[A-Z]\d{18})$/ },
  { names: /\b(?:texas|TX)\b/, format: /^\d{7,8}$/ },
  { names: /\b(?:florida|FL)\b/, format: /^[A-Z]\d{12}$/ },
  { names: /\b(?:illinois|IL)\b/, format: /^[A-Z]\d{11,12}$/ },
  { names: /\b(?:pennsylvania|PA)\b/, format: /^\d{8}$/ },
  { names: /\b(?:new jersey|NJ)\b/, format: /^[A-Z]\d{14}$/ },
  { names: /\b(?:michigan|MI)\b/, format: /^[A-Z]\d{10}(?:\d{2})?$/ },
  { names: /\b(?:ohio|OH)\b/, format: /^(?:[A-Z]{2}\d{6}|[A-Z]\d{4,8}|\d{8})$/ },
  { names: /\b(?:washington|WA)\b/, format: /^(?:WDL[A-Z0-9]{9}|[A-Z*]{7}\d{3}[A-Z0-9]{2})$/ },
  { names: /\b(?:georgia|GA)\b/, format: /^\d{7,9}$/ },
  { names: /\b(?:massachusetts|MA)\b/, format: /^(?:[A-Z]\d{8}|\d{9})$/ },
];

// Without a state: 5-15 letters/digits, at least four digits (licence numbers are mostly numeric).
const GENERIC_FORMAT = /^(?=(?:[^\d]*\d){4})[A-Z0-9*]{5,15}$/;

const STATE_WINDOW = 100;

export function isUsDriverLicence(value: string, context: ValidatorContext): boolean {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  const around = context.text.slice(Math.max(0, context.start - STATE_WINDOW), context.end + STATE_WINDOW);
  const named = STATE_FORMATS.filter((state) => state.names.test(around.replace(/\b[a-z]+\b/gi, caseFold)));
  if (named.length === 0) return GENERIC_FORMAT.test(compact);
  return named.some((state) => state.format.test(compact));
}

// State names match case-insensitively, postal codes only in capitals ("in", "or", "me" are words).
function caseFold(word: string): string {
  return word.length === 2 ? word : word.toLowerCase();
}
