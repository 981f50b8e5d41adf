// Keywords are only a speed-up: every rule must find exactly the same values with the prefilter (regex run in
// windows around keyword hits) as without it (regex over the whole text). A keyword that is not a necessary
// condition of its rule, or a window too small for its matches, shows up here as a difference.
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { benignDocument } from '../../src/synth/benign.ts';
import { createRng } from '../../src/synth/rng.ts';
import { SENSITIVE_KINDS } from '../../src/synth/sensitive.ts';
import type { Finding } from '../../src/types.ts';

const rules = loadRules();
const key = Buffer.alloc(32, 4);

/** Every rule example alone, generated values in engineering text, and the examples glued into long texts. */
function corpus(): string[] {
  const rng = createRng(20261129);
  const examples = rules.flatMap((r) => [...r.spec.examples.match, ...r.spec.examples.nomatch]);
  const planted = SENSITIVE_KINDS.flatMap((kind) =>
    [0, 1, 2].map(() => {
      const around = benignDocument(rng, 600);
      const cut = rng.int(0, around.length);
      return `${around.slice(0, cut)} ${kind.wrap(rng, kind.generate(rng))}\n${around.slice(cut)}`;
    }),
  );
  const benign = Array.from({ length: 30 }, () => benignDocument(rng, 4000));
  const glued = Array.from({ length: 4 }, (_, i) => rng.shuffle(examples).join(i % 2 ? '\n' : ' '));
  return [...examples, ...planted, ...benign, ...glued];
}

const docs = corpus();
const withPrefilter = createDetector(rules, { key });
const withoutPrefilter = createDetector(rules, { key, prefilter: false });
const filtered = docs.map((text) => withPrefilter.scan(text));
const unfiltered = docs.map((text) => withoutPrefilter.scan(text));

function spansOf(results: Finding[][], ruleId: string): string[] {
  return results.flatMap((findings, doc) =>
    findings.filter((f) => f.ruleId === ruleId).map((f) => `doc ${doc} @${f.start}-${f.end}`),
  );
}

describe('keyword prefilter', () => {
  it('runs on a corpus with findings of most rules', () => {
    const fired = new Set(unfiltered.flat().map((f) => f.ruleId));
    expect(fired.size).toBeGreaterThanOrEqual(Math.floor(rules.length * 0.8));
  });

  it.each(rules.map((rule) => rule.spec.id))('%s finds the same values with and without it', (ruleId) => {
    expect(spansOf(filtered, ruleId)).toEqual(spansOf(unfiltered, ruleId));
  });
});
