// Content moved or deleted between scans, through the built binary and SQLite: an issue moved to another project
// (new key, same id) and a page moved to another space, each holding a planted value, then a project and a space
// deleted. Each next incremental scan ends in the database a fresh full scan makes: moved items and their open
// findings under their new container, none left in the old one; nothing open left of the deleted containers.
// Runs the built binary: `npm run build` first.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { placedState as placed, scanState } from './db-state.ts';
import { BUILT, ScanWorkspace } from './scan-process.ts';
import { describeWith } from '../support/requirement.ts';

const SPEC = { seed: 5, issues: 300, pages: 80, now: '2026-03-02T09:00:00.000Z' };

/** A readable planted value in an issue or page body, and a readable, live container of the product to move it to. */
function pick(
  site: FakeSite,
  product: 'jira' | 'confluence',
  fields: readonly string[],
  targets: readonly string[],
) {
  const record = site.admin
    .truth()
    .planted.find(
      (p: PlantedRecord) =>
        p.product === product && p.readable && fields.includes(p.field) && p.item !== p.container,
    )!;
  const target = targets.find((key) => key !== record.container)!;
  return { record, target };
}

describeWith(BUILT, 'content moved or deleted between scans (built binary)', () => {
  let site: FakeSite;
  let work: ScanWorkspace;
  let moved: { issueId: string; issueKey: string; from: string; to: string; pageId: string; space: string };
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
    work = new ScanWorkspace(site);
  });
  afterAll(async () => {
    await site?.stop();
    work?.remove();
  });

  it('the incremental scan after the moves ends where a fresh full scan ends', async () => {
    const db = work.db('moves');
    expect((await work.start(db, ['--mode', 'full']).exited).code).toBe(0);

    const issue = pick(site, 'jira', ['summary', 'description'], ['OPS', 'ENG']);
    const page = pick(site, 'confluence', ['body', 'title'], ['OPS', 'ENG']);
    site.admin.advanceClock(3_600_000);
    const movedIssue = site.admin.moveIssue(issue.record.item, issue.target)!;
    site.admin.moveContent(page.record.item, page.target);
    moved = {
      issueId: movedIssue.id,
      issueKey: movedIssue.key,
      from: issue.record.container,
      to: issue.target,
      pageId: page.record.item,
      space: page.target,
    };
    expect(movedIssue.key.startsWith(`${issue.target}-`)).toBe(true);

    const incremental = await work.start(db, ['--mode', 'incremental']).exited;
    expect(incremental.code, incremental.stderr).toBe(0);
    const fresh = work.db('fresh');
    expect((await work.start(fresh, ['--mode', 'full']).exited).code).toBe(0);

    expect(placed(db)).toEqual(placed(fresh));
    // Scores per container agree up to the run's own listing counts (an incremental run lists what changed).
    const scores = (path: string) =>
      scanState(path).scores.map((row) => row.split('|').slice(0, 6).join('|'));
    expect(scores(db)).toEqual(scores(fresh));
    expect(scanState(db).findings).toEqual(scanState(fresh).findings);
  }, 180_000);

  it('stores the moved issue and page, with their findings, under their new containers only', () => {
    const { items, findings } = placed(work.db('moves'));
    expect(items.filter((row) => row.startsWith(`jira|${moved.issueId}|`))).toEqual([
      `jira|${moved.issueId}|${moved.issueKey}|${moved.to}`,
    ]);
    expect(
      items.filter((row) => row.startsWith(`confluence|${moved.pageId}|`)).map((r) => r.split('|')[3]),
    ).toEqual([moved.space]);
    const issueFindings = findings.filter((row) => row.startsWith(`jira|${moved.issueId}|`));
    expect(issueFindings.length).toBeGreaterThan(0);
    expect(issueFindings.every((row) => row.split('|')[2] === moved.to)).toBe(true);
    const pageFindings = findings.filter((row) => row.startsWith(`confluence|${moved.pageId}|`));
    expect(pageFindings.length).toBeGreaterThan(0);
    expect(pageFindings.every((row) => row.split('|')[2] === moved.space)).toBe(true);
  });

  it('a deleted project and space: the next incremental scan says so, retires their content, exits 0', async () => {
    const db = work.db('moves');
    const held = (key: string) => placed(db).findings.filter((row) => row.split('|')[2] === key);
    expect(held('SUP').length).toBeGreaterThan(0);
    site.admin.advanceClock(3_600_000);
    site.admin.deleteContainer('project', 'SUP');
    site.admin.deleteContainer('space', 'HR');

    const incremental = await work.start(db, ['--mode', 'incremental']).exited;
    expect(incremental.code, incremental.stderr).toBe(0);
    expect(incremental.stderr).toMatch(
      /no longer listed by the site \(deleted, archived, or hidden from this token\); their findings are resolved:\n( {2}.*\n){2}/,
    );
    expect(incremental.stderr).toMatch(/^ {2}jira SUP: \d+ items$/m);
    expect(incremental.stderr).toMatch(/^ {2}confluence HR: \d+ items$/m);
    const fresh = work.db('fresh-after-deletion');
    expect((await work.start(fresh, ['--mode', 'full']).exited).code).toBe(0);
    expect(placed(db)).toEqual(placed(fresh));
    expect(held('SUP')).toEqual([]);
    // Retired, not forgotten: their scores fall to 0 in this run's table.
    const retired = scanState(db).scores.filter((row) => /^(jira:SUP|confluence:HR)\|/.test(row));
    expect(retired.map((row) => row.split('|').slice(1, 3))).toEqual([
      ['0', '0'],
      ['0', '0'],
    ]);
  }, 180_000);
});
