// The full scan against the ground truth, through the built binary, the real detectors and SQLite: every value
// planted in readable content has an open finding of its category, with its fingerprint, at its place (item,
// field, comment or field id). What the token may not view behaves as on a real site: the project an
// administrator's token lists but cannot browse is a named gap; the space it may not view, and view-restricted
// pages, leave no trace anywhere; a plain user's token never sees the project. Attachment names, comments and
// text contents are read too (--attachments content). Runs the built binary.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { CliWorkspace, runCli } from '../cli/run-cli.ts';
import { describeWith } from '../support/requirement.ts';
import { BUILT, ScanWorkspace, type ScanExit } from './scan-process.ts';
import { missedValues, openFindings, type FindingRow } from './truth-match.ts';

const SPEC = { seed: 23, issues: 3000, pages: 600, now: '2026-05-04T08:00:00.000Z' };

/** Rows of one table naming a container key, in a scan database. */
function rowsNaming(db: string, key: string): Record<string, number> {
  const database = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => (database.prepare(sql).get(key) as { n: number }).n;
    return {
      containers: count('SELECT count(*) AS n FROM containers WHERE key = ?'),
      items: count(
        'SELECT count(*) AS n FROM items i JOIN containers c ON c.id = i.container_id WHERE c.key = ?',
      ),
      coverage: count(
        'SELECT count(*) AS n FROM coverage v JOIN containers c ON c.id = v.container_id WHERE c.key = ?',
      ),
    };
  } finally {
    database.close();
  }
}

describeWith(BUILT, 'a full scan by an administrator against the ground truth (built binary, SQLite)', () => {
  let site: FakeSite;
  let work: ScanWorkspace;
  let db: string;
  let exit: ScanExit;
  let rows: FindingRow[];
  let truth: PlantedRecord[];
  const cli = new CliWorkspace();
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
    work = new ScanWorkspace(site);
    db = work.db('truth');
    exit = await work.start(db, ['--mode', 'full', '--archived', '--attachments', 'content']).exited;
    expect(exit.code, exit.stderr).toBe(0);
    rows = openFindings(db);
    truth = site.admin.truth().planted;
  }, 180_000);
  afterAll(async () => {
    await site?.stop();
    work?.remove();
    cli.remove();
  });

  it('finds every value planted in readable content, at its place, of its category, with its fingerprint', () => {
    const readable = truth.filter((p) => p.readable && !p.field.startsWith('version:'));
    expect(readable.length).toBeGreaterThan(200);
    const missed = missedValues(readable, rows, work.keyFile);
    expect(missed.map((p) => `${p.product} ${p.container}/${p.item}/${p.field} ${p.kind}`)).toEqual([]);
  });

  it('counts a value as missed when its finding is gone, though another value of its field is still found', () => {
    const readable = truth.filter((p) => p.readable && !p.field.startsWith('version:'));
    const place = (p: PlantedRecord) => `${p.product}/${p.container}/${p.item}/${p.field}`;
    const neighbours = (p: PlantedRecord) =>
      readable.filter((q) => place(q) === place(p) && q.value !== p.value);
    const shared = readable.find((p) => neighbours(p).length > 0);
    expect(shared).toBeDefined();
    // Drop the findings carrying this value's fingerprint at its place: its neighbours keep their own.
    const withoutIt = rows.filter((row) => missedValues([shared!], [row], work.keyFile).length === 1);
    expect(withoutIt.length).toBeLessThan(rows.length);
    expect(missedValues([shared!, ...neighbours(shared!)], withoutIt, work.keyFile)).toEqual([shared]);
  });

  it('reports the project the token lists but cannot browse as not covered, and stores nothing of it', () => {
    expect(rows.filter((row) => row.container === 'FIN')).toEqual([]);
    expect(rowsNaming(db, 'FIN')).toEqual({ containers: 1, items: 0, coverage: 1 });
    expect(exit.stderr).toMatch(/^ {2}jira FIN: 0\/0 items scanned; not read: 1 forbidden$/m);
  });

  it('leaves no trace of the space and the pages the token may not view: database, reports, truth recall', async () => {
    expect(rowsNaming(db, 'LEGAL')).toEqual({ containers: 0, items: 0, coverage: 0 });
    const hidden = truth.filter((p) => p.product === 'confluence' && !p.readable);
    expect(hidden.some((p) => p.container === 'LEGAL')).toBe(true);
    expect(hidden.some((p) => p.container !== 'LEGAL')).toBe(true); // view-restricted pages
    const stored = new Set(rows.map((row) => row.externalId));
    expect(hidden.filter((p) => stored.has(p.item))).toEqual([]);
    const run = (args: string[]) => runCli(cli, args, { env: { EXPOSURE_KEY_FILE: work.keyFile } });
    const html = cli.path('report.html');
    const outputs = [
      await run(['report', '--db', db]),
      await run(['report', '--db', db, '--html', html]),
      await run(['export', 'csv', '--db', db, '--out', '-']),
      await run(['export', 'csv', '--db', db, '--out', '-', '--summary']),
    ];
    expect(outputs.map((o) => o.code)).toEqual([0, 0, 0, 0]);
    const text = [exit.stderr, ...outputs.map((o) => o.stdout + o.stderr), readFileSync(html, 'utf8')];
    expect(text.filter((t) => /\bLEGAL\b/.test(t))).toEqual([]);
    expect(exit.stderr).toMatch(/^visible to this token: 6 Jira projects .*, 7 Confluence spaces /m);
  });
});

describeWith(BUILT, 'a scan by a plain user (built binary)', () => {
  let site: FakeSite;
  let work: ScanWorkspace;
  afterAll(async () => {
    await site?.stop();
    work?.remove();
  });

  it('never sees the project it may not browse: no container, no gap, no mention', async () => {
    const spec = { seed: 4, issues: 300, pages: 60, now: '2026-05-04T08:00:00.000Z' };
    site = await startFakeSite({
      content: createSiteContent(spec),
      jiraRole: 'user',
      confluenceRole: 'user',
    });
    work = new ScanWorkspace(site);
    const db = work.db('plain-user');
    const exit = await work.start(db).exited;
    expect(exit.code, exit.stderr).toBe(0);
    expect(rowsNaming(db, 'FIN')).toEqual({ containers: 0, items: 0, coverage: 0 });
    expect(exit.stderr).not.toMatch(/\bFIN\b/);
    expect(exit.stderr).toMatch(
      /^visible to this token: 5 Jira projects \(not a Jira administrator\), 6 Confluence spaces \(not a Confluence administrator\)$/m,
    );
  });
});
