// The site's own texts through the built binary and the real detectors: the planted workflow secret is found in
// the Jira site configuration container with a link free of the value, and a project or space renamed to hold a
// secret is found by the next incremental scan. Runs the built binary: `npm run build` first.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { createRng } from '../../src/synth/rng.ts';
import { SENSITIVE_KINDS } from '../../src/synth/sensitive.ts';
import { CliWorkspace, runCli } from '../cli/run-cli.ts';
import { BUILT, ScanWorkspace } from './scan-process.ts';
import { describeWith } from '../support/requirement.ts';

const SPEC = { seed: 3, issues: 80, pages: 30 };

interface FindingRow {
  product: string;
  container: string;
  item: string;
  field: string;
  fieldId: string;
  url: string;
  preview: string;
  run: number;
}

function openFindings(db: string): FindingRow[] {
  const database = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return database
      .prepare(
        `SELECT i.product, c.key AS container, i.external_id AS item, f.field, f.field_id AS fieldId, f.url,
                f.preview, f.first_seen_run AS run
         FROM findings f JOIN items i ON i.id = f.item_id JOIN containers c ON c.id = f.container_id
         WHERE f.status = 'open' AND i.kind IN ('project', 'space')`,
      )
      .all() as FindingRow[];
  } finally {
    database.close();
  }
}

/** A synthetic GitHub token in its documented shape (random characters, valid checksum): never a real one. */
function githubToken(seed: number): string {
  const kind = SENSITIVE_KINDS.find((k) => k.kind === 'github-pat-classic')!;
  return kind.generate(createRng(seed));
}

describeWith(BUILT, 'the site texts, scanned by the built binary', () => {
  let site: FakeSite;
  let work: ScanWorkspace;
  let db: string;
  const cli = new CliWorkspace();
  beforeAll(async () => {
    site = await startFakeSite({ spec: SPEC });
    work = new ScanWorkspace(site);
    db = work.db('site-texts');
    expect((await work.start(db).exited).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await site?.stop();
    work?.remove();
    cli.remove();
  });

  it.each(['workflow-description', 'transition-description'])(
    'finds the planted %s secret in the site configuration container, linked without the value',
    (field) => {
      const [planted] = site.admin.truth().planted.filter((p) => p.field === field);
      const found = openFindings(db).filter((f) => f.field === field);
      expect(found.map((f) => [f.product, f.container, f.item, f.fieldId.split('/')[0]])).toEqual([
        ['jira', 'site-config', 'config:workflows', planted!.item],
      ]);
      expect(found[0]!.url).toMatch(/\/secure\/admin\/workflows\/ListWorkflows\.jspa$/);
      expect(found[0]!.url + found[0]!.preview).not.toContain(planted!.value);
    },
  );

  // Project and space texts are re-read by every incremental scan; the site configuration by full scans and by
  // incremental ones 12 hours after its last read (tested in test/crawl/site-config.test.ts).
  it.each([
    ['project', 'OPS', 'name', 'jira', 'project:', 'incremental'],
    ['space', 'ENG', 'description', 'confluence', 'space:', 'incremental'],
    ['field', 'customfield_10041', 'field-name', 'jira', 'config:fields', 'full'],
  ] as const)(
    'finds a %s (%s %s) renamed to hold a secret on the next scan',
    async (what, key, field, product, itemPrefix, mode) => {
      const value = githubToken(key.length * 31 + field.length);
      const text = `${key} ${field} ${value}`;
      const change = field === 'description' ? { description: text } : { name: text };
      const planted = [{ field, category: 'secret' as const, kind: 'github-pat-classic', value }];
      expect(site.admin.rename(what, key, { ...change, planted })).toBe(true);
      const exit = await work.start(db, ['--mode', mode]).exited;
      expect(exit.code).toBe(0);
      expect(exit.stderr).not.toContain(value);
      const found = openFindings(db).filter(
        (f) => f.product === product && f.field === field && f.item.startsWith(itemPrefix) && f.run > 1,
      );
      expect(found.length).toBe(1);
      expect(found[0]!.container).toBe(what === 'field' ? 'site-config' : key);
    },
    60_000,
  );

  it('puts no raw site-text value in the CSV export, the HTML report or the diff', async () => {
    const values = site.admin.truth().planted.filter((p) => p.item === p.container || p.container === '');
    expect(values.length).toBe(5); // the workflow and transition secrets and the three renames above
    const run = (args: string[]) => runCli(cli, args, { env: { EXPOSURE_KEY_FILE: work.keyFile } });
    const html = cli.path('report.html');
    const outputs = [
      await run(['export', 'csv', '--db', db, '--out', '-']),
      await run(['report', '--db', db, '--html', html]),
      await run(['diff', '--db', db]),
    ];
    expect(outputs.map((o) => o.code)).toEqual([0, 0, 0]);
    expect(outputs[0]!.stdout).toContain(',site-config,');
    const text = outputs.map((o) => o.stdout + o.stderr).join('\n') + readFileSync(html, 'utf8');
    for (const { value } of values) expect(text).not.toContain(value);
  });
});

describeWith(BUILT, 'the site texts, scanned by a project administrator (built binary)', () => {
  let site: FakeSite;
  let work: ScanWorkspace;
  afterAll(async () => {
    await site?.stop();
    work?.remove();
  });

  it('stores the team-managed workflows it sees, reports the rest as a forbidden gap', async () => {
    site = await startFakeSite({ spec: SPEC, jiraRole: 'project-admin' });
    work = new ScanWorkspace(site);
    const team = await teamWorkflow(site);
    const value = githubToken(77);
    expect(site.admin.rename('workflow', team, { name: `team flow ${value}` })).toBe(true);
    const db = work.db('project-admin');
    const exit = await work.start(db).exited;
    expect(exit.code).toBe(0);
    // The workflows item not read is a unit not read, beside the one item read: coverage 1 / (1 + 1).
    expect(exit.stderr).toMatch(/jira site-config: 1\/1 items scanned; not read: 1 forbidden/);
    expect(exit.stderr).toMatch(/Administer Jira permission: .* --exclude-project site-config\)/);
    const found = openFindings(db).filter((f) => f.container === 'site-config');
    expect(found.map((f) => [f.item, f.field, f.fieldId])).toEqual([
      ['config:workflows', 'workflow-name', team],
    ]);
  });
});

/** The id of the team-managed workflow, as the workflow search shows it to a project administrator. */
async function teamWorkflow(site: FakeSite): Promise<string> {
  const headers = { Authorization: `Bearer ${site.token}` };
  const page = (await (await fetch(`${site.url}/rest/api/3/workflows/search`, { headers })).json()) as {
    values: Array<{ id: string }>;
  };
  return page.values[0]!.id;
}
