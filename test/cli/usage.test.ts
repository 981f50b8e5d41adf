// Bad input that never reaches a site: flags, credentials, URLs, config files, databases, local detection.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ENVIRONMENT_VARIABLES } from '../../src/config.ts';
import { CliWorkspace, expectOneLineError, runCli } from './run-cli.ts';

const ws = new CliWorkspace();
afterAll(() => ws.remove());

const TOKEN = `cli-test-token-${randomBytes(12).toString('hex')}`;
const CREDENTIALS = {
  ATLASSIAN_SITE: 'http://127.0.0.1:1',
  ATLASSIAN_EMAIL: 'admin@acme.example',
  ATLASSIAN_API_TOKEN: TOKEN,
};

function randomAlnum(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** A port that was free a moment ago and now has nobody listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  await new Promise((closed) => server.close(closed));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('version and help', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const result = await runCli(ws, ['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it.each([
    ['(no command)'],
    ['scan'],
    ['report'],
    ['export csv'],
    ['diff'],
    ['suppress'],
    ['unsuppress'],
    ['fake-site'],
    ['demo'],
    ['detect'],
    ['rules list'],
    ['rules check'],
  ])('%s --help exits 0 with an example', async (command) => {
    const words = command.startsWith('(') ? [] : command.split(' ');
    const result = await runCli(ws, [...words, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/example|exposure demo/i);
  });

  it('--help names every environment variable a setting reads, and the exit codes', async () => {
    const { stdout } = await runCli(ws, ['--help']);
    for (const name of ENVIRONMENT_VARIABLES) expect(stdout).toContain(name);
    expect(stdout).toMatch(/Exit codes: 0 ok, 1 .*, 2 .*\n?.*3 incomplete coverage/);
  });

  it.each([['suppress'], ['unsuppress']])('%s --help describes its own --rule', async (command) => {
    const { stdout } = await runCli(ws, [command, '--help']);
    expect(stdout).toMatch(new RegExp(`--rule <id>\\s+${command} a rule`));
  });

  it.each([['scan'], ['report'], ['export csv'], ['diff'], ['detect'], ['rules list']])(
    '%s with an unknown flag exits 2 with the error and a hint on one line',
    async (command) => {
      const result = await runCli(ws, [...command.split(' '), '--bogus']);
      expectOneLineError(
        result,
        new RegExp(`^exposure: unknown option '--bogus' \\(see exposure ${command} --help\\)$`),
      );
    },
  );

  it("a misspelt option keeps commander's suggestion on the same line", async () => {
    const result = await runCli(ws, ['export', 'csv', '--summry']);
    expectOneLineError(
      result,
      /^exposure: unknown option '--summry' \(Did you mean --summary\?\) \(see exposure export csv --help\)$/,
    );
  });

  it.each([['export'], ['rules']])(
    '%s without its subcommand exits 2 and shows the subcommands',
    async (command) => {
      const result = await runCli(ws, [command]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Commands:/);
      expect(result.stdout).toBe('');
    },
  );
});

describe('scan refuses bad credentials and sites before touching anything', () => {
  it.each([
    ['ATLASSIAN_SITE', /no site: .*ATLASSIAN_SITE/],
    ['ATLASSIAN_EMAIL', /no account email: .*ATLASSIAN_EMAIL/],
    ['ATLASSIAN_API_TOKEN', /no API token: .*ATLASSIAN_API_TOKEN/],
  ] as const)('without %s', async (variable, message) => {
    const env: NodeJS.ProcessEnv = { ...CREDENTIALS };
    delete env[variable];
    const result = await runCli(ws, ['scan', '--quiet', '--db', ws.path('missing.db')], { env });
    expectOneLineError(result, message);
    expect(ws.files()).not.toContain('missing.db');
  });

  it.each([
    ['ftp://x', /--site: must use https:\/\//],
    ['not a url', /--site: must be a URL/],
  ])('--site %j', async (site, message) => {
    const result = await runCli(ws, ['scan', '--quiet', '--site', site, '--db', ws.path('url.db')], {
      env: CREDENTIALS,
    });
    expectOneLineError(result, message);
  });

  it.each([
    [
      { ATLASSIAN_SITE: 'https://acme.atlassian.net', EXPOSURE_TEST_GATEWAY: 'http://127.0.0.1:9' },
      [],
      /EXPOSURE_TEST_GATEWAY is a test hook/,
    ],
    [{ EXPOSURE_TEST_GATEWAY: 'https://collector.example.com' }, [], /EXPOSURE_TEST_GATEWAY is a test hook/],
    [{}, ['--gateway'], /no API gateway serves the loopback site http:\/\/127\.0\.0\.1:1/],
  ])('the gateway with %j %j: one line, and no database left behind', async (env, flags, message) => {
    const result = await runCli(ws, ['scan', '--quiet', ...flags, '--db', ws.path('gateway.db')], {
      env: { ...CREDENTIALS, ...env },
    });
    expectOneLineError(result, message);
    expect(ws.files()).not.toContain('gateway.db');
  });

  it('an unreachable site is one "cannot reach" line', async () => {
    const site = `http://127.0.0.1:${await closedPort()}`;
    const result = await runCli(ws, ['scan', '--quiet', '--db', ws.path('unreachable.db')], {
      env: { ...CREDENTIALS, ATLASSIAN_SITE: site },
    });
    expectOneLineError(result, /^exposure: cannot reach http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stderr + result.stdout).not.toContain(TOKEN);
  });

  it('a database path under a file (not a folder) is exit 2 without a stack trace', async () => {
    writeFileSync(ws.path('plain-file'), 'x');
    const result = await runCli(ws, ['scan', '--quiet', '--db', ws.path('plain-file/x.db')], {
      env: CREDENTIALS,
    });
    expectOneLineError(result, /plain-file\/x\.db.*ENOTDIR/);
  });
});

describe('corrupt configuration', () => {
  it.each([
    ['exposure.config.json', '{ "site": ', /exposure\.config\.json: cannot be read as JSON/],
    ['exposure.config.yaml', 'scan:\n  concurrency: [\n', /exposure\.config\.yaml: cannot be read as YAML/],
    ['exposure.config.json', '{"colour": "blue"}', /exposure\.config\.json: colour: unknown setting/],
    [
      'exposure.config.yaml',
      'scan:\n  concurrency: 999\n',
      /exposure\.config\.yaml: scan\.concurrency: must be/,
    ],
  ])('%s holding %j', async (name, content, message) => {
    const dir = ws.path(`config-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir);
    writeFileSync(`${dir}/${name}`, content);
    const result = await runCli(ws, ['scan', '--quiet'], { env: CREDENTIALS, cwd: dir });
    expectOneLineError(result, message);
  });
});

describe('commands on local input', () => {
  it('report on a missing database says "no database"', async () => {
    const result = await runCli(ws, ['report', '--db', ws.path('nothere.db')]);
    expectOneLineError(result, /no database at .*nothere\.db/);
    expect(ws.files()).not.toContain('nothere.db');
  });

  it('detect reads stdin, masks the value and honours --fail-on', async () => {
    const value = `ghp_${randomAlnum(36)}`;
    const result = await runCli(ws, ['detect', '--fail-on', 'high'], {
      input: `export GITHUB_TOKEN=${value}\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/<stdin>:1:\d+\s+github-pat-classic\s+secret\s+critical/);
    expect(result.stdout).not.toContain(value);
  });

  it('detect --jsonl names a malformed line by number only and exits 2 at the end', async () => {
    const value = `ghp_${randomAlnum(36)}`;
    const secretLine = 'not json ' + value;
    const input = `${JSON.stringify({ id: 'a', text: `GITHUB_TOKEN=${value}` })}\n${secretLine}\n`;
    const result = await runCli(ws, ['detect', '--jsonl'], { input });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ id: 'a', ruleId: 'github-pat-classic' });
    expect(result.stderr.trim()).toBe('line 2: invalid JSON');
    expect(result.stdout + result.stderr).not.toContain(value);
  });

  it('rules list prints one row per rule', async () => {
    const result = await runCli(ws, ['rules', 'list']);
    expect(result.code).toBe(0);
    const rows = result.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^ID\s+CATEGORY\s+SEVERITY\s+TITLE/);
    expect(rows.length).toBeGreaterThan(200);
  });
});
