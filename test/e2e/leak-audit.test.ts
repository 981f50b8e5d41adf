// The leak audit of issue 7: known raw values planted in every field the crawler reads, then every command of
// the built binary run with debug logging, then every byte written (database, WAL, CSV, HTML, logs, stdout,
// stderr) searched for those values and for the API token in every encoding: zero hits. The same search must
// find what is meant to be there (item keys, masked previews, log lines), or the audit would pass blind. A
// scoped-token scan (issue 17) joins them: its credentials go to the site and the API gateway only, even when
// the gateway redirects a listing to a third origin.
import { parse } from 'csv-parse/sync';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { CliWorkspace, runCli, type CliResult } from '../cli/run-cli.ts';
import { killAfterItems } from './kill-point.ts';
import { filesUnder, hits, needlesOf, type Artifact, type Needle } from './leak-search.ts';
import { createLeakSite, storage } from './leak-site.ts';
import { leakValue, secretParts, type LeakValue } from './leak-values.ts';
import { ScanWorkspace } from './scan-process.ts';
import { startTrapOrigin, type TrapOrigin } from './trap-origin.ts';

const TOKEN = `leak-audit-token-${randomBytes(16).toString('hex')}`;
const leakSite = createLeakSite();
/** Values the admin API adds between the full and the incremental scan. */
const edits = {
  description: leakValue('jira description (edited)', 'aws-secret-access-key'),
  comment: leakValue('jira comment (added)', 'us-ssn'),
  title: leakValue('confluence title (new page)', 'atlassian-api-token'),
  body: leakValue('confluence body (new page)', 'card-visa'),
  inline: leakValue('confluence inline comment (added)', 'github-pat-classic'),
  projectName: leakValue('jira project name (renamed)', 'gitlab-pat'),
};
const planted: LeakValue[] = [...leakSite.planted, ...Object.values(edits)];
const ws = new CliWorkspace();
const db = ws.path('audit.db');
/** Holds the detect input: raw values by design, so outside every searched folder. */
const inputDir = mkdtempSync(join(tmpdir(), 'exposure-leak-input-'));
const outputs: Artifact[] = [];
/** Masked preview of each planted value, by index in `planted`, as `detect --jsonl` reports it. */
const previews = new Map<number, string>();
let site: FakeSite;
let killed: ScanWorkspace;
/** The same content behind a site URL that refuses the token, with the gateway on another origin. */
let scopedSite: FakeSite;
let trap: TrapOrigin;

async function exposure(
  name: string,
  args: readonly string[],
  input?: string,
  overrides: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  const env = {
    ATLASSIAN_SITE: site.url,
    ATLASSIAN_EMAIL: site.email,
    ATLASSIAN_API_TOKEN: TOKEN,
    EXPOSURE_LOG_LEVEL: 'debug',
    ...overrides,
  };
  const result = await runCli(ws, args, { env, ...(input === undefined ? {} : { input }) });
  outputs.push({ name: `${name} stdout`, bytes: Buffer.from(result.stdout) });
  outputs.push({ name: `${name} stderr`, bytes: Buffer.from(result.stderr) });
  expect(result.code, `${name}: ${result.stderr.slice(0, 300)}`).toBe(0);
  return result;
}

function mutateSite(): void {
  site.admin.advanceClock(3_600_000);
  site.admin.updateIssue(leakSite.issueKey, { description: edits.description.snippet });
  site.admin.addIssueComment(leakSite.issueKey, { text: edits.comment.snippet });
  site.admin.createContent({
    spaceKey: leakSite.spaceKey,
    title: `Rotate ${edits.title.value}`,
    body: storage(edits.body.snippet),
  });
  site.admin.addContentComment(leakSite.pageId, { kind: 'inline', text: edits.inline.snippet });
  const project = leakSite.issueKey.replace(/-.*/, '');
  expect(site.admin.rename('project', project, { name: `Ops ${edits.projectName.value}` })).toBe(true);
}

