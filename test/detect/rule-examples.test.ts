// The generic rule test: every rule file proves itself with its own examples, through the whole engine (so a
// rule that loses its own example to an overlapping rule fails here too). New YAML files are picked up as-is.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { RULES_DIR } from '../../src/paths.ts';
import { CATEGORIES } from '../../src/types.ts';

const rules = loadRules();
const detector = createDetector(rules, { key: randomBytes(32) });

const matchCases = rules.flatMap((rule) =>
  rule.spec.examples.match.map((text, i) => ({ id: rule.spec.id, i, text })),
);
const nomatchCases = rules.flatMap((rule) =>
  rule.spec.examples.nomatch.map((text, i) => ({ id: rule.spec.id, i, text })),
);

function firedRules(text: string): string[] {
  return detector.scan(text).map((finding) => finding.ruleId);
}

/** Match examples of upper-case formats whose finding has evidence besides the format (context, its field). */
const vouchedLowerCaseCases = matchCases.filter(({ id, text }) => {
  if (!rules.find((rule) => rule.spec.id === id)!.spec.lowerCase) return false;
  const finding = detector.scan(text).find((f) => f.ruleId === id);
  return finding !== undefined && /context: |standalone value|listed value/.test(finding.explanation);
});

describe('rule examples', () => {
  it('loads every rule file under rules/', () => {
    const files = CATEGORIES.flatMap((c) =>
      readdirSync(join(RULES_DIR, c)).filter((f) => /\.ya?ml$/.test(f)),
    );
    expect(rules.map((rule) => rule.file.split('/')[1]).sort()).toEqual(files.sort());
  });

  it.each(matchCases)('$id match[$i] yields a finding of the rule', ({ id, text }) => {
    expect(firedRules(text), `fired instead: ${firedRules(text).join(', ') || 'nothing'}`).toContain(id);
  });

  it.each(vouchedLowerCaseCases)('$id match[$i] typed in lower case still matches', ({ id, text }) => {
    expect(firedRules(text.toLowerCase())).toContain(id);
  });

  it.each(nomatchCases)('$id nomatch[$i] yields no finding of the rule', ({ id, text }) => {
    expect(firedRules(text)).not.toContain(id);
  });
});
