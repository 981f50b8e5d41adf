import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';

function dir(files: Record<string, string> = {}): string {
  const cwd = mkdtempSync(join(tmpdir(), 'exposure-config-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), content);
  return cwd;
}

function problems(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({ cwd: dir(), env: {} });
    expect(config.db).toBe('data/exposure.db');
    expect(config.scan.concurrency).toBe(8);
    expect(config.scan.products).toEqual(['jira', 'confluence']);
    expect(config.contribution.plan).toBe('standard');
    expect(Object.isFrozen(config.scan)).toBe(true);
  });

  it('layers flags over environment over file over defaults', () => {
    const cwd = dir({ 'exposure.config.yaml': 'scan:\n  concurrency: 4\n  workers: 2\ndb: file.db\n' });
    const config = loadConfig({
      cwd,
      env: { EXPOSURE_CONCURRENCY: '6', EXPOSURE_DB: 'env.db' },
      flags: { db: 'flag.db' },
    });
    expect(config.db).toBe('flag.db');
    expect(config.scan.concurrency).toBe(6);
    expect(config.scan.workers).toBe(2);
  });

  // README, Configuration: `expectForbidden: [FIN, confluence:LEGAL]` (issue 15).
  const DECLARED = { 'exposure.config.yaml': 'scan:\n  expectForbidden: [FIN, confluence:LEGAL]\n' };
  it.each<[string, Record<string, string>, Record<string, unknown>, string[]]>([
    ['nothing declared', {}, {}, []],
    ['the config file', DECLARED, {}, ['FIN', 'confluence:LEGAL']],
    ['--expect-forbidden over the file', DECLARED, { expectForbidden: ['jira:OPS'] }, ['jira:OPS']],
  ])('declares expected gaps: %s', (_, files, flags, expected) => {
    expect(loadConfig({ cwd: dir(files), env: {}, flags }).scan.expectForbidden).toEqual(expected);
  });

  it('reads credentials from .env without overriding the real environment', () => {
    const cwd = dir({ '.env': 'ATLASSIAN_API_TOKEN=from-dotenv\nATLASSIAN_EMAIL=dotenv@corp.example\n' });
    const config = loadConfig({ cwd, env: { ATLASSIAN_EMAIL: 'real@corp.example' } });
    expect(config.apiToken).toBe('from-dotenv');
    expect(config.email).toBe('real@corp.example');
  });

  it.each([
    [
      { 'exposure.config.json': '{"scan":{"concurrency":100}}' },
      {},
      'scan.concurrency: must be an integer 1-64',
    ],
    [{ 'exposure.config.json': '{"scan":{"concurency":4}}' }, {}, 'scan.concurency: unknown setting'],
    [{ 'exposure.config.json': '{"apiToken":"x"}' }, {}, 'apiToken: keep the token out of config files'],
    [
      { 'exposure.config.json': '{"testGateway":"http://127.0.0.1:1"}' },
      {},
      'testGateway: a test hook, read from EXPOSURE_TEST_GATEWAY only',
    ],
    [
      { 'exposure.config.json': '{"scan":{"gateway":"sometimes"}}' },
      {},
      'scan.gateway: must be true or false',
    ],
    [{ 'exposure.config.json': '{ not json' }, {}, 'cannot be read as JSON'],
    [{ 'exposure.config.yaml': 'scan: [1, 2' }, {}, 'cannot be read as YAML'],
    [{}, { concurrency: '0' }, '--concurrency: must be an integer 1-64'],
    [{}, { site: 'ftp://x' }, '--site: must use https://'],
    [
      {},
      { site: 'http://acme.atlassian.net' },
      '--site: must use https:// (http would send the API token in clear',
    ],
    [{}, { site: 'https://me:pw@x.atlassian.net' }, '--site: must not contain credentials'],
    [{}, { failOn: 'severe' }, '--fail-on: must be one of low, medium, high, critical, none'],
    [{}, { products: 'jira,wiki' }, '--products: item 2 must be one of jira, confluence'],
  ])('reports %j %j precisely', (files, flags, expected) => {
    expect(problems(() => loadConfig({ cwd: dir(files), env: {}, flags }))).toContain(expected);
  });

  it('reports every problem at once', () => {
    const message = problems(() =>
      loadConfig({
        cwd: dir(),
        env: { EXPOSURE_CONCURRENCY: 'many' },
        flags: { timeout: '0', plan: 'gold' },
      }),
    );
    expect(message.split('\n')).toHaveLength(3);
  });

  it('forces gateway mode from the flag or the file, and reads the test gateway from the environment', () => {
    const cwd = dir({ 'exposure.config.yaml': 'scan:\n  gateway: true\n' });
    const config = loadConfig({ cwd, env: { EXPOSURE_TEST_GATEWAY: 'http://127.0.0.1:9/' } });
    expect(config.scan.gateway).toBe(true);
    expect(config.testGateway).toBe('http://127.0.0.1:9');
    expect(loadConfig({ cwd: dir(), env: {}, flags: { gateway: true } }).scan.gateway).toBe(true);
    expect(loadConfig({ cwd: dir(), env: {} }).scan.gateway).toBe(false);
  });

  it('reports missing credentials with the other problems, in one message', () => {
    const message = problems(() =>
      loadConfig({ cwd: dir(), env: {}, flags: { timeout: '0' }, required: ['site', 'email', 'apiToken'] }),
    );
    expect(message.split('\n')).toEqual([
      '--timeout: must be an integer 1-600',
      expect.stringMatching(/^no site: .*ATLASSIAN_SITE$/),
      expect.stringMatching(/^no account email: .*ATLASSIAN_EMAIL$/),
      expect.stringMatching(/^no API token: .*ATLASSIAN_API_TOKEN/),
    ]);
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:3000', 'https://acme.atlassian.net'])(
    'accepts %s (plain http only on a loopback address)',
    (site) => {
      expect(loadConfig({ cwd: dir(), env: {}, flags: { site } }).site).toBe(site);
    },
  );

  it('normalises the site URL', () => {
    const config = loadConfig({ cwd: dir(), env: { ATLASSIAN_SITE: 'acme.atlassian.net/' } });
    expect(config.site).toBe('https://acme.atlassian.net');
  });
});
