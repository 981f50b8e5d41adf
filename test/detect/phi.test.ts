// The PHI pass: one finding per personal identifier that shares a field with health information; identifiers
// the recognisers find (names, dates, places) only inside clinical passages.
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/detect/hit.ts';
import { derivePhiHits, PHI_HEALTH_CONTEXT } from '../../src/detect/phi.ts';
import type { Category } from '../../src/types.ts';
import { CLINICAL_NOTES, ENGINEERING_TEXTS } from './clinical-fixtures.ts';

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

const spans = (text: string, hits: readonly Hit[]) => hits.map((h) => text.slice(h.start, h.end));

describe('identifiers a rule found, with health information in the field', () => {
  it.each([
    {
      text: 'Please email anna.berg@korvo-mail.se about her metformin refill',
      hit: ['anna.berg@korvo-mail.se', 'email'],
      reasons: ['health context: 2 clinical terms (metformin, refill)', 'identifier: email (rule)'],
    },
    {
      text: 'Caller +44 20 7946 0958 says the type 2 diabetes clinic moved',
      hit: ['+44 20 7946 0958', 'phone-international'],
      reasons: ['health context: 1 clinical term (diabetes)', 'identifier: phone-international (rule)'],
    },
    {
      text: 'MRN 00482913: HbA1c came back at 9.1',
      hit: ['00482913', 'medical-record-number', 'phi'],
      reasons: ['health context: 1 clinical term (hba1c)', 'identifier: medical-record-number (rule)'],
    },
    {
      text: 'DOB 03/12/1985, coded J45.909 at triage',
      hit: ['03/12/1985', 'date-of-birth'],
      extra: ['J45.909', 'icd10-cm', 'phi'],
      reasons: ['clinical code: icd10-cm', 'identifier: date-of-birth (rule)'],
    },
  ])('$hit.1 yields one PHI hit on the identifier', ({ text, hit, extra, reasons }) => {
    const [value, ruleId, category] = hit as [string, string, Category | undefined];
    const hits = [hitOn(text, value, ruleId, category ?? 'pii')];
    if (extra) hits.push(hitOn(text, extra[0]!, extra[1]!, extra[2] as Category));
    const phi = derivePhiHits(text, hits);
    expect(phi).toEqual([
      {
        ruleId: PHI_HEALTH_CONTEXT.ruleId,
        category: 'phi',
        severity: 'high',
        confidence: PHI_HEALTH_CONTEXT.confidence,
        start: hits[0]!.start,
        end: hits[0]!.end,
        reasons,
      },
    ]);
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
    expect(derivePhiHits(text, hits).map((h) => [h.start, h.confidence])).toEqual([
      [hits[0]!.start, PHI_HEALTH_CONTEXT.confidence],
      [hits[1]!.start, 0.95],
    ]);
  });
});

describe('names after "patient", with health information in the field', () => {
  it.each([
    ['Patient: Jane Roe was started on insulin', 'Jane Roe'],
    ['patient Ali Khan Mirza, post appendectomy', 'Ali Khan Mirza'],
    ["Patient's name - Mrs. Ines Duarte; chemotherapy cycle 2", 'Ines Duarte'],
    ['Patient: João Müller, currently on albuterol', 'João Müller'],
  ])('%j names its patient', (text, name) => {
    const phi = derivePhiHits(text, []);
    expect(spans(text, phi)).toEqual([name]);
    expect(phi[0]?.reasons.at(-1)).toMatch(/^identifier: patient name \(cue pt|patient('s)?\)$/);
  });
});

describe('identifiers in clinical passages', () => {
  const notes = [
    [
      CLINICAL_NOTES.allCaps + ' DR HALVORSEN AWARE. DAUGHTER ROSALIND CALLED, ADMITTED 7/22.',
      ['HALVORSEN', 'ROSALIND', '7/22'],
    ],
    [
      CLINICAL_NOTES.lowerCase + ' per dr przybyszewski, to harlowe 4 tomorrow. irene okafor, rn',
      ['przybyszewski', 'harlowe', 'irene okafor'],
    ],
    [
      CLINICAL_NOTES.mixedCase + ' Wife Imelda at bedside, transfer to St. Agnes on July 3rd. Pager 48213.',
      ['Imelda', 'St. Agnes', 'July 3rd', '48213'],
    ],
  ] as const;

  it.each(notes)('reports each identifier of the note once: %j', (text, identifiers) => {
    expect(spans(text, derivePhiHits(text, []))).toEqual(identifiers);
  });

  it.each(notes)(
    'explains each finding by its health context and cue, never by its value: %j',
    (text, identifiers) => {
      for (const [i, hit] of derivePhiHits(text, []).entries()) {
        expect(hit.reasons).toHaveLength(2);
        expect(hit.reasons[0]).toMatch(/^health context: \d+ clinical terms \([^)]+\.\.\.\)$/);
        expect(hit.reasons[1]).toMatch(/^identifier: [a-z ]+ \([a-z0-9/ ]+\)$/);
        expect(hit.reasons.join(' ').toLowerCase()).not.toContain(identifiers[i]!.toLowerCase());
      }
    },
  );

  it.each(Object.entries(ENGINEERING_TEXTS))(
    'reports nothing in the %s, names and dates included',
    (_kind, text) => {
      expect(derivePhiHits(text, [])).toEqual([]);
    },
  );

  it.each(['', ' ', '\u0000\uFFFF\uD800', 'Dr. '.repeat(5000), '7/22 '.repeat(10000), 'é'.repeat(100000)])(
    'survives odd input (%#)',
    (text) => {
      expect(() => derivePhiHits(text + CLINICAL_NOTES.allCaps, [])).not.toThrow();
    },
  );
});
