import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { crawl, TruthScanner } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

// Large enough that the fixed cost of an incremental crawl (a handful of listings) is small against a full one.
const SPEC = { seed: 11, issues: 10_000, pages: 2000, now: '2026-01-15T12:00:00.000Z' };

/** The comparable state of a sink: live items and their open findings. */
function state(sink: MemorySink) {
  const live = [...sink.items.values()].filter(
    (i) => !i.deleted && ['issue', 'page', 'blogpost'].includes(i.item.kind),
  );
  return {
    items: live.map((i) => `${i.item.product}:${i.item.id}`).sort(),
    findings: live
      .flatMap((i) =>
        i.findings.map((f) => `${i.item.id}|${f.field}|${f.fieldId ?? ''}|${f.fingerprint}|${f.start}`),
      )
      .sort(),
  };
}

describe('incremental crawl', () => {
  let site: FakeSite;
  let values: string[];
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
    // Churn edits and comments carry no new planted values, so one list serves every crawl.
    values = [...new Set(site.admin.truth().planted.map((p) => p.value))];
  });
  afterAll(() => site.stop());

  it('after 1% churn reads only what changed and ends where a fresh full crawl ends', async () => {
    const sink = new MemorySink();
    site.admin.resetStats();
    await crawl(site, sink, new TruthScanner(values), { mode: 'full', archived: false });
    const fullRequests = site.admin.stats().total;

    site.admin.advanceClock(3_600_000);
    const churn = site.admin.churn(0.01, 1);
    sink.runId = 2;
    site.admin.resetStats();
    await crawl(site, sink, new TruthScanner(values), { mode: 'incremental', archived: false });
    const incrementalRequests = site.admin.stats().total;

    const fresh = new MemorySink();
    await crawl(site, fresh, new TruthScanner(values), { mode: 'full', archived: false });
    expect(state(sink)).toEqual(state(fresh));
    expect(churn.issues.edited + churn.issues.commented + churn.content.edited).toBeGreaterThan(0);
    expect(churn.issues.deleted + churn.content.deleted).toBeGreaterThan(0);
    // Every run, however small, also asks whether the account administers Jira and Confluence (two requests, for
    // the scan summary): about 0.3% of this full crawl.
    expect(incrementalRequests / fullRequests).toBeLessThanOrEqual(0.055);
  }, 300_000);
});
