// The scan → report → export → diff → suppress cycle of the built binary against an in-process fake site,
// plus the failures that need a live site (wrong token, busy port). No output may ever hold the API token.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { CliWorkspace, expectOneLineError, runCli, type CliResult } from './run-cli.ts';

const TOKEN = `cli-site-token-${randomBytes(12).toString('hex')}`;
const ws = new CliWorkspace();
const db = ws.path('site.db');
let site: FakeSite;
let plantedValues: string[];
let firstScan: CliResult;
const outputs: string[] = [];

async function exposure(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const result = await runCli(ws, args, {
    env: { ATLASSIAN_SITE: site.url, ATLASSIAN_EMAIL: site.email, ATLASSIAN_API_TOKEN: TOKEN, ...env },
  });
  outputs.push(result.stdout, result.stderr);
  return result;
}

beforeAll(async () => {
  const content = createSiteContent({ seed: 9, issues: 200, pages: 40, now: '2026-11-01T00:00:00Z' });
  site = await startFakeSite({ content, token: TOKEN });
  plantedValues = site.admin.truth().planted.map((planted) => planted.value);
  firstScan = await exposure(['scan', '--quiet', '--workers', '1', '--db', db]);
}, 60_000);

afterAll(async () => {
  await site.stop();
  ws.remove();
});