async function scanAndReport(): Promise<void> {
  const scan = ['scan', '--quiet', '--workers', '1', '--allow-partial', '--log-level', 'debug', '--db', db];
  scan.push('--attachments', 'content');
  await exposure('scan full', [...scan, '--mode', 'full', '--log-file', ws.path('scan-1.log')]);
  mutateSite();
  // Logs on stderr this time: the captured stderr is searched like the log file.
  await exposure('scan incremental', [...scan, '--mode', 'incremental']);
  await exposure('report', ['report', '--db', db, '--html', ws.path('report.html')]);
  await exposure('export', ['export', 'csv', '--db', db, '--out', ws.path('findings.csv')]);
  await exposure('export summary', [
    'export',
    'csv',
    '--db',
    db,
    '--summary',
    '--out',
    ws.path('summary.csv'),
  ]);
  const csv = await exposure('export stdout', ['export', 'csv', '--db', db, '--status', 'all', '--out', '-']);
  await exposure('diff', ['diff', '--db', db]);
  await exposure('diff json', ['diff', '--db', db, '--json']);
  // Read by column name: the CSV's columns are appended to over time.
  const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
  const fingerprint = rows[0]?.finding_id ?? '';
  await exposure('suppress', ['suppress', fingerprint, '--db', db, '--reason', 'audit']);
  await exposure('unsuppress', ['unsuppress', fingerprint, '--db', db]);
}

async function detectPlantedValues(): Promise<void> {
  const input = join(inputDir, 'values.txt');
  writeFileSync(input, planted.map((leak) => leak.snippet).join('\n\n'));
  await exposure('detect file', ['detect', input]);
  const lines = planted.map((leak, i) => JSON.stringify({ id: String(i), text: leak.snippet })).join('\n');
  const jsonl = await exposure('detect jsonl', ['detect', '--jsonl'], lines);
  for (const line of jsonl.stdout.trim().split('\n')) {
    const finding = JSON.parse(line) as { id: string; start: number; end: number; preview: string };
    const leak = planted[Number(finding.id)]!;
    const at = leak.snippet.indexOf(leak.value);
    // A rule may mark only the secret part of the value (a URL's password, a PEM key's body).
    if (finding.start < at + leak.value.length && finding.end > at)
      previews.set(Number(finding.id), finding.preview);
  }
}

