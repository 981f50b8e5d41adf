// Worklog comments and comment marks, crawled from the fake site: worklogs come with the search results, and the
// worklog endpoint is asked only for the issues holding more than the search embeds (20), once each; every comment
// and worklog document says who reads it, from the project type and the comment's jsdPublic and visibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import type { IssueRecord } from '../../src/fake-site/model.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { Doc } from '../../src/types.ts';
import { crawl, TruthScanner } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const content = createSiteContent({ seed: 3, issues: 600, pages: 20, now: '2026-04-01T00:00:00.000Z' });
const WORKLOGS = '/rest/api/3/issue/{issueIdOrKey}/worklog';
let site: FakeSite;
let docs: Doc[];

/** Every issue of the projects the token can browse. */
const readableIssues: IssueRecord[] = content.projects
  .filter((p) => !p.forbidden)
  .flatMap((p) => Array.from({ length: p.issueCount }, (_, i) => content.issue(p.key, i)));
const byId = new Map(readableIssues.map((issue) => [issue.id, issue]));

beforeAll(async () => {
  site = await startFakeSite({ content });
  const scanner = new TruthScanner([]);
  await crawl(site, new MemorySink(), scanner);
  docs = [...scanner.seen.values()].flat();
});
afterAll(() => site.stop());

/** How the scanner should mark an entry of this issue (see the README, "Service desks and restricted comments"). */
function expected(issue: IssueRecord, doc: Doc): string | undefined {
  const desk = content.projects.find((p) => p.key === issue.projectKey)?.projectTypeKey === 'service_desk';
  const entry =
    doc.field === 'comment'
      ? issue.comments.find((c) => c.id === doc.fieldId)
      : issue.worklogs.find((w) => w.id === doc.fieldId);
  if (entry?.visibility) return 'restricted';
  if (!desk) return undefined;
  return doc.field === 'comment' && (entry as { jsdPublic?: boolean }).jsdPublic !== false
    ? 'public'
    : 'internal';
}

describe('worklogs and comment marks in a crawl', () => {
  it('asks the worklog endpoint once for each issue holding more worklogs than the search embeds, and no other', () => {
    const long = readableIssues.filter((issue) => issue.worklogs.length > 20);
    expect(long.length).toBeGreaterThan(0);
    expect(site.stats().byRoute[WORKLOGS]).toBe(long.length);
  });

  it('reads every worklog comment, the ones past the embedded 20 included', () => {
    const withText = readableIssues.flatMap((issue) =>
      issue.worklogs.filter((w) => w.comment !== null).map((w) => `${issue.id}/${w.id}`),
    );
    const read = docs.filter((d) => d.field === 'worklog').map((d) => `${d.itemId}/${d.fieldId}`);
    expect(new Set(read)).toEqual(new Set(withText));
  });

  it.each(['comment', 'worklog'])('marks every %s document as its project and record say', (field) => {
    const marked = docs.filter((d) => d.field === field);
    expect(new Set(marked.map((d) => d.visibility))).toEqual(
      new Set(
        field === 'comment' ? ['public', 'internal', 'restricted', undefined] : ['internal', undefined],
      ),
    );
    const wrong = marked.filter((d) => d.visibility !== expected(byId.get(d.itemId)!, d));
    expect(wrong.map((d) => `${d.itemId}/${d.fieldId}: ${d.visibility}`)).toEqual([]);
  });

  it('marks no other field', () => {
    const others = docs.filter((d) => d.field !== 'comment' && d.field !== 'worklog');
    expect(others.filter((d) => d.visibility !== undefined)).toEqual([]);
  });
});
