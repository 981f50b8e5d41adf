// National phone numbers valid in two numbering plans (UK mobiles 07xxx are German landlines too) must be
// reported under the rule of the country whose format they are written in. Numbers are random digits in the
// documented national layouts (Ofcom for the UK, Bundesnetzagentur for Germany).
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { createRng, DIGITS } from '../../src/synth/rng.ts';

const detector = createDetector(loadRules(), { key: Buffer.alloc(32, 5), categories: ['pii'] });
const rng = createRng(44_49);
const digits = (n: number): string => rng.chars(DIGITS, n);

const UK_LAYOUTS: [string, () => string][] = [
  ['London 020 xxxx xxxx', () => `020 7${digits(3)} ${digits(4)}`],
  ['Manchester 0161 xxx xxxx', () => `0161 ${rng.int(2, 9)}${digits(2)} ${digits(4)}`],
  ['Cambridge 01223 xxxxxx', () => `01223 ${rng.int(2, 9)}${digits(5)}`],
  [
    'mobile 07xxx xxxxxx',
    () => `07${rng.pick(['4', '5', '7', '8', '9'])}${rng.int(1, 9)}${digits(1)} ${rng.int(1, 9)}${digits(5)}`,
  ],
  ['freephone 0800 xxx xxxx', () => `0800 ${rng.int(2, 9)}${digits(2)} ${digits(4)}`],
];
const DE_LAYOUTS: [string, () => string][] = [
  ['Berlin 030 xxxxxxxx', () => `030 ${rng.int(2, 9)}${digits(7)}`],
  ['Munich (089) xxxx-xxx', () => `(089) ${rng.int(2, 9)}${digits(3)}-${digits(3)}`],
  ['mobile 0151 xxxxxxxx', () => `0151 ${rng.int(2, 9)}${digits(7)}`],
  ['mobile 0176 xxxxxxxx', () => `0176 ${rng.int(2, 9)}${digits(7)}`],
];
const ENGLISH = [
  'Please call back on {v} after 3pm.',
  'Reporter left a mobile number: {v}',
  'tel: {v} (site manager)',
];
const GERMAN = ['Telefon: {v}, Sprechzeiten Mo-Fr', 'Bitte Rückruf unter {v}', 'Handy {v} (nur SMS)'];

/** Each layout, five random numbers, each in every sentence. */
function cases(layouts: [string, () => string][], sentences: string[]): [string, string, string][] {
  return layouts.flatMap(([layout, make]) =>
    Array.from({ length: 5 }, make).flatMap((value) =>
      sentences.map((s): [string, string, string] => [layout, s.replace('{v}', value), value]),
    ),
  );
}

function ruleOf(text: string, value: string): string | undefined {
  const start = text.indexOf(value);
  return detector.scan(text).find((f) => f.start === start && f.end === start + value.length)?.ruleId;
}

describe('national phone attribution', () => {
  it.each(cases(UK_LAYOUTS, ENGLISH))('UK %s: %s', (_layout, text, value) => {
    expect(ruleOf(text, value)).toBe('phone-uk');
  });

  it.each(cases(DE_LAYOUTS, [...GERMAN, ...ENGLISH]))('German %s: %s', (_layout, text, value) => {
    expect(ruleOf(text, value)).toBe('phone-germany');
  });
});
