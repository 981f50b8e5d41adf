// The health-context pass: PHI only when health information and a personal identifier share one field.
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/detect/hit.ts';
import { derivePhiHits, PHI_HEALTH_CONTEXT } from '../../src/detect/phi.ts';
import { createHealthTermMatcher, healthTermMatcher } from '../../src/detect/health-terms.ts';
import type { Category } from '../../src/types.ts';

/** A rule-pass hit on the first occurrence of `value` in `text`. */
function hitOn(text: string, value: string, ruleId: string, category: Category = 'pii'): Hit {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`fixture value missing from its text`);
  return {
    ruleId,
    category,
    severity: 'medium',
    confidence: 0.7,
    start,
    end: start + value.length,
    reasons: [],
  };
}

describe('derivePhiHits', () => {
  it.each([
    {
      name: 'email with a medication',
      text: 'Please email anna.berg@korvo-mail.se about her metformin refill',
      hit: ['anna.berg@korvo-mail.se', 'email'],
      reasons: ['health term: metformin', 'identifier: email'],
    },
    {
      name: 'phone with a diagnosis',
      text: 'Caller +44 20 7946 0958 says the type 2 diabetes clinic moved',
      hit: ['+44 20 7946 0958', 'phone-international'],
      reasons: ['health term: type 2 diabetes', 'identifier: phone-international'],
    },
    {
      name: 'MRN with a lab term',
      text: 'MRN 00482913: HbA1c came back at 9.1',
      hit: ['00482913', 'medical-record-number', 'phi'],
      reasons: ['health term: hba1c', 'identifier: medical-record-number'],
    },
    {
      name: 'date of birth with an ICD-10 code and no listed term',
      text: 'DOB 03/12/1985, coded J45.909 at triage',
      hit: ['03/12/1985', 'date-of-birth'],
      extra: ['J45.909', 'icd10-cm', 'phi'],
      reasons: ['clinical code: icd10-cm', 'identifier: date-of-birth'],
    },
  ])('$name yields one PHI hit on the identifier', ({ text, hit, extra, reasons }) => {
    const [value, ruleId, category] = hit as [string, string, Category | undefined];
    const hits = [hitOn(text, value, ruleId, category ?? 'pii')];
    if (extra) hits.push(hitOn(text, extra[0]!, extra[1]!, extra[2] as Category));
    const phi = derivePhiHits(text, hits);
    expect(phi).toHaveLength(1);
    expect(phi[0]).toMatchObject({
      ruleId: PHI_HEALTH_CONTEXT.ruleId,
      category: 'phi',
      severity: 'high',
      start: hits[0]!.start,
      end: hits[0]!.end,
      reasons,
    });
  });

  it.each([
    ['Patient: Jane Roe was started on insulin', 'Jane Roe'],
    ['patient Ali Khan Mirza, post appendectomy', 'Ali Khan Mirza'],
    ["Patient's name - Mrs. Ines Duarte; chemotherapy cycle 2", 'Ines Duarte'],
    ['Patient: João Müller, currently on albuterol', 'João Müller'],
  ])('a name in patient context counts as an identifier: %s', (text, name) => {
    const phi = derivePhiHits(text, []);
    expect(phi.map((h) => text.slice(h.start, h.end))).toEqual([name]);
    expect(phi[0]?.reasons.at(-1)).toBe('identifier: patient name');
  });

  it.each([
    ['a lone medical word', 'The insulin pump firmware needs a rebuild', []],
    [
      'an identifier without health information',
      'Email anna.berg@korvo-mail.se the deploy log',
      ['anna.berg@korvo-mail.se', 'email'],
    ],
    [
      'a public IP next to a medication',
      'Requests from 81.214.37.190 mention warfarin',
      ['81.214.37.190', 'ipv4-public'],
    ],
    ['a provider NPI with a medication', 'NPI 1555007651 prescribed morphine', ['1555007651', 'npi', 'phi']],
    ['a product name after "patient"', 'Patient Portal Login fails for insulin users', []],
    [
      'engineering acronyms',
      'ICU collation and CBC mode; contact anna.berg@korvo-mail.se',
      ['anna.berg@korvo-mail.se', 'email'],
    ],
    [
      'a term inside a longer word',
      'The metforminator service mailed anna.berg@korvo-mail.se',
      ['anna.berg@korvo-mail.se', 'email'],
    ],
  ])('no PHI for %s', (_name, text, hit) => {
    const [value, ruleId, category] = hit as string[];
    const hits = value && ruleId ? [hitOn(text, value, ruleId, (category ?? 'pii') as Category)] : [];
    expect(derivePhiHits(text, hits)).toEqual([]);
  });

  it('emits one hit per identifier and takes the higher confidence', () => {
    const text = 'Asthma follow-up: anna.berg@korvo-mail.se, +44 20 7946 0958';
    const hits = [
      hitOn(text, 'anna.berg@korvo-mail.se', 'email'),
      hitOn(text, '+44 20 7946 0958', 'phone-international'),
    ];
    hits[1]!.confidence = 0.95;
    const phi = derivePhiHits(text, hits);
    expect(phi.map((h) => [h.start, h.confidence])).toEqual([
      [hits[0]!.start, PHI_HEALTH_CONTEXT.confidence],
      [hits[1]!.start, 0.95],
    ]);
  });
});

describe('health term matcher', () => {
  const matcher = createHealthTermMatcher([
    'diabetes',
    'type 2 diabetes',
    'self-harm',
    "crohn's disease",
    'insulin',
  ]);

  it.each([
    ['Type 2 Diabetes since 2019', ['type 2 diabetes']],
    ['history of self-harm and self harm', ['self-harm']],
    ["Crohn's disease flare", ["crohn's disease"]],
    ['INSULIN dose', ['insulin']],
    ['type 2, diabetes', ['diabetes']],
    ['type 2 diabetes and later diabetes again', ['type 2 diabetes', 'diabetes']],
    ['insulinoma and proinsulin', []],
  ])('finds whole terms in %j', (text, expected) => {
    expect(matcher.find(text)).toEqual(expected);
  });

  it('stops at the limit', () => {
    expect(matcher.find('insulin; type 2 diabetes; self-harm', 2)).toEqual(['insulin', 'type 2 diabetes']);
  });

  it.each(['stroke', 'virus', 'icu', 'cbc', 'psa', 'hdl', 'diagnosis', 'aids'])(
    'the shipped list leaves out the engineering-ambiguous word %s',
    (word) => {
      expect(healthTermMatcher().find(`the ${word} here`)).toEqual([]);
    },
  );
});
