import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCategories } from '../../src/commands/detector-setup.ts';
import { runRulesCheck, runRulesList } from '../../src/commands/rules.ts';
import { ConfigError } from '../../src/errors.ts';
import { commandIO } from './command-io.ts';

const RULES = 'test/fixtures/rules-engine';
const dir = mkdtempSync(join(tmpdir(), 'exposure-rules-'));
const keyFile = join(dir, 'fingerprint.key');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exposure rules list', () => {
  it.each([
    [
      undefined,
      [
        'fixture-blob',
        'fixture-long-token',
        'fixture-password',
        'fixture-token',
        'fixture-account',
        'fixture-card',
        'phi-health-context',
      ],
    ],
    [['pii' as const], ['fixture-account', 'fixture-card']],
    [['phi' as const], ['phi-health-context']],
  ])('with --category %o lists id, category, severity and title', (category, ids) => {
    const { io, out } = commandIO();
    expect(runRulesList({ rulesDir: RULES, category }, io)).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+CATEGORY\s+SEVERITY\s+TITLE$/);
    expect(lines.slice(1, -1).map((line) => line.split(/\s+/)[0])).toEqual(ids);
    expect(lines.at(-1)).toBe(`${ids.length} rule${ids.length === 1 ? '' : 's'}`);
  });

  it('lists the card rule with its metadata', () => {
    const { io, out } = commandIO();
    runRulesList({ rulesDir: RULES }, io);
    expect(out.stdout).toMatch(/fixture-card\s+pii\s+high\s+Fixture 16-digit number, no keyword/);
  });

  it('fails with every rule problem', () => {
    expect(() => runRulesList({ rulesDir: 'test/fixtures/rules-invalid' }, commandIO().io)).toThrow(
      ConfigError,
    );
  });
});

describe('exposure rules check', () => {
  it.each([
    [
      'db password = Hq7#kLp2!vZ9',
      'Hq7#kLp2!vZ9',
      'fixture-password',
      'why: keyword password; entropy 3.6; context: db',
    ],
    ['acct 12345678901', '12345678901', 'fixture-account', 'why: pattern; context: acct'],
    ['card 5500 0000 0000 0004', '5500 0000 0000 0004', 'fixture-card', 'why: pattern; validator luhn'],
  ])('explains why a rule fires on %s without printing the value', (text, value, ruleId, why) => {
    const { io, out } = commandIO();
    expect(runRulesCheck(text, { rulesDir: RULES, keyFile }, io)).toBe(0);
    expect(out.stdout).toContain(`${ruleId} (`);
    expect(out.stdout).toContain(why);
    expect(out.stdout).not.toContain(value);
  });

  it('says so when nothing fires', () => {
    const { io, out } = commandIO();
    runRulesCheck('order 12345678901', { rulesDir: RULES, keyFile }, io);
    expect(out.stdout).toBe('no rule fired\n');
  });
});

describe('--category', () => {
  it.each([
    ['secret', ['secret']],
    ['pii,phi', ['pii', 'phi']],
    [' phi , secret ', ['phi', 'secret']],
  ])('parses %j as a comma list', (value, categories) => {
    expect(parseCategories(value)).toEqual(categories);
  });

  it.each(['secrets', 'pii;phi', ''])('rejects %j', (value) => {
    expect(() => parseCategories(value)).toThrow(/comma list of secret, pii, phi/);
  });
});