/** A scan SIGKILLed mid-run leaves its WAL and SHM files behind, uncheckpointed: they are searched too. */
async function killScanMidRun(): Promise<void> {
  killed = new ScanWorkspace(site);
  const killedDb = killed.db('killed');
  site.admin.setFaults({ rules: [{ latencyMs: 10 }] });
  try {
    const args = ['--mode', 'full', '--log-level', 'debug', '--log-file', join(killed.dir, 'killed.log')];
    const exit = await killAfterItems(killed.start(killedDb, args), killedDb, 30, 'SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    outputs.push({ name: 'killed scan stderr', bytes: Buffer.from(exit.stderr) });
  } finally {
    site.admin.setFaults({});
  }
}

/** A scoped-token scan through the gateway, whose permission check redirects to the trap origin. */
async function scanScoped(): Promise<void> {
  trap = await startTrapOrigin();
  const lure = { route: '/rest/api/3/mypermissions', redirectTo: `${trap.url}/collect` };
  const faults = { rules: [lure] };
  scopedSite = await startFakeSite({ content: leakSite.content, token: TOKEN, tokenKind: 'scoped', faults });
  const env = { ATLASSIAN_SITE: scopedSite.url, EXPOSURE_TEST_GATEWAY: scopedSite.gatewayUrl };
  const db = ['--db', ws.path('scoped.db'), '--log-file', ws.path('scoped.log')];
  const args = ['scan', '--quiet', '--workers', '1', '--allow-partial', '--log-level', 'debug', ...db];
  await exposure('scan scoped', args, undefined, env);
}

beforeAll(async () => {
  site = await startFakeSite({ content: leakSite.content, token: TOKEN });
  await scanAndReport();
  await detectPlantedValues();
  await killScanMidRun();
  await scanScoped();
}, 420_000);

afterAll(async () => {
  await Promise.all([site.stop(), scopedSite.stop(), trap.stop()]);
  ws.remove();
  killed.remove();
  rmSync(inputDir, { recursive: true, force: true });
});

function artifacts(): Artifact[] {
  return [...filesUnder(ws.dir, 'workspace/'), ...filesUnder(killed.dir, 'killed-scan/'), ...outputs];
}

function artifact(name: string): Artifact[] {
  const found = artifacts().filter((a) => a.name === name);
  expect(found.map((a) => a.name)).toEqual([name]);
  return found;
}

function forbiddenNeedles(): Needle[] {
  const basic = Buffer.from(`${site.email}:${TOKEN}`).toString('base64');
  return [
    ...planted.flatMap((leak) =>
      secretParts(leak).flatMap((part) => needlesOf(`${leak.kind} from ${leak.place}`, part)),
    ),
    ...needlesOf('API token', TOKEN),
    ...needlesOf('API token in a Basic auth header', basic),
  ];
}

describe('the audit can see: the same search finds what belongs in each output', () => {
  it.each(planted.map((leak, i) => [leak.place, leak.kind, i] as const))(
    '%s (%s): found by the scan, its masked preview is in the database',
    (_place, _kind, i) => {
      const preview = previews.get(i);
      expect(preview).toBeTruthy();
      expect(hits(artifact('workspace/audit.db'), needlesOf('preview', preview!))).not.toEqual([]);
    },
  );

  it.each([
    ['workspace/findings.csv', leakSite.issueKey],
    ['workspace/report.html', leakSite.issueKey],
    ['export stdout stdout', leakSite.issueKey],
    ['diff json stdout', leakSite.spaceKey],
    ['workspace/scan-1.log', '/wiki/api/v2/footer-comments'],
    ['scan incremental stderr', '"msg":"scan finished"'],
    ['killed-scan/killed.db-wal', leakSite.issueKey.replace(/-.*/, '')],
    ['killed-scan/killed.log', '"msg":"request"'],
    ['workspace/scoped.db', leakSite.issueKey],
    ['workspace/scoped.log', '"path":"/ex/confluence/'],
    ['scan scoped stderr', 'scoped token: using the API gateway for'],
    ['scan scoped stderr', 'jira site-config: 1/1 items scanned; not read: 1 error'],
  ])('%s holds %s', (name, expected) => {
    expect(hits(artifact(name), needlesOf('canary', expected))).not.toEqual([]);
  });
});

describe('leak audit of every byte the binary writes', () => {
  it('no planted value, API token or Basic header appears in any file or output, in any encoding', () => {
    expect(hits(artifacts(), forbiddenNeedles())).toEqual([]);
  });
});

describe('where credentials go', () => {
  it('the scoped scan sent credentials to the site (its refused probe) and the gateway only', () => {
    const sent = scopedSite.credentialed();
    expect(Object.keys(sent).sort()).toEqual([scopedSite.url, scopedSite.gatewayUrl].sort());
    expect(sent[scopedSite.url]).toBe(1);
    expect(sent[scopedSite.gatewayUrl]).toBeGreaterThan(10);
  });

  it('the redirect to a third origin was refused before anything reached it', () => {
    expect(scopedSite.stats().byRoute['/rest/api/3/mypermissions']).toBeGreaterThan(0);
    expect(trap.hits()).toEqual({ requests: 0, credentialed: 0 });
  });

  it('the classic scans sent credentials to the site only', () => {
    expect(Object.keys(site.credentialed())).toEqual([site.url]);
  });
});
