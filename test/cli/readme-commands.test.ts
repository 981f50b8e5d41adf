// README.md's shell commands, verbatim and in README order, as a new user runs them: in an empty folder whose
// `exposure`, `npx exposure` and `npm run` lead to this build, with credentials only in the .env the README has
// them write (pointing at an in-process fake site), so later commands see the database and files of earlier
// ones. A renamed flag or command, or a changed exit code, fails here. Lines that cannot run here are listed
// below with the reason.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { readmeCommands } from './readme-shell.ts';
import { CliWorkspace } from './run-cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  scripts: Record<string, string>;
};
const commands = readmeCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const TOKEN = `readme-token-${randomBytes(12).toString('hex')}`;
const ws = new CliWorkspace();
let site: FakeSite;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

type Expectation =
  | { skip: string }
  | { code: number; stderr?: RegExp; then?: (outcome: Outcome) => void }
  | { writeEnv: true };

const file = (name: string) => readFileSync(ws.path(name), 'utf8');
// The fake site's administrator token lists the project FIN but cannot browse it, so a whole-site scan is
// incomplete: exit 3 as documented, unless --fail-on finds open findings first (1 takes precedence).
const INCOMPLETE = { code: 3, stderr: /coverage incomplete:\n(.*\n)* {2}jira FIN: .*forbidden/ };

