// Engine behaviour on the synthetic rules in test/fixtures/rules-engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector, dedupeHits } from '../../src/detect/engine.ts';
import type { Hit } from '../../src/detect/hit.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import type { Category } from '../../src/types.ts';

const rules = loadRules('test/fixtures/rules-engine');
const key = Buffer.alloc(32, 3);
// Confidence 0: these tests follow the engine's mechanics on fixture rules, not the reporting threshold.
const detector = createDetector(rules, { key, minConfidence: 0 });
const TOKEN = 'tok_Zk3m9QpL2vX8bN4cR7tY1wE6';
const CARD = '5500 0000 0000 0004';

const found = (text: string) =>
  detector.scan(text).map((f) => ({ rule: f.ruleId, value: text.slice(f.start, f.end) }));

describe('offsets', () => {
  it.each([
    ['at the very start', `${TOKEN} trailing`],
    ['at the very end', `leading ${TOKEN}`],
    ['alone', TOKEN],
    ['after astral characters', `😀😀 deploy 🚀 ${TOKEN}`],
    ['after a character whose lower case is longer (İ)', `İİİİ ${TOKEN}`],
    ['far into a long text', `${'lorem ipsum dolor '.repeat(2000)}${TOKEN} end`],
    ['after many keyword hits without a match', `${'tok_ '.repeat(3000)}${TOKEN}`],
    ['with a keyword hit just before it', `tok_tok_ ${TOKEN}`],
  ])('points at the value %s', (_, text) => {
    expect(found(text)).toEqual([{ rule: 'fixture-token', value: TOKEN }]);
  });

  it('finds every value when matches sit in merged and separate windows', () => {
    const near = `${TOKEN} ${TOKEN}`;
    const far = `${'x '.repeat(5000)}${TOKEN}`;
    const text = `${near}\n${far}\n${near}`;
    expect(found(text).map((f) => f.value)).toEqual(Array(5).fill(TOKEN));
  });

  it.each([5000, 9000])('reports a %i-character value that outgrows its window whole', (length) => {
    const value = 'Qw'.repeat(length / 2);
    const text = `${'tok_ '.repeat(100)} blob:${value} blob:QwErTyUiOp`;
    expect(found(text)).toEqual([
      { rule: 'fixture-blob', value },
      { rule: 'fixture-blob', value: 'QwErTyUiOp' },
    ]);
  });

  it('finds keyword-less rules on the whole text', () => {
    expect(found(`paid with ${CARD}, twice: ${CARD}`)).toEqual([
      { rule: 'fixture-card', value: CARD },
      { rule: 'fixture-card', value: CARD },
    ]);
  });
});

describe('checks', () => {
  it.each([
    ['the validator rejects a failed checksum', 'card 5500 0000 0000 0005', []],
    ['the entropy floor rejects a low-entropy value', 'password = aaaaaaaabbbb', []],
    ['a global allowlist value', 'tok_aaaaaaaaaaaaaaaaaaaaaaaa', []],
    ["the rule's own allowlist value", 'tok_Q1w2E3r4T5y6U7i8O9p0A1s2', []],
    ['a global allowlist pattern', 'password = Hq7xxxxkLp2!', []],
    ['a nearby word on another line does not suppress', `example below\n${TOKEN}`, ['fixture-token']],
    ['a nearby word must be a whole word', `counterexamples ${TOKEN}`, ['fixture-token']],
    ['keywords match case-insensitively', 'PASSWORD = Hq7#kLp2!vZ9', ['fixture-password']],
    ['a required context word present', 'acct: 12345678901', ['fixture-account']],
    ['a required context word absent', 'order 12345678901', []],
    ['a required context word outside the window', `account ${'.'.repeat(40)} 12345678901`, []],
  ])('%s', (_, text, rules) => {
    expect(detector.scan(text).map((f) => f.ruleId)).toEqual(rules);
  });

  it.each([
    ['password = Hq7#kLp2!vZ9', 0.6, 'keyword password; entropy 3.6'],
    ['db password = Hq7#kLp2!vZ9', 0.8, 'keyword password; entropy 3.6; context: db'],
    [`example: ${TOKEN}`, 0.65, 'keyword tok_; entropy 4.7; nearby: example'],
    [
      `For example, the prod key ${TOKEN} is used by billing`,
      0.65,
      'keyword tok_; entropy 4.7; nearby: example',
    ],
  ])(
    'context words raise and illustrative words lower confidence, explained: %s',
    (text, confidence, explanation) => {
      expect(detector.scan(text)).toMatchObject([{ confidence, explanation }]);
    },
  );

  it('reports by default what stays at or above the default threshold after an illustrative word', () => {
    const reported = createDetector(rules, { key })
      .scan(`example: blob:QwErTyUiOp\nexample: ${TOKEN}`)
      .map((f) => f.ruleId);
    expect(reported).toEqual(['fixture-token']); // fixture-blob 0.5 - 0.15 is under 0.4; fixture-token 0.8 is not
  });
});

describe('de-duplication', () => {
  it('keeps the more severe of two rules on the same span', () => {
    expect(found(`key: ${TOKEN}_live`)).toEqual([{ rule: 'fixture-long-token', value: `${TOKEN}_live` }]);
  });

  const hit = (
    ruleId: string,
    category: Hit['category'],
    severity: Hit['severity'],
    start: number,
    end: number,
  ) => ({ ruleId, category, severity, confidence: 0.5, start, end, reasons: [] }) satisfies Hit;

  it.each([
    [
      'same span, higher severity wins',
      [hit('a', 'secret', 'low', 0, 10), hit('b', 'secret', 'high', 0, 10)],
      ['b'],
    ],
    [
      'overlap, longer span wins a tie',
      [hit('a', 'pii', 'high', 0, 10), hit('b', 'pii', 'high', 5, 20)],
      ['b'],
    ],
    [
      'touching spans both stay',
      [hit('a', 'pii', 'high', 0, 10), hit('b', 'pii', 'high', 10, 20)],
      ['a', 'b'],
    ],
    ['categories coexist', [hit('a', 'pii', 'high', 0, 10), hit('b', 'phi', 'high', 0, 10)], ['a', 'b']],
  ])('%s', (_, hits, kept) => {
    expect(dedupeHits(hits).map((h) => h.ruleId)).toEqual(kept);
  });
});

