import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { crawl, readByDefault, TruthScanner, unseen } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const SPEC = { seed: 7, issues: 400, pages: 120, now: '2026-01-15T12:00:00.000Z' };

describe('crawler against the fake site', () => {
  let site: FakeSite;
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
  });
  afterAll(() => site.stop());

  it('hands every readable planted value to the detector, in the right item', async () => {
    const truth = site.admin.truth().planted;
    const readable = truth.filter(readByDefault);
    const scanner = new TruthScanner(readable.map((p) => p.value));
    const sink = new MemorySink();
    const result = await crawl(site, sink, scanner);
    const missed = unseen(sink, scanner, readable);
    expect(missed.map((p) => `${p.container}/${p.item}/${p.field}/${p.kind}`)).toEqual([]);
    // The project the administrator's token lists but cannot browse is reported as not covered, and the crawl
    // as incomplete; the space it may not view is listed nowhere, so nothing of it is stored or counted.
    const gaps = result.coverage
      .filter((c) => !c.complete)
      .map((c) => [c.product, c.containerKey, c.coverage.skipped]);
    expect(gaps).toEqual([['jira', 'FIN', { forbidden: 1 }]]);
    expect(result.complete).toBe(false);
    expect([...sink.items.values()].filter((i) => i.item.containerKey === 'LEGAL')).toEqual([]);
    expect([...sink.containers.values()].filter((c) => c.key === 'LEGAL')).toEqual([]);
    // Every listed issue, page and blog post of a readable container is scanned, and only those count.
    for (const { containerKey, coverage } of result.coverage.filter((c) => c.complete)) {
      expect([containerKey, coverage.scanned]).toEqual([containerKey, coverage.listed]);
    }
    const eng = result.coverage.find((c) => c.product === 'jira' && c.containerKey === 'ENG')!;
    expect(eng.coverage.listed).toBe(sink.liveIds('jira', 'ENG').length);
    // Out of reach: the forbidden project and space, view-restricted pages and unpublished drafts (no listing
    // shows them).
    const hidden = new Set(
      truth.filter((t) => !t.readable && !['FIN', 'LEGAL'].includes(t.container)).map((t) => t.item),
    );
    for (const id of hidden) expect(sink.items.has(`confluence:${id}`)).toBe(false);
  });

  it('makes few requests per item (bulk listings, not per-item calls)', async () => {
    site.admin.resetStats();
    const sink = new MemorySink();
    await crawl(site, sink, new TruthScanner([]));
    const items = [...sink.items.values()].filter((i) =>
      ['issue', 'page', 'blogpost'].includes(i.item.kind),
    ).length;
    const { total, byRoute } = site.admin.stats();
    // Permission reads are one per place by design (who may see it), whatever the place holds: on a site this
    // small they would dominate the ratio, so they are counted apart and bounded by the number of places.
    const perPlace = Object.entries(byRoute)
      .filter(([route]) => /permission/i.test(route))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(items).toBeGreaterThan(400);
    expect(perPlace).toBeLessThanOrEqual(20);
    expect((total - perPlace) / items).toBeLessThan(0.1);
  });
});
