// Who can see each place, through the built binary against in-process fake sites: the space open to anonymous
// users and the project anyone may browse show as `public` in report --json, the table, the HTML report and both
// CSVs; a restricted space made public through the admin API moves up on the next run; a token that may not read
// permission schemes gets `unknown` and one line saying why.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { JiraRole } from '../../src/fake-site/site.ts';
import type { ReportData } from '../../src/report/model.ts';
import { CliWorkspace, runCli, type CliResult } from './run-cli.ts';

const SPEC = { seed: 9, issues: 200, pages: 200, now: '2026-11-01T00:00:00Z' };
const ws = new CliWorkspace();
const sites: FakeSite[] = [];
afterAll(async () => {
  await Promise.all(sites.map((s) => s.stop()));
  ws.remove();
});

async function siteFor(jiraRole: JiraRole) {
  const site = await startFakeSite({ content: createSiteContent(SPEC), jiraRole });
  sites.push(site);
  const db = ws.path(`${jiraRole}.db`);
  const exposure = (args: readonly string[]): Promise<CliResult> =>
    runCli(ws, [...args, '--db', db], {
      env: { ATLASSIAN_SITE: site.url, ATLASSIAN_EMAIL: site.email, ATLASSIAN_API_TOKEN: site.token },
    });
  const scan = (...extra: string[]) =>
    exposure(['scan', '--quiet', '--workers', '1', '--allow-partial', ...extra]);
  const report = async () => JSON.parse((await exposure(['report', '--json'])).stdout) as ReportData;
  return { site, exposure, scan, report };
}

const placeOf = (data: ReportData, product: string, key: string) =>
  data.containers.find((c) => c.product === product && c.key === key)!;

describe('an administrator scan', () => {
  let admin: Awaited<ReturnType<typeof siteFor>>;
  let scan: CliResult;
  beforeAll(async () => {
    admin = await siteFor('admin');
    scan = await admin.scan();
  }, 120_000);

  it('shows the anonymous space and the public project as public in report --json', async () => {
    expect(scan.code).toBe(0);
    const data = await admin.report();
    const seen = Object.fromEntries(data.containers.map((c) => [`${c.product}:${c.key}`, c.visibility]));
    expect(seen).toMatchObject({
      'confluence:SUP': 'public',
      'jira:SUP': 'public',
      'confluence:ENG': 'logged-in',
      'jira:ENG': 'logged-in',
      'confluence:HR': 'restricted',
      'jira:FIN': 'restricted',
    });
    expect(scan.stderr).not.toMatch(/visibility unknown/);
  });

  it('shows them as public in the table printed by scan and report', async () => {
    const table = (await admin.exposure(['report'])).stdout;
    expect(table).toMatch(/^PRODUCT\s+KEY\s+NAME\s+SCORE.*COVERAGE\s+VISIBILITY\s+STATE$/m);
    for (const output of [scan.stdout, table]) {
      expect(output).toMatch(/^confluence\s+SUP\s.*\s100\.0%\s+public\s+scanned$/m);
      expect(output).toMatch(/^jira\s+SUP\s.*\s100\.0%\s+public\s+scanned$/m);
    }
  });

  it('shows them as public in the HTML report', async () => {
    const html = ws.path('report.html');
    expect((await admin.exposure(['report', '--html', html])).code).toBe(0);
    const rows = readFileSync(html, 'utf8').split('<tr class="state-').slice(1);
    const visibilityOf = (product: string, key: string) =>
      rows
        .find((r) => r.includes(`<td>${product}</td>`) && r.includes(`>${key}</a>`))
        ?.match(/<td class="vis-([a-z-]+)">/)?.[1];
    expect([
      visibilityOf('confluence', 'SUP'),
      visibilityOf('jira', 'SUP'),
      visibilityOf('confluence', 'HR'),
    ]).toEqual(['public', 'public', 'restricted']);
  });

  it.each([
    ['the summary CSV', ['--summary'], 'visibility'],
    ['the findings CSV', [], 'place_visibility'],
  ])('shows them as public in %s, and every place as the report does', async (_what, extra, column) => {
    const csv = (await admin.exposure(['export', 'csv', '--out', '-', ...extra])).stdout;
    const rows = (parse(csv, { columns: true }) as Array<Record<string, string>>).filter(
      (r) => r.product !== 'site',
    );
    const expected = new Map(
      (await admin.report()).containers.map((c) => [`${c.product}:${c.key}`, c.visibility]),
    );
    const seen = new Map(rows.map((r) => [`${r.product}:${r.container_key}`, r[column]]));
    expect(seen.get('confluence:SUP')).toBe('public');
    expect(seen.get('jira:SUP')).toBe('public');
    for (const [place, visibility] of seen) expect([place, visibility]).toEqual([place, expected.get(place)]);
    expect(new Set(rows.map((r) => r[column])).size).toBeGreaterThan(1);
  });

  it('moves a restricted space made public through the admin API up the ranking on the next run', async () => {
    const before = await admin.report();
    // A restricted space with findings that a place weighing less than twice as much outranks: doubling its W
    // must pass that place.
    const weight = (c: ReportData['containers'][number]) => c.measure?.weight ?? 0;
    const target = before.containers.find(
      (c) =>
        c.product === 'confluence' &&
        c.visibility === 'restricted' &&
        weight(c) > 0 &&
        before.containers.some((o) => weight(o) > weight(c) && weight(o) < 2 * weight(c)),
    )!;
    const response = await fetch(`${admin.site.url}/__admin/spaces/${target.key}/access`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ access: 'public' }),
    });
    expect(response.status).toBe(200);
    expect((await admin.scan('--mode', 'full')).code).toBe(0);
    const after = placeOf(await admin.report(), 'confluence', target.key);
    expect(after.visibility).toBe('public');
    expect(after.measure!.weight).toBeCloseTo(2 * target.measure!.weight, 6);
    expect(after.rank!).toBeLessThan(target.rank!);
  }, 120_000);
});

describe('a scan by a token without Jira permission rights', () => {
  let user: Awaited<ReturnType<typeof siteFor>>;
  let scan: CliResult;
  beforeAll(async () => {
    user = await siteFor('user');
    scan = await user.scan();
  }, 120_000);

  it('records every project as unknown, never a guess, and says why in one line', async () => {
    expect(scan.code).toBe(0);
    expect(scan.stderr.match(/^visibility unknown.*$/gm)).toEqual([
      "visibility unknown for 5 Jira projects (reading a project's permission scheme needs Administer Jira or " +
        'Administer Projects)',
    ]);
    const data = await user.report();
    const jira = new Set(
      data.containers.filter((c) => c.product === 'jira' && !c.siteWide).map((c) => c.visibility),
    );
    expect([...jira]).toEqual(['unknown']);
    expect(placeOf(data, 'confluence', 'SUP').visibility).toBe('public');
  });
});