describe('a scan of the fake site', () => {
  it('exits 3 because the administrator token lists FIN but cannot browse it, and names it', () => {
    expect(firstScan.code).toBe(3);
    expect(firstScan.stderr).toMatch(/coverage incomplete/);
    expect(firstScan.stderr).toMatch(/jira FIN: .*forbidden/);
    expect(firstScan.stdout).toMatch(/^PRODUCT\s+KEY\s+NAME\s+SCORE/);
    // Nothing of it was read: no score that would pass for clean.
    expect(firstScan.stdout).toMatch(/^jira\s+FIN\s+Finance\s+not read\s/m);
    expect(firstScan.stdout).toMatch(/^jira\s+ENG\s+Engineering\s+\d+\.\d\s/m);
  });

  it('says once what the token could see; the space it may not view appears nowhere', () => {
    // Six spaces: LEGAL is not listed to this token, and the archived one only with --archived.
    const visible = firstScan.stderr.match(/^visible to this token: .*$/gm);
    expect(visible).toEqual([
      'visible to this token: 6 Jira projects (Jira administrator), 6 Confluence spaces (Confluence administrator)',
    ]);
    expect(`${firstScan.stdout}${firstScan.stderr}`).not.toMatch(/LEGAL/);
  });

  it('report prints the exposure table; --html writes the file', async () => {
    const html = ws.path('report.html');
    const result = await exposure(['report', '--db', db, '--html', html]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PRODUCT\s+KEY\s+NAME\s+SCORE/m);
    expect(result.stdout).toMatch(/^jira\s+FIN\s+Finance\s+not read\s/m);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it.each([['file'], ['stdout']])('export csv to %s: header, CRLF, no raw planted value', async (target) => {
    const file = ws.path('findings.csv');
    const result = await exposure(['export', 'csv', '--db', db, '--out', target === 'file' ? file : '-']);
    expect(result.code).toBe(0);
    const csv = target === 'file' ? readFileSync(file, 'utf8') : result.stdout;
    // A file starts with a UTF-8 BOM for Excel; stdout, read by scripts, does not.
    expect(csv.startsWith('\uFEFF')).toBe(target === 'file');
    const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toMatch(
      /^site,product,container_key,container_name,item,item_title,url,.*,fingerprint,finding_id,field_name,.*,why,visibility,place_visibility$/,
    );
    expect(rows.length).toBeGreaterThan(3);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    for (const value of plantedValues) expect(csv).not.toContain(value);
  });

  it('export csv --summary has one row per space/project', async () => {
    const result = await exposure(['export', 'csv', '--db', db, '--out', '-', '--summary']);
    expect(result.code).toBe(0);
    const rows = result.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^site,product,container_key,container_name,score,open,/);
    expect(rows.some((row) => row.includes(',jira,OPS,'))).toBe(true);
  });

  it('export csv into a folder that cannot be created leaves no file behind', async () => {
    writeFileSync(ws.path('not-a-folder'), 'x');
    const before = ws.files();
    const result = await exposure([
      'export',
      'csv',
      '--db',
      db,
      '--out',
      ws.path('not-a-folder/sub/out.csv'),
    ]);
    expectOneLineError(result, /cannot create the folder of .*out\.csv/);
    expect(ws.files()).toEqual(before);
  });

  it('export csv under /proc exits 2 at once (recursive mkdir would spin there forever)', async () => {
    const result = await exposure(['export', 'csv', '--db', db, '--out', '/proc/no-such-folder/out.csv']);
    expectOneLineError(result, /cannot create the folder of \/proc\/no-such-folder\/out\.csv/);
  });

  it('a second scan with --allow-partial exits 0, and diff compares the two runs', async () => {
    const second = await exposure(['scan', '--quiet', '--workers', '1', '--allow-partial', '--db', db]);
    expect(second.code).toBe(0);
    const diff = await exposure(['diff', '--db', db]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/run 1 .*→ run 2 /);
    expect(diff.stdout).toMatch(/jira\s+OPS\s+/);
  }, 60_000);

  it.each([
    ['fingerprint', 'fingerprint', /^[0-9a-f]{16,}$/],
    ['finding id', 'finding_id', /^[1-9]\d*$/],
  ] as const)(
    'suppress then unsuppress a finding by its %s from the CSV',
    async (_kind, column, shape) => {
      const csv = (await exposure(['export', 'csv', '--db', db, '--out', '-'])).stdout;
      const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
      const target = rows[0]?.[column] ?? '';
      expect(target).toMatch(shape);
      const suppressedRows = async () =>
        (await exposure(['export', 'csv', '--db', db, '--out', '-', '--status', 'suppressed'])).stdout
          .trimEnd()
          .split('\r\n').length - 1;
      expect((await exposure(['suppress', target, '--db', db, '--reason', 'cli test'])).code).toBe(0);
      expect(await suppressedRows()).toBeGreaterThan(0);
      expect((await exposure(['unsuppress', target, '--db', db])).code).toBe(0);
      expect(await suppressedRows()).toBe(0);
    },
    90_000,
  );

  it('--fail-on low exits 1 when findings are open (even with --allow-partial)', async () => {
    const result = await exposure([
      'scan',
      '--quiet',
      '--workers',
      '1',
      '--allow-partial',
      '--fail-on',
      'low',
      '--products',
      'jira',
      '--project',
      'OPS',
      '--db',
      ws.path('ops.db'),
    ]);
    expect(result.code).toBe(1);
  }, 60_000);
});

describe('failures that need a live site', () => {
  it('a wrong token is one "rejected the credentials" line', async () => {
    const result = await exposure(['scan', '--quiet', '--db', ws.path('wrong.db')], {
      ATLASSIAN_API_TOKEN: `wrong-${randomBytes(8).toString('hex')}`,
    });
    expectOneLineError(result, /rejected the credentials of /);
  });

  it('a wrong token leaves no database behind', async () => {
    await exposure(['scan', '--quiet', '--db', ws.path('wrong2.db')], { ATLASSIAN_API_TOKEN: 'wrong-token' });
    expect(existsSync(ws.path('wrong2.db'))).toBe(false);
  });

  it('a site-wide listing failing after retries is a named gap (exit 3), and the rest is scanned', async () => {
    site.admin.setFaults({ rules: [{ route: '/wiki/api/v2/footer-comments', status: 500, probability: 1 }] });
    try {
      const result = await exposure([
        'scan',
        '--quiet',
        '--products',
        'confluence',
        '--db',
        ws.path('wide.db'),
      ]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/^ {2}confluence site-wide listings: not read: 1 error$/m);
      expect(result.stdout).toMatch(/^confluence\s+OPS\s+Operations\s+\d+\.\d\s/m);
      // The gap is the run's: the report says it too, later.
      const report = await exposure(['report', '--db', ws.path('wide.db')]);
      expect(report.stdout).toMatch(/^confluence site-wide listings: not read: 1 error$/m);
    } finally {
      site.admin.setFaults({});
    }
  }, 90_000);

  it('fake-site on a busy port exits 2 naming the port', async () => {
    const port = new URL(site.url).port;
    const result = await exposure(['fake-site', '--port', port]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`EADDRINUSE.*127\\.0\\.0\\.1:${port}`));
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

afterAll(() => {
  for (const output of outputs) expect(output).not.toContain(TOKEN);
});
