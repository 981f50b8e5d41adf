import { afterEach, describe, expect, it } from 'vitest';
import { runSuppress, runUnsuppress, type SuppressFlags } from '../../src/commands/suppress.ts';
import { UsageError } from '../../src/errors.ts';
import { openStore } from '../../src/store/store.ts';
import { fingerprintOf } from '../store/helpers.ts';
import { capture, KEY, scannedDatabase, runCli } from './store-fixture.ts';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function database() {
  const db = scannedDatabase();
  cleanup = db.cleanup;
  return db;
}

/** Open findings per item and rule, as the reports would count them. */
function openFindings(path: string): string[] {
  const store = openStore(path, { readonly: true });
  try {
    return [...store.findings.iterate()].map((f) => `${f.product}:${f.itemId}:${f.ruleId}`).sort();
  } finally {
    store.close();
  }
}

function keyFindingId(path: string): string {
  const store = openStore(path, { readonly: true });
  const id = [...store.findings.iterate({ category: 'secret' })].find((f) => f.product === 'jira')?.id;
  store.close();
  return String(id);
}

const ALL_OPEN = ['confluence:1:fake-email', 'confluence:3:fake-cloud-key', 'jira:2:fake-cloud-key'];

describe('exposure suppress / unsuppress', () => {
  it.each<[string, (path: string) => string | undefined, SuppressFlags, string[], RegExp]>([
    [
      'a finding id',
      keyFindingId,
      {},
      ['confluence:1:fake-email', 'confluence:3:fake-cloud-key'],
      /finding \d+: 1 open/,
    ],
    [
      'a fingerprint',
      () => fingerprintOf(KEY),
      {},
      ['confluence:1:fake-email', 'confluence:3:fake-cloud-key'],
      /fingerprint [0-9a-f]{12}…: 1 open/,
    ],
    [
      'a fingerprint by its first 8 characters (upper case)',
      () => fingerprintOf(KEY).slice(0, 8).toUpperCase(),
      {},
      ['confluence:1:fake-email', 'confluence:3:fake-cloud-key'],
      new RegExp(`fingerprint ${fingerprintOf(KEY).slice(0, 12)}…: 1 open`),
    ],
    [
      'a rule in a container',
      () => undefined,
      { rule: 'fake-cloud-key', container: 'OPS' },
      ['confluence:1:fake-email', 'jira:2:fake-cloud-key'],
      /rule fake-cloud-key in OPS: 1 open/,
    ],
    [
      'a rule in a product-qualified container',
      () => undefined,
      { rule: 'fake-email', container: 'confluence:ENG' },
      ['confluence:3:fake-cloud-key', 'jira:2:fake-cloud-key'],
      /1 open/,
    ],
  ])('suppresses %s and unsuppress brings it back', (_name, target, flags, remaining, message) => {
    const { path } = database();
    const out = capture();
    const t = target(path);
    expect(runSuppress(t, { ...flags, db: path, reason: 'synthetic fixture', by: 'tester' }, out)).toBe(0);
    expect(out.text()).toMatch(message);
    expect(openFindings(path)).toEqual(remaining);
    expect(runUnsuppress(t, { ...flags, db: path }, out)).toBe(0);
    expect(openFindings(path)).toEqual(ALL_OPEN);
  });

  it.each<[string, string | undefined, SuppressFlags, RegExp]>([
    ['no reason', '12', {}, /--reason/],
    ['neither target nor rule', undefined, { reason: 'r' }, /name a finding id or fingerprint/],
    ['a rule without container', undefined, { reason: 'r', rule: 'x' }, /--container/],
    ['a target and a rule', '12', { reason: 'r', rule: 'x', container: 'OPS' }, /not both/],
    [
      'an ambiguous key',
      undefined,
      { reason: 'r', rule: 'x', container: 'ENG' },
      /jira:KEY or confluence:KEY/,
    ],
    ['an unknown key', undefined, { reason: 'r', rule: 'x', container: 'NOPE' }, /no space or project NOPE/],
    ['a malformed target', 'not-a-thing', { reason: 'r' }, /neither a finding id/],
    ['a fingerprint prefix under 8 characters', 'abcdef1', { reason: 'r' }, /neither a finding id/],
    [
      'a fingerprint no finding has',
      'f'.repeat(64),
      { reason: 'r' },
      /no finding has a fingerprint starting/,
    ],
    [
      'a rule that does not exist, with the nearest ids',
      undefined,
      { reason: 'r', rule: 'email-address', container: 'OPS' },
      /^no rule email-address; the nearest rule ids: email, /,
    ],
    [
      'a rule with no finding in that place, with the rules that have some',
      undefined,
      { reason: 'r', rule: 'fake-email', container: 'OPS' },
      /^rule fake-email has no finding in OPS; rules with findings there: fake-cloud-key$/,
    ],
  ])('rejects %s with a usage error', (_name, target, flags, message) => {
    const { path } = database();
    const run = () => runSuppress(target, { ...flags, db: path }, capture());
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
    expect(openFindings(path)).toEqual(ALL_OPEN);
  });

  it('refuses a database that does not exist instead of creating one', () => {
    const { path } = database();
    expect(() => runSuppress('12', { db: `${path}.missing`, reason: 'r' }, capture())).toThrow(
      /no database at/,
    );
  });

  it.each([
    [['suppress', '--rule', 'fake-cloud-key', '--container', 'OPS', '--reason', 'synthetic'], 0],
    [['suppress', '--rule', 'fake-email', '--container', 'OPS', '--reason', 'synthetic'], 2],
    [['suppress', 'zzz', '--reason', 'synthetic'], 2],
    [['unsuppress', '--rule', 'fake-email', '--container', 'OPS'], 2],
  ])('is wired into the CLI: %j exits %i', async (args, code) => {
    const { path } = database();
    expect(await runCli([...args, '--db', path])).toBe(code);
  });
});