describe('de-duplication at scale', () => {
  const arbitraryHit = fc
    .record({
      rule: fc.constantFrom('a', 'b', 'c'),
      category: fc.constantFrom<Category>('secret', 'pii'),
      severity: fc.constantFrom<Hit['severity']>('low', 'high'),
      start: fc.integer({ min: 0, max: 200 }),
      length: fc.integer({ min: 1, max: 30 }),
    })
    .map(({ rule, category, severity, start, length }) => ({
      ruleId: rule,
      category,
      severity,
      confidence: 0.5,
      start,
      end: start + length,
      reasons: [],
    }));

  it('keeps no two overlapping hits of a category, and drops a hit only where a kept one overlaps it', () => {
    fc.assert(
      fc.property(fc.array(arbitraryHit, { maxLength: 80 }), (hits) => {
        const kept = dedupeHits(hits);
        const overlap = (a: Hit, b: Hit) => a.category === b.category && a.start < b.end && b.start < a.end;
        kept.forEach((a, i) => kept.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
        for (const dropped of hits.filter((h) => !kept.includes(h))) {
          expect(kept.some((k) => overlap(k, dropped))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the PHI pass', () => {
  it('adds a health-context finding redacted and fingerprinted like the identifier it spans', () => {
    const text = `Diagnosed with type 2 diabetes; metformin started. Billing card ${CARD}`;
    const [card, phi] = detector.scan(text);
    expect(phi).toMatchObject({
      ruleId: 'phi-health-context',
      category: 'phi',
      start: card!.start,
      end: card!.end,
    });
    expect(phi!.preview).toBe(card!.preview);
    expect(phi!.fingerprint).toBe(card!.fingerprint); // the card rule normalises digits: same key, same value
  });

  it.each<[Category[]]>([[['secret', 'pii']], [['phi']]])(
    'reports health context only when phi is among %o, using pii rules as evidence',
    (categories) => {
      const text = `Diagnosed with type 2 diabetes. Billing card ${CARD}`;
      const ids = createDetector(rules, { key, categories, minConfidence: 0 })
        .scan(text)
        .map((f) => f.ruleId);
      expect(ids).toEqual(categories.includes('pii') ? ['fixture-card'] : ['phi-health-context']);
    },
  );
});

describe('options and output', () => {
  const text = `db password = Hq7#kLp2!vZ9\naccount 12345678901 card ${CARD} ${TOKEN}`;

  it.each([
    [{ categories: ['pii' as const] }, ['fixture-account', 'fixture-card']],
    [{ minConfidence: 0.75 }, ['fixture-password', 'fixture-token']],
  ])('filters with %o', (options, expected) => {
    const ids = createDetector(rules, { key, minConfidence: 0, ...options })
      .scan(text)
      .map((f) => f.ruleId);
    expect(ids.sort()).toEqual(expected);
  });

  it('never carries a raw value, only previews and keyed fingerprints', () => {
    const findings = detector.scan(text);
    expect(findings).toHaveLength(4);
    const serialized = JSON.stringify(findings);
    for (const value of ['Hq7#kLp2!vZ9', '12345678901', CARD, TOKEN]) expect(serialized).not.toContain(value);
    expect(findings.every((f) => /^[0-9a-f]{64}$/.test(f.fingerprint))).toBe(true);
  });

  it('gives the same value the same fingerprint wherever it appears', () => {
    const [a, b] = detector.scan(`${TOKEN}\n${TOKEN}`);
    expect(a!.fingerprint).toBe(b!.fingerprint);
    expect(a!.start).not.toBe(b!.start);
  });
});

describe('evasion', () => {
  const strip = (s: string) =>
    s.replace(/\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g, '').replace(/\u00a0/g, ' ');
  const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  it.each([
    [
      'zero-width characters inside a token',
      `key ${TOKEN.slice(0, 8)}\u200b${TOKEN.slice(8, 15)}\u2060${TOKEN.slice(15)} end`,
      TOKEN,
    ],
    ['soft hyphens inside a token', `key ${TOKEN.slice(0, 10)}\u00ad${TOKEN.slice(10)} end`, TOKEN],
    [
      'an HTML entity inside a token',
      `key ${TOKEN.slice(0, 6)}&#x${TOKEN.charCodeAt(6).toString(16)};${TOKEN.slice(7)} end`,
      TOKEN,
    ],
    ['full-width digits in a card number', `card ${fullWidth(CARD)} paid`, CARD],
    ['non-breaking spaces in a card number', `card ${CARD.replace(/ /g, '\u00a0')} paid`, CARD],
  ])('finds %s, with offsets into the original text', (_name, text, value) => {
    const findings = detector.scan(text);
    expect(findings).toHaveLength(1);
    const span = text.slice(findings[0]!.start, findings[0]!.end);
    const undisguised = strip(span).replace(/&#x([0-9a-f]+);/g, (_, h) =>
      String.fromCharCode(parseInt(h, 16)),
    );
    expect(
      undisguised.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
    ).toBe(value);
    expect(findings[0]!.fingerprint).toBe(detector.scan(`x ${value} y`)[0]!.fingerprint);
  });
});
