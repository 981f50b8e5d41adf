// Confidence, not silent drops: a value whose format alone is ambiguous is reported with the evidence it has
// (format only, standing alone in its field or in a list of values, a context word, typed in lower case), and the
// threshold decides. The rule plan runs such
// rules only where they can pass the threshold, which must change no finding (prefilter on = prefilter off).
import { describe, expect, it } from 'vitest';
import { createDetector, DEFAULT_MIN_CONFIDENCE } from '../../src/detect/engine.ts';
import { lowerCaseTwin } from '../../src/detect/compile-rule.ts';
import { NEARBY_PENALTY, prepareRule } from '../../src/detect/evaluate.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { planRule } from '../../src/detect/rule-plan.ts';
import { VALIDATORS } from '../../src/detect/validators/index.ts';

const rules = loadRules('test/fixtures/rules-confidence');
const key = Buffer.alloc(32, 8);
const ID = 'Q482913';
const OTHER_ID = 'Q739104';
const CODE = 'K7305M';

function findingsOf(ruleId: string, text: string, minConfidence?: number) {
  return createDetector(rules, { key, minConfidence })
    .scan(text)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ confidence: f.confidence, explanation: f.explanation }));
}

const ambiguous = (text: string, minConfidence?: number) =>
  findingsOf('fixture-ambiguous-id', text, minConfidence);

describe('confidence from evidence', () => {
  it.each([
    ['format only, default threshold', `order ${ID} shipped`, undefined, []],
    ['format only, threshold 0', `order ${ID} shipped`, 0, [{ confidence: 0.25, explanation: 'pattern' }]],
    ['alone in its field', ID, undefined, [{ confidence: 0.45, explanation: 'pattern; standalone value' }]],
    ['alone, quoted, with blank lines', `\n "${ID}" \n`, undefined, [{ confidence: 0.45 }]],
    ['alone, but the threshold is higher', ID, 0.5, []],
    ['with a context word', `ref ${ID} shipped`, undefined, [{ confidence: 0.75 }]],
    ['with a context word out of the window', `ref ${'.'.repeat(40)} ${ID}`, undefined, []],
    ['with the context word inside another word', `preference ${ID} shipped`, undefined, []],
    [
      'listed with another value',
      `${ID}, ${OTHER_ID}`,
      undefined,
      [{ explanation: 'pattern; listed value' }, {}],
    ],
    ['listed in brackets and pipes', `[${OTHER_ID} | ${ID}]`, undefined, [{ confidence: 0.45 }, {}]],
    ['next to digit groups, which are one number, not a list', `${ID} 4821 7730`, undefined, []],
    ['next to a word, not in a list', `${ID} ${OTHER_ID} shipped`, undefined, []],
    ['in a list too long to be a field', `${ID} ${'7 '.repeat(100)}`, undefined, []],
  ])('%s', (_name, text, minConfidence, expected) => {
    expect(ambiguous(text, minConfidence)).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it.each([
    ['upper case in running text', `shipped ${CODE} today`, [{ confidence: 0.7, explanation: 'pattern' }]],
    [
      'lower case in running text, capped below the threshold',
      `shipped ${CODE.toLowerCase()} today`,
      [{ confidence: 0.3, explanation: 'pattern; lower case without context' }],
    ],
    ['lower case with a context word', `code ${CODE.toLowerCase()}`, [{ confidence: 0.8 }]],
    ['lower case alone in its field', CODE.toLowerCase(), [{ confidence: 0.9 }]],
    ['lower case listed with another value', `${CODE.toLowerCase()} k1234b`, [{ confidence: 0.9 }, {}]],
  ])('a format written in upper case, %s', (_name, text, expected) => {
    expect(findingsOf('fixture-upper-code', text, 0)).toEqual(
      expected.map((e) => expect.objectContaining(e)),
    );
  });

  it('documents the default threshold the commands use', () => {
    expect(DEFAULT_MIN_CONFIDENCE).toBe(0.4);
  });
});

describe('rule plan', () => {
  const prepared = prepareRule(
    rules.find((r) => r.spec.id === 'fixture-ambiguous-id')!,
    VALIDATORS,
  );
  it.each([
    [0, { whole: true, standalone: false, words: [] }],
    [0.4, { whole: false, standalone: true, words: ['member ref', 'ref'] }],
    [0.75, { whole: false, standalone: true, words: ['member ref', 'ref'] }],
    [0.9, { whole: false, standalone: true, words: [] }],
    [0.96, { whole: false, standalone: false, words: [] }],
  ])('at threshold %f', (minConfidence, expected) => {
    expect(planRule(prepared, minConfidence, true)).toMatchObject(expected);
  });

  // The upper-case rule runs everywhere; its lower-case twin only where a lower-case value can pass.
  const upper = rules.find((r) => r.spec.id === 'fixture-upper-code')!;
  it.each([
    [0.3, { whole: true }, { whole: true }],
    [0.4, { whole: true }, { whole: false, standalone: true, words: ['code'] }],
    [0.85, { whole: false, standalone: true }, { whole: false, standalone: true, words: [] }],
  ])('a lower-case rule and its twin at threshold %f', (minConfidence, own, twin) => {
    expect(planRule(prepareRule(upper, VALIDATORS), minConfidence, true)).toMatchObject(own);
    expect(planRule(prepareRule(lowerCaseTwin(upper), VALIDATORS), minConfidence, true)).toMatchObject(twin);
  });

  const texts = [
    ID,
    ` (${ID}) `,
    `order ${ID} shipped`,
    `member ref ${ID}, ref ${ID}; ${'x'.repeat(200)} ${ID}`,
    `REF:${ID}`,
    `preference ${ID}`,
    `${ID} ${ID}`,
    `${ID}; ${OTHER_ID}`,
    `(${CODE.toLowerCase()}, ${CODE})`,
    `shipped ${CODE.toLowerCase()}`,
  ];
  it.each([0, 0.3, DEFAULT_MIN_CONFIDENCE, 0.7, 1])('finds the same values at threshold %f', (min) => {
    const planned = createDetector(rules, { key, minConfidence: min });
    const everywhere = createDetector(rules, { key, minConfidence: min, prefilter: false });
    for (const text of texts) expect(planned.scan(text)).toEqual(everywhere.scan(text));
  });
});

describe('a nearby word never drops a secret', () => {
  it('every secret rule starts high enough to stay above the threshold after the nearby-word penalty', () => {
    const low = loadRules('rules')
      .filter((r) => r.spec.category === 'secret')
      .filter((r) => r.spec.confidence - NEARBY_PENALTY < DEFAULT_MIN_CONFIDENCE)
      .map((r) => `${r.spec.id} ${r.spec.confidence}`);
    expect(low).toEqual([]);
  });
});
