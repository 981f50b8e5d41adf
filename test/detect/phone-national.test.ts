// Phone numbers by country: the number's own +code, or a country named nearby; fictional ranges and
// look-alikes (versions, builds, thread ids) are not phones. Numbers are random digits in each plan's layout.
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { VALIDATORS } from '../../src/detect/validators/index.ts';
import { REGION_WORDS } from '../../src/detect/validators/phone-regions.ts';

const rules = loadRules();
const detector = createDetector(rules, { key: Buffer.alloc(32, 6), categories: ['pii'] });

const phoneRules = (text: string): string[] =>
  detector
    .scan(text)
    .filter((f) => f.ruleId.startsWith('phone-'))
    .map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`);

describe('phone numbers by country', () => {
  it.each([
    ['Israeli landline', 'My Israeli number is 09-7625318', ['phone-national 09-7625318']],
    ['Japanese mobile', 'Japanese mobile: 090-4417-2286', ['phone-national 090-4417-2286']],
    ['Chinese mobile, no separators', 'her China number 13912784406', ['phone-national 13912784406']],
    ['Brazilian with area code in brackets', 'Brasil: (11) 98456-1273', ['phone-national (11) 98456-1273']],
    ['Australian landline', 'Australian office (02) 9374 4000', ['phone-national (02) 9374 4000']],
    ['no country named', 'the number is 09-7625318', []],
    ['country named, number invalid there', 'Japanese order 13912784406', []],
    ['country named, version before it', 'Japanese build v 090-4417-2286', []],
    ['Australian fictional range', 'Australian office (02) 5550 4000', []],
    [
      'international form names its own country',
      'Call +55 11 98456 1273 today',
      ['phone-international +55 11 98456 1273'],
    ],
    ['NANPA fictional range', 'Call (212) 555-0147 today', []],
    ['Ofcom drama mobile', 'Ring me on 07700 900461', []],
  ])('%s', (_name, text, expected) => {
    expect(phoneRules(text)).toEqual(expected);
  });

  it.each([
    ['Login from thread ', '415-829-4417', false],
    ['Login from ', '415-829-4417', true],
  ])('phone-us %j%j is %s (look-alikes)', (before, value, expected) => {
    const text = before + value;
    const context = { text, start: before.length, end: text.length };
    expect(VALIDATORS['phone-us']!(value, context)).toBe(expected);
  });

  it('opens windows at exactly the country words the validator knows', () => {
    const rule = rules.find((r) => r.spec.id === 'phone-national')!;
    const words = Object.values(REGION_WORDS).flat();
    expect([...rule.spec.keywords].sort()).toEqual([...words].sort());
    expect([...rule.spec.context!.words].sort()).toEqual([...words].sort());
  });
});
