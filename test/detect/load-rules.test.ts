import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { loadRules, rulesetHash } from '../../src/detect/load-rules.ts';

const INVALID = 'test/fixtures/rules-invalid';
const VALID = 'test/fixtures/rules-engine';

function problemsOf(dir: string): string[] {
  try {
    loadRules(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    return (error as Error).message.split('\n').slice(1);
  }
  throw new Error(`${dir} loaded without problems`);
}

describe('loadRules on a directory full of mistakes', () => {
  const problems = problemsOf(INVALID);

  it.each([
    ['secret/bad-types.yaml', 'colour: unknown key'],
    ['secret/bad-types.yaml', 'severity: must be one of low, medium, high, critical'],
    ['secret/bad-types.yaml', 'confidence: must be a number from 0 to 1, got a string'],
    ['secret/bad-types.yaml', 'keywords[0]: must be lower-case ("ghp_")'],
    ['secret/bad-types.yaml', 'group: is 3 but the regex has 1 capture group(s)'],
    ['secret/bad-types.yaml', 'validator: unknown validator "no-such-validator"'],
    ['secret/bad-types.yaml', 'normalize: must be one of none, digits, lower, alnum'],
    ['secret/bad-types.yaml', 'context.window: must be an integer from 1 to 1000'],
    ['secret/bad-types.yaml', 'examples.nomatch: must hold at least one near miss'],
    ['secret/wrong-id.yaml', 'id: must equal the file name "wrong-id"'],
    ['secret/wrong-id.yaml', 'category: must match its folder "secret"'],
    ['secret/bad-regex.yaml', 'regex: does not compile'],
    ['secret/wrong-id.yaml', 'flags: may only hold i, m, s, u'],
    ['secret/lazy-prefix.yaml', 'regex: starts with an unanchored lazy "{0,50}?" prefix'],
    ['secret/broken-yaml.yaml', 'YAML:'],
    ['pii/no-anchor.yaml', 'regex: without keywords must start with a cheap anchor'],
    ['pii/no-examples.yaml', 'examples: are required'],
    ['allowlist.yaml', 'patterns[0]: does not compile'],
    ['allowlist.yaml', 'nearby[0]: must be lower-case'],
    ['allowlist.yaml', 'extra: unknown key'],
  ])('%s: %s', (file, problem) => {
    expect(problems.filter((line) => line.startsWith(`${file}: `) && line.includes(problem))).toHaveLength(1);
  });

  it('reports every problem in one error, each line naming its file', () => {
    expect(problems.length).toBeGreaterThanOrEqual(20);
    expect(
      problems.every((line) => /^(?:secret|pii|phi)\/[\w-]+\.yaml: |^allowlist\.yaml: /.test(line)),
    ).toBe(true);
  });
});

describe('loadRules on valid rules', () => {
  it('compiles patterns with match indices and a sticky twin', () => {
    const rule = loadRules(VALID).find((r) => r.spec.id === 'fixture-token')!;
    expect(rule.pattern.flags).toBe('dg');
    expect(rule.sticky.sticky).toBe(true);
    expect(rule.reach).toBe('tok_'.length + 24 + 1); // \b is empty; the lookahead's character counts
  });

  it('applies defaults from the schema', () => {
    const spec = loadRules(VALID).find((r) => r.spec.id === 'fixture-token')!.spec;
    expect({ group: spec.group, flags: spec.flags, normalize: spec.normalize, mask: spec.mask }).toEqual({
      group: 1,
      flags: '',
      normalize: 'none',
      mask: 'edges',
    });
  });

  it('merges the global allowlist into each rule', () => {
    const allow = loadRules(VALID).find((r) => r.spec.id === 'fixture-token')!.allow;
    expect([...allow.values].sort()).toEqual([
      'tok_aaaaaaaaaaaaaaaaaaaaaaaa',
      'tok_q1w2e3r4t5y6u7i8o9p0a1s2',
    ]);
    expect(allow.nearby).toEqual(['example', 'redacted']);
  });

  it('hashes the ruleset independently of rule order', () => {
    const rules = loadRules(VALID);
    expect(rulesetHash([...rules].reverse())).toBe(rulesetHash(rules));
    expect(rulesetHash(rules.slice(1))).not.toBe(rulesetHash(rules));
  });
});
