// Projects and spaces deleted from the site after a crawl: the next crawl, full or incremental, retires the items
// it had stored of them (their findings leave the open set) and says which; nothing else changes. A crawl whose
// scope leaves them out, and one that leaves archived content out, retire nothing of what they do not cover (archived
// spaces, and archived pages in current spaces).
import { afterEach, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { crawl, TruthScanner } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const SPEC = { seed: 7, issues: 200, pages: 60, now: '2026-01-15T12:00:00.000Z' };
let site: FakeSite;
afterEach(() => site?.stop());

/** Live items per container (`jira:OPS`), metadata items included. */
function liveByContainer(sink: MemorySink): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { item, deleted } of sink.items.values()) {
    if (deleted) continue;
    const key = `${item.product}:${item.containerKey}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function crawledSite(): Promise<{ sink: MemorySink; scanner: TruthScanner }> {
  site = await startFakeSite({ content: createSiteContent(SPEC) });
  const scanner = new TruthScanner(site.admin.truth().planted.map((p) => p.value));
  const sink = new MemorySink();
  await crawl(site, sink, scanner, { mode: 'full', archived: true });
  sink.runId = 2;
  site.admin.advanceClock(3_600_000);
  return { sink, scanner };
}

describe('projects and spaces the site no longer lists', () => {
  it.each(['incremental', 'full'] as const)(
    'are retired by the next %s crawl with every item they held; the rest stays as it was',
    async (mode) => {
      const { sink, scanner } = await crawledSite();
      const before = liveByContainer(sink);
      expect(before['jira:OPS']).toBeGreaterThan(1);
      expect(before['confluence:ENG']).toBeGreaterThan(1);
      const planted = site.admin.truth().planted.filter((p) => p.container === 'OPS' && p.readable);
      expect(planted.length).toBeGreaterThan(0);
      expect(site.admin.deleteContainer('project', 'OPS')).toBe(true);
      expect(site.admin.deleteContainer('space', 'ENG')).toBe(true);
      expect(site.admin.truth().planted.filter((p) => planted.includes(p))).toEqual([]);

      const result = await crawl(site, sink, scanner, { mode });
      const retired = result.unlisted.map((u) => [u.product, u.containerKey, u.items]);
      expect(retired.sort()).toEqual([
        ['confluence', 'ENG', before['confluence:ENG']],
        ['jira', 'OPS', before['jira:OPS']],
      ]);
      const { 'jira:OPS': _ops, 'confluence:ENG': _eng, ...others } = before;
      expect(liveByContainer(sink)).toEqual(others);
      expect(result.complete).toBe(false); // FIN and LEGAL are still forbidden: unchanged by this
    },
    120_000,
  );

  it('are left alone by a crawl whose scope does not cover them', async () => {
    const { sink, scanner } = await crawledSite();
    const before = liveByContainer(sink);
    site.admin.deleteContainer('project', 'OPS');
    const result = await crawl(site, sink, scanner, { mode: 'incremental', projects: ['ENG'] });
    expect(result.unlisted).toEqual([]);
    expect(liveByContainer(sink)['jira:OPS']).toBe(before['jira:OPS']);
  }, 120_000);

  it('do not include an archived space that a crawl leaving archived content out does not list', async () => {
    const { sink, scanner } = await crawledSite();
    const before = liveByContainer(sink);
    expect(before['confluence:LEGACY']).toBeGreaterThan(0);
    const result = await crawl(site, sink, scanner, { mode: 'incremental', archived: false });
    expect(result.unlisted).toEqual([]);
    expect(liveByContainer(sink)['confluence:LEGACY']).toBe(before['confluence:LEGACY']);
  }, 120_000);

  it('leaves archived pages alone when a full crawl leaves archived content out (not looked for, not gone)', async () => {
    const { sink, scanner } = await crawledSite();
    const archived = [...sink.items.values()].filter((i) => i.item.status === 'archived' && !i.deleted);
    expect(archived.length).toBeGreaterThan(0);
    const before = liveByContainer(sink);
    await crawl(site, sink, scanner, { mode: 'full', archived: false });
    expect(archived.filter((i) => i.deleted)).toEqual([]);
    expect(liveByContainer(sink)).toEqual(before);
  }, 120_000);

  it('come back with their content when the site lists them again', async () => {
    const { sink, scanner } = await crawledSite();
    const before = liveByContainer(sink);
    const findings = sink.openFindings().length;
    site.admin.deleteContainer('space', 'OPS');
    await crawl(site, sink, scanner, { mode: 'incremental' });
    expect(liveByContainer(sink)['confluence:OPS']).toBeUndefined();
    await site.stop();
    // The same site content served again: the space is listed as before.
    site = await startFakeSite({ content: createSiteContent(SPEC) });
    sink.runId = 3;
    const result = await crawl(site, sink, scanner, { mode: 'full' });
    expect(result.unlisted).toEqual([]);
    expect(liveByContainer(sink)).toEqual(before);
    expect(sink.openFindings().length).toBe(findings);
  }, 120_000);
});
