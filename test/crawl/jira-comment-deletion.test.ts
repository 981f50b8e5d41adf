// A deleted Jira comment that held a finding: the issue's update stamp moves, so the next incremental crawl reads
// the issue again and ends where a fresh full crawl ends, the comment's findings gone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { crawl, TruthScanner } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const SPEC = { seed: 7, issues: 200, pages: 20, now: '2026-01-15T12:00:00.000Z' };
let site: FakeSite;
beforeAll(async () => {
  site = await startFakeSite({ content: createSiteContent(SPEC) });
});
afterAll(() => site.stop());

const commentFindings = (sink: MemorySink) =>
  [...sink.items.values()]
    .filter((i) => !i.deleted && i.item.product === 'jira')
    .flatMap((i) => i.findings.filter((f) => f.field === 'comment').map((f) => ({ key: i.item.key!, ...f })));

it('a deleted Jira comment loses its findings on the next incremental crawl', async () => {
  const values = [...new Set(site.admin.truth().planted.map((p) => p.value))];
  const sink = new MemorySink();
  await crawl(site, sink, new TruthScanner(values));
  const victim = commentFindings(sink)[0]!;
  expect(victim).toBeDefined();
  site.admin.advanceClock(3_600_000);
  expect(site.admin.deleteIssueComment(victim.key, victim.fieldId!)).toBe(true);

  sink.runId = 2;
  await crawl(site, sink, new TruthScanner(values), { mode: 'incremental' });
  const fresh = new MemorySink();
  await crawl(site, fresh, new TruthScanner(values));
  const ids = (s: MemorySink) =>
    commentFindings(s)
      .map((f) => `${f.key}|${f.fieldId}|${f.fingerprint}`)
      .sort();
  expect(ids(sink)).not.toContain(`${victim.key}|${victim.fieldId}|${victim.fingerprint}`);
  expect(ids(sink)).toEqual(ids(fresh));
});
