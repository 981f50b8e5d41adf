// Properties of the whole content pipeline, extractor then detection engine with the real rules: hostile and
// malformed documents never throw and every finding points at a non-empty span inside the extracted text; a
// secret planted in arbitrary benign structure is still found where it was planted. Fixed seeds: a failure
// prints its seed and path, and the same run reproduces it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { adfToText } from '../../src/text/adf.ts';
import { storageToText } from '../../src/text/storage.ts';
import type { Finding } from '../../src/types.ts';
import { hostileAdf, hostileStorage } from './hostile-arbitraries.ts';
import { planted, plantInAdf, plantInStorage, type Planted } from './planted-arbitraries.ts';

const detector = createDetector(loadRules('rules'), { key: Buffer.alloc(32, 7) });
const budget = fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined });

function expectFindingsInside(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).not.toBe('');
  }
}

type Extract = (input: never, maxChars: number | undefined) => { text: string; truncated: boolean };

const extractors: Array<[string, fc.Arbitrary<unknown>, Extract, number]> = [
  [
    'ADF (objects, JSON text, other JSON, strings)',
    hostileAdf,
    (doc, maxChars) => adfToText(doc, { maxChars }),
    0xadf,
  ],
  ['storage XHTML', hostileStorage, (xhtml: string, maxChars) => storageToText(xhtml, { maxChars }), 0x5706],
];

describe.each(extractors)('hostile %s through extractor and engine', (_name, input, extract, seed) => {
  it('never throws, stays in budget, and every finding is a non-empty span of the text', () => {
    fc.assert(
      fc.property(input, budget, (doc, maxChars) => {
        const { text } = extract(doc as never, maxChars);
        if (maxChars !== undefined) expect(text.length).toBeLessThanOrEqual(maxChars);
        expectFindingsInside(text, detector.scan(text));
      }),
      { numRuns: 300, seed },
    );
  });
});

/** The findings of the planted kind's rules that lie inside the planted value in the extracted text. */
function foundAt(text: string, p: Planted): Finding[] {
  const at = text.indexOf(p.value);
  expect(at, `${p.kind.kind} value lost by the extractor`).toBeGreaterThanOrEqual(0);
  const findings = detector.scan(text);
  expectFindingsInside(text, findings);
  return findings.filter(
    (f) => p.kind.ruleIds.includes(f.ruleId) && f.start >= at && f.end <= at + p.value.length,
  );
}

describe.each([
  ['ADF', (p: Planted) => adfToText(plantInAdf(p)).text, 0x91a],
  ['ADF as JSON text', (p: Planted) => adfToText(JSON.stringify(plantInAdf(p))).text, 0x91b],
  ['storage XHTML', (p: Planted) => storageToText(plantInStorage(p)).text, 0x91c],
] as const)('a secret planted in benign %s', (_name, extract, seed) => {
  it('is found by its rule, at the planted text', () => {
    fc.assert(
      fc.property(planted, (p) => {
        expect(foundAt(extract(p), p), p.kind.kind).not.toEqual([]);
      }),
      { numRuns: 300, seed },
    );
  });
});
