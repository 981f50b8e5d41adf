// --include-history: former versions of pages and blog posts are scanned, each finding pointing to its version,
// and an incremental crawl reads only the versions no earlier run scanned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { crawl, TruthScanner } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

// Pages enough for the generator to plant values in former versions (two at this size).
const SPEC = { seed: 7, issues: 100, pages: 600, now: '2026-01-15T12:00:00.000Z' };
const VERSIONS_ROUTES = ['/wiki/api/v2/pages/{id}/versions', '/wiki/api/v2/blogposts/{id}/versions'];

describe('page version history', () => {
  let site: FakeSite;
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
  });
  afterAll(() => site.stop());

  const versionRequests = () =>
    VERSIONS_ROUTES.reduce((n, route) => n + (site.admin.stats().byRoute[route] ?? 0), 0);
  const historyPlants = () =>
    site.admin.truth().planted.filter((p) => p.readable && p.field.startsWith('version:'));

  it.each([
    [false, 'are not read'],
    [true, 'are read, one request per edited page, each value in its version with a deep link'],
  ])('with includeHistory %s former versions %s', async (includeHistory) => {
    const plants = historyPlants();
    expect(plants.length).toBeGreaterThan(0);
    const scanner = new TruthScanner(plants.map((p) => p.value));
    const sink = new MemorySink();
    site.admin.resetStats();
    await crawl(site, sink, scanner, { includeHistory });
    const edited = [...sink.items.values()].filter(
      (i) => ['page', 'blogpost'].includes(i.item.kind) && (i.item.version ?? 1) > 1,
    ).length;
    expect(versionRequests()).toBe(includeHistory ? edited : 0);
    const found = plants.filter((p) =>
      (scanner.seen.get(p.item) ?? []).some(
        (d) =>
          d.field === p.field &&
          d.text.includes(p.value) &&
          d.url.endsWith(`pageId=${p.item}&pageVersion=${p.field.slice('version:'.length)}`),
      ),
    );
    expect(found.length).toBe(includeHistory ? plants.length : 0);
    const recorded = sink.openFindings().filter((f) => f.field.startsWith('version:'));
    expect(recorded.length > 0).toBe(includeHistory);
  });

  it('reads only the versions no earlier run scanned, and keeps an edited-away value as an open finding', async () => {
    const sink = new MemorySink();
    await crawl(site, sink, new TruthScanner([]), { includeHistory: true });
    const page = [...sink.items.values()].find((i) => i.item.kind === 'page' && (i.item.version ?? 1) > 1)!;
    const before = page.item.version!;
    const value = `hist-${Math.random().toString(36).slice(2, 14)}`;
    site.admin.updateContent(page.item.id, { body: `<p>staging key ${value}</p>` });
    site.admin.advanceClock(60_000);
    site.admin.updateContent(page.item.id, { body: '<p>key removed</p>' });
    site.admin.advanceClock(3_600_000);

    sink.runId = 2;
    site.admin.resetStats();
    const scanner = new TruthScanner([value]);
    await crawl(site, sink, scanner, { mode: 'incremental', includeHistory: true });
    expect(versionRequests()).toBe(1);
    const fields = (scanner.seen.get(page.item.id) ?? [])
      .map((d) => d.field)
      .filter((f) => f.startsWith('version:'))
      .sort();
    expect(fields).toEqual([`version:${before}`, `version:${before + 1}`]);
    const open = sink.items.get(`confluence:${page.item.id}`)!.findings;
    expect(open.map((f) => f.field)).toContain(`version:${before + 1}`);

    // Nothing changed since: no history is read again, and the finding stays open.
    sink.runId = 3;
    site.admin.resetStats();
    await crawl(site, sink, new TruthScanner([value]), { mode: 'incremental', includeHistory: true });
    expect(versionRequests()).toBe(0);
    expect(sink.items.get(`confluence:${page.item.id}`)!.findings.map((f) => f.field)).toContain(
      `version:${before + 1}`,
    );
  });
});