/** What each README line must do, keyed by the line as written. A line missing here fails the test. */
const EXPECTED: Record<string, Expectation> = {
  'npm ci': { skip: 'installs the dependencies: CI runs it on the clean clone before this suite' },
  'npm run demo': { code: 0, then: () => expect(file('data/demo-report.html')).toMatch(/^<!doctype html>/i) },
  'npm test': { skip: 'runs this very suite' },
  "cat > .env <<'EOF'": { writeEnv: true },
  'chmod 600 .env': { code: 0 },
  'npx exposure scan': INCOMPLETE,
  'npx exposure report --html data/report.html': {
    code: 0,
    then: () => expect(file('data/report.html')).toMatch(/^<!doctype html>/i),
  },
  'npx exposure export csv --out data/findings.csv': {
    code: 0,
    then: () => expect(file('data/findings.csv')).toMatch(/^\uFEFFsite,product,container_key,/),
  },
  '15 2 * * *  cd /srv/exposure && npx exposure scan --quiet --log-file logs/scan.log --expect-forbidden FIN,LEGAL || mail -s "exposure: exit $?" secops@acme.example < /dev/null':
    {
      skip: 'a crontab line (fixed path /srv/exposure, mail): test/e2e/nightly.test.ts runs its scan options',
    },
  'exposure scan': INCOMPLETE,
  'exposure scan --mode full --fail-on high': { code: 1 },
  'exposure scan --space ENG,OPS --products confluence': { code: 0 },
  'exposure scan --exclude-project FIN --archived': {
    code: 0,
    then: ({ stderr }) =>
      expect(stderr).toMatch(/^visible to this token: 6 Jira projects .*, 7 Confluence spaces/m),
  },
  'exposure scan --concurrency 4 --timeout 120': INCOMPLETE,
  'exposure scan --attachments content': {
    ...INCOMPLETE,
    then: ({ stderr }) => expect(stderr).toMatch(/^attachment contents: \d+ read \(/m),
  },
  'exposure scan --attachments content --attachment-max-mb 20 --attachment-budget-mb 2000': {
    ...INCOMPLETE,
    then: ({ stderr }) =>
      expect(stderr).toMatch(/^attachment contents: \d+ read \(.* of a 2000\.0 MB budget\)/m),
  },
  'exposure report': {
    code: 0,
    then: ({ stdout }) => expect(stdout).toMatch(/^PRODUCT\s+KEY\s+NAME\s+SCORE\s+RANK/m),
  },
  'exposure report --html data/report.html': { code: 0 },
  'exposure report --json > data/report.json': {
    code: 0,
    then: () => expect(JSON.parse(file('data/report.json'))).toMatchObject({ schemaVersion: 1 }),
  },
  'exposure report --json | jq -r \'.containers[] | select(.state != "scanned") | "\\(.product) \\(.key): \\(.reason)"\'':
    { code: 0, then: ({ stdout }) => expect(stdout).toMatch(/^jira FIN: not read: 1 forbidden$/m) },
  'exposure report --plan free --excluded HR,CLIN': { code: 0 },
  'exposure report --run 1': { code: 0, then: ({ stdout }) => expect(stdout).toMatch(/^PRODUCT\s+KEY/m) },
  'exposure export csv --out data/findings.csv': {
    code: 0,
    then: () => expect(file('data/findings.csv').startsWith('\uFEFFsite,product,')).toBe(true),
  },
  'exposure export csv --out - --space ENG --min-severity high --status open': {
    code: 0,
    then: ({ stdout }) => expect(stdout).toMatch(/^site,product,container_key,/),
  },
  'exposure export csv --out data/summary.csv --summary': {
    code: 0,
    then: () =>
      expect(file('data/summary.csv')).toMatch(/^\uFEFFsite,product,container_key,container_name,score,/),
  },
  'exposure diff': { code: 0 },
  // Run and finding numbers in the README are illustrations: this workspace has a handful of runs and no
  // finding 1234 or space PUB. The precise refusal shows the flags were accepted.
  'exposure diff --from 12 --to 15 --json > data/diff.json': {
    code: 2,
    stderr: /no run 1[25] in this database/,
  },
  'exposure suppress 1234 --reason "test key from the vendor docs"': { code: 2, stderr: /1234/ },
  'exposure suppress --rule email --container confluence:PUB --reason "public contact page"': {
    code: 2,
    stderr: /no space or project confluence:PUB/,
  },
  'exposure unsuppress 1234': { code: 2, stderr: /no such suppression/ },
  'exposure detect notes.txt config.yaml': {
    code: 0,
    then: ({ stdout }) => expect(stdout).toMatch(/notes\.txt:2:\d+.*github-pat-classic/),
  },
  'cat dump.txt | exposure detect --fail-on critical': { code: 1 },
  "jq -c '{id: .key, text: .body}' issues.json | exposure detect --jsonl > findings.jsonl": {
    code: 0,
    then: () => expect(file('findings.jsonl')).toMatch(/"aws-access-key-id"/),
  },
  'exposure rules list --category phi': { code: 0 },
  'exposure rules check "db url postgres://app:Sup3rS3cret@db:5432/app"': {
    code: 0,
    then: ({ stdout }) => expect(stdout).toMatch(/^postgres-connection-string \(secret, critical/m),
  },
};

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomOf = (alphabet: string, n: number) =>
  [...randomBytes(n)].map((byte) => alphabet[byte % alphabet.length]).join('');
const githubToken = () => `ghp_${randomOf(BASE62, 36)}`;
const awsKeyId = () => `AKIA${randomOf('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;

/** The user's own files that the README's detect examples read: synthetic values in the documented shapes. */
function writeUserFiles(): void {
  writeFileSync(ws.path('notes.txt'), `deploy notes\nexport GITHUB_TOKEN=${githubToken()}\n`);
  writeFileSync(ws.path('config.yaml'), `aws:\n  access_key_id: ${awsKeyId()}\n`);
  writeFileSync(ws.path('dump.txt'), `ci log\nGITHUB_TOKEN=${githubToken()}\n`);
  const issues = [
    { key: 'OPS-1', body: `rotate aws_access_key_id ${awsKeyId()} today` },
    { key: 'OPS-2', body: 'nothing secret here' },
  ];
  writeFileSync(ws.path('issues.json'), issues.map((issue) => JSON.stringify(issue)).join('\n'));
}

/** `exposure`, `npx exposure` and `npm run <script>` as they resolve in a clone, without the network. */
function writeShims(bin: string): void {
  mkdirSync(bin);
  const cli = join(ROOT, 'dist/src/cli.js');
  const shims = {
    exposure: `exec "${process.execPath}" "${cli}" "$@"`,
    // Inside the clone npx runs the package's own bin (checked below); elsewhere it would fetch a stranger.
    npx: `[ "$1" = exposure ] || { echo "npx: only exposure here" >&2; exit 127; }\nshift\nexec exposure "$@"`,
    npm: `[ "$1" = run ] || { echo "npm: only npm run here" >&2; exit 127; }\nexec "${process.execPath}" -e 'const s = require(process.argv[1]).scripts[process.argv[2]]; if (!s) process.exit(127); process.exit(require("node:child_process").spawnSync("sh", ["-c", s], { stdio: "inherit" }).status ?? 1)' "${join(ROOT, 'package.json')}" "$2"`,
  };
  for (const [name, body] of Object.entries(shims)) {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  // npm scripts name the build relatively (`node dist/src/cli.js`), as from the clone's root.
  symlinkSync(join(ROOT, 'dist'), ws.path('dist'));
}

/** The README's .env, with the values a user would paste: this fake site's. */
function writeEnvFile(heredoc: string): void {
  const values: Record<string, string> = {
    ATLASSIAN_SITE: site.url,
    ATLASSIAN_EMAIL: site.email,
    ATLASSIAN_API_TOKEN: TOKEN,
  };
  const keys = heredoc
    .split('\n')
    .slice(1, -1)
    .map((line) => line.split('=')[0] ?? '');
  expect(keys.sort()).toEqual(Object.keys(values).sort());
  writeFileSync(ws.path('.env'), keys.map((key) => `${key}=${values[key]}\n`).join(''));
}

function sh(line: string): Promise<Outcome> {
  const bin = ws.path('bin');
  const child = spawn('sh', ['-c', line], {
    cwd: ws.dir,
    env: { PATH: `${bin}:${dirname(process.execPath)}:${process.env.PATH}`, HOME: ws.dir },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end();
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

beforeAll(async () => {
  const content = createSiteContent({ seed: 11, issues: 200, pages: 40, now: '2026-11-01T00:00:00Z' });
  site = await startFakeSite({ content, token: TOKEN });
  writeShims(ws.path('bin'));
  writeUserFiles();
});

afterAll(async () => {
  await site.stop();
  ws.remove();
});

describe('README.md shell commands, in order', () => {
  it('lists every README command here, and nothing the README no longer has', () => {
    const lines = commands.map((command) => command.line.split('\n')[0] ?? '');
    expect(lines.filter((line) => !(line in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((line) => !lines.includes(line))).toEqual([]);
  });

  const steps = commands.map((command) => {
    const first = command.line.split('\n')[0] ?? '';
    return { first, whole: command.line, expectation: EXPECTED[first] };
  });
  const skipped = steps.flatMap(({ first, expectation }) =>
    expectation && 'skip' in expectation ? [[first, expectation.skip] as const] : [],
  );
  const runnable = steps.filter(({ expectation }) => expectation && !('skip' in expectation));

  it.skip.each(skipped)('%s (skipped: %s)', () => {});

  it.each(runnable.map((step) => [step.first, step] as const))(
    '%s',
    async (_first, { whole, expectation }) => {
      if (!expectation || 'skip' in expectation) throw new Error('filtered above');
      if ('writeEnv' in expectation) return writeEnvFile(whole);
      const outcome = await sh(whole);
      expect(outcome.code, `${whole}\n--- stderr:\n${outcome.stderr}`).toBe(expectation.code);
      if (expectation.stderr) expect(outcome.stderr).toMatch(expectation.stderr);
      expectation.then?.(outcome);
      // The token lives in .env only: no command may print it back.
      expect(outcome.stdout + outcome.stderr).not.toContain(TOKEN);
    },
    120_000,
  );

  it('npx exposure runs this package inside the clone, offline (what the npx lines rely on)', () => {
    // npm gets a cache of its own in the workspace: npx fails before it resolves anything when it cannot write
    // its cache and logs, as with a HOME that is not writable. The local bin needs nothing from the cache.
    const result = spawnSync('npx', ['--offline', '--no-install', 'exposure', '--version'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
        npm_config_cache: ws.path('npm-cache'),
        npm_config_update_notifier: 'false',
      },
      timeout: 110_000,
    });
    const said = `npx exited ${result.status} (signal ${result.signal}, ${result.error ?? 'no spawn error'})\n${result.stderr}`;
    expect(result.stdout.trim(), said).toBe(PACKAGE.version);
    expect(existsSync(join(ROOT, 'dist/src/cli.js'))).toBe(true);
  }, 120_000);
});
