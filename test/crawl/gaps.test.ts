// Two gaps of issue 4: project status names survive a resume, and a deleted Confluence comment's findings are
// resolved although its page does not change.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SITE_KEY } from '../../src/crawl/jira-crawl.ts';
import type { Checkpoint, ScannedItem } from '../../src/crawl/ports.ts';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { Product } from '../../src/types.ts';
import { crawl, TruthScanner } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const SPEC = { seed: 7, issues: 120, pages: 120, now: '2026-01-15T12:00:00.000Z' };

/** Throws (a crash) on the record of the last issue page of one project: the listing resumes at that page. */
class CrashingSink extends MemorySink {
  crashed: ScannedItem[] | undefined;
  private readonly project: string;
  constructor(project: string) {
    super();
    this.project = project;
  }
  override record(
    batch: readonly ScannedItem[],
    checkpoint?: { product: Product; containerKey: string; value: Checkpoint },
  ) {
    const last = checkpoint?.containerKey === this.project && checkpoint.value.phase === 'issues';
    if (!this.crashed && last && checkpoint.value.cursor === undefined && !checkpoint.value.done) {
      this.crashed = [...batch];
      throw new Error('simulated crash');
    }
    super.record(batch, checkpoint);
  }
}

const statusesDoc = (scanner: TruthScanner, projectItemId: string) =>
  (scanner.seen.get(projectItemId) ?? []).filter((d) => d.field === 'statuses').at(-1)?.text;

describe('project status names across a resume', () => {
  let site: FakeSite;
  // Three issues a search page: the last page alone lacks some of the project's statuses.
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC), pageSizes: { jiraSearchFields: 3 } });
  });
  afterAll(() => site.stop());

  it('lists every status seen before the crash in the project metadata item', async () => {
    const clean = new TruthScanner([]);
    const cleanSink = new MemorySink();
    await crawl(site, cleanSink, clean);
    const eng = [...cleanSink.items.values()].find(
      (i) => i.item.id.startsWith('project:') && i.containerKey === 'ENG',
    )!;
    const expected = statusesDoc(clean, eng.item.id);
    expect(expected?.split('\n').length).toBeGreaterThan(1);

    const sink = new CrashingSink('ENG');
    await expect(crawl(site, sink, new TruthScanner([]))).rejects.toThrow('simulated crash');
    const lastPage = new Set(sink.crashed!.map((s) => s.item.status));
    expect(lastPage.size).toBeLessThan(expected!.split('\n').length); // the test can tell the bug apart
    const resumed = new TruthScanner([]);
    await crawl(site, sink, resumed);
    expect(statusesDoc(resumed, eng.item.id)).toBe(expected);
  });
});

describe('deleted Confluence comments', () => {
  let site: FakeSite;
  let values: string[];
  // A new site each time: the small site holds few comments with findings, and each case deletes one.
  beforeEach(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
    values = [...new Set(site.admin.truth().planted.map((p) => p.value))];
  });
  afterEach(() => site.stop());

  const commentFindings = (sink: MemorySink, kind: string) =>
    sink.openFindings().filter((f) => f.field.startsWith(`${kind}-comment`));

  it.each([
    ['footer', 'incremental'],
    ['inline', 'incremental'],
    ['footer', 'full'],
    ['inline', 'full'],
  ] as const)('a deleted %s comment loses its findings on the next %s crawl', async (kind, mode) => {
    const sink = new MemorySink();
    await crawl(site, sink, new TruthScanner(values));
    const victim = commentFindings(sink, kind)[0]!;
    expect(victim).toBeDefined();
    expect(site.admin.deleteContentComment(victim.fieldId!)).toBe(true);
    site.admin.advanceClock(3_600_000);
    // The last sweep is older than the sweep interval, as on the next night's run.
    const saved = sink.checkpoints.get(`confluence:${SITE_KEY}`)!;
    sink.checkpoints.set(`confluence:${SITE_KEY}`, { ...saved, commentsSwept: '2000-01-01T00:00:00.000Z' });

    sink.runId = 2;
    await crawl(site, sink, new TruthScanner(values), { mode });
    const fresh = new MemorySink();
    await crawl(site, fresh, new TruthScanner(values));
    const ids = (s: MemorySink) =>
      commentFindings(s, kind)
        .map((f) => `${f.fieldId}|${f.fingerprint}`)
        .sort();
    expect(ids(sink)).not.toContain(`${victim.fieldId}|${victim.fingerprint}`);
    expect(ids(sink)).toEqual(ids(fresh));
  });

  it('does not sweep again while the last sweep is recent', async () => {
    const sink = new MemorySink();
    await crawl(site, sink, new TruthScanner(values));
    sink.runId = 2;
    site.admin.resetStats();
    await crawl(site, sink, new TruthScanner(values), { mode: 'incremental' });
    const { byRoute } = site.admin.stats();
    // One newest-first page of each listing, no ids-only sweep.
    expect([byRoute['/wiki/api/v2/footer-comments'], byRoute['/wiki/api/v2/inline-comments']]).toEqual([
      1, 1,
    ]);
  });
});
