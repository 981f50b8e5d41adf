// A scoped token, crawled in process against a fake site whose site URL refuses it: the crawler finds the API
// gateway through tenant_info, reads everything a classic token reads, links to the site, says so once, and turns
// a withheld scope into a gap of what it blocks while the rest is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlResult } from '../../src/crawl/crawl.ts';
import { CredentialError } from '../../src/errors.ts';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';
import { DEFAULT_GRANT } from '../../src/fake-site/scopes.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { crawl, itemIdsFor, readByDefault, TruthScanner, unseen } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const content = createSiteContent({ seed: 31, issues: 160, pages: 60, now: '2026-02-01T09:00:00.000Z' });
const sites: FakeSite[] = [];

async function scopedSite(scopes: readonly string[] = DEFAULT_GRANT): Promise<FakeSite> {
  const site = await startFakeSite({ content, tokenKind: 'scoped', scopes });
  sites.push(site);
  return site;
}

afterAll(() => Promise.all(sites.map((site) => site.stop())));

/** Crawls with the site's gateway as the test hook; returns the sink, scanner, result and notices. */
async function crawlScoped(site: FakeSite, force = false) {
  const planted = site.admin.truth().planted.filter(readByDefault);
  const scanner = new TruthScanner(planted.map((p) => p.value));
  const sink = new MemorySink();
  const notices: string[] = [];
  const gateway = { origin: site.gatewayUrl, force };
  const result = await crawl(site, sink, scanner, { gateway, notice: (line) => notices.push(line) });
  const missed = (wanted: PlantedRecord[]) =>
    wanted
      .filter(
        (p) =>
          !itemIdsFor(sink, p).some((id) =>
            (scanner.seen.get(id) ?? []).some((d) => d.text.includes(p.value)),
          ),
      )
      .map((p) => `${p.container}/${p.item}/${p.field}`);
  return { planted, scanner, sink, result, notices, missed };
}

describe('a scoped token the site URL refuses', () => {
  let site: FakeSite;
  beforeAll(async () => {
    site = await scopedSite();
  });

  it.each([
    ['found through the site refusing it', false],
    ['forced with --gateway', true],
  ])('%s: reads every readable planted value through the gateway, linking to the site', async (_n, force) => {
    const before = site.credentialed();
    const { planted, scanner, result, notices, missed } = await crawlScoped(site, force);
    expect(missed(planted)).toEqual([]);
    expect(notices).toEqual([`scoped token: using the API gateway for ${site.url}`]);
    expect(result.missingScopes).toEqual([]);
    const urls = [...scanner.seen.values()].flat().map((doc) => doc.url);
    expect(urls.length).toBeGreaterThan(planted.length);
    expect(urls.filter((url) => !url.startsWith(`${site.url}/`))).toEqual([]);
    // Credentials reach the site once (the probe it refuses) unless forced, and otherwise only the gateway.
    const after = site.credentialed();
    expect((after[site.url] ?? 0) - (before[site.url] ?? 0)).toBe(force ? 0 : 1);
    expect(Object.keys(after).sort()).toEqual([site.url, site.gatewayUrl].sort());
  });

  it('an incremental crawl through the gateway reads what changed (JQL and the v1 CQL search)', async () => {
    const sink = new MemorySink();
    const gateway = { origin: site.gatewayUrl, force: false };
    await crawl(site, sink, new TruthScanner([]), { gateway });
    sink.runId = 2;
    site.admin.advanceClock(3_600_000);
    const [issueMark, pageMark] = ['scoped-incremental-issue-7f3a', 'scoped-incremental-page-2c9e'];
    const project = content.projects.find((p) => !p.forbidden)!;
    const space = content.spaces.find((s) => !s.forbidden && s.status === 'current')!;
    site.admin.updateIssue(content.issue(project.key, 0).key, { description: issueMark });
    site.admin.createContent({ spaceKey: space.key, title: 'Rotation notes', body: `<p>${pageMark}</p>` });
    const scanner = new TruthScanner([issueMark, pageMark]);
    const result = await crawl(site, sink, scanner, { gateway, mode: 'incremental' });
    const texts = [...scanner.seen.values()].flat().map((doc) => doc.text);
    expect([issueMark, pageMark].filter((mark) => !texts.some((text) => text.includes(mark)))).toEqual([]);
    expect(result.missingScopes).toEqual([]);
  });

  it('is a credential error when no gateway may be tried (a loopback site without the test hook)', async () => {
    await expect(crawl(site, new MemorySink(), new TruthScanner([]))).rejects.toThrow(CredentialError);
    await expect(crawl(site, new MemorySink(), new TruthScanner([]))).rejects.toThrow(
      /rejected the credentials of/,
    );
  });
});

describe('a scoped token without a scope', () => {
  it('without read:comment:confluence: the comments are a Confluence gap, everything else is read', async () => {
    const site = await scopedSite(DEFAULT_GRANT.filter((s) => s !== 'read:comment:confluence'));
    const { planted, result, missed } = await crawlScoped(site);
    expect(result.missingScopes.sort()).toEqual([
      'GET /wiki/api/v2/footer-comments',
      'GET /wiki/api/v2/inline-comments',
    ]);
    const siteGaps = result.coverage.filter((c) => c.containerKey === '' && !c.complete);
    expect(siteGaps.map((c) => [c.product, c.coverage.skipped])).toEqual([
      ['confluence', { 'missing-scope': 1 }],
    ]);
    expect(result.complete).toBe(false);
    const inComments = (p: PlantedRecord) => /comment/.test(p.field) && p.product === 'confluence';
    expect(planted.some(inComments)).toBe(true);
    expect(missed(planted.filter((p) => !inComments(p)))).toEqual([]);
  });

  it('comments refused after a complete run: the incremental crawl still sweeps the trash and reads new files', async () => {
    const site = await scopedSite();
    const gateway = { origin: site.gatewayUrl, force: false };
    const sink = new MemorySink();
    await crawl(site, sink, new TruthScanner([]), { gateway });
    const planted = site.admin.truth().planted.filter((p) => p.product === 'confluence' && p.readable);
    const file = planted.find((p) => /^attachment:[^:]+:(name|comment)$/.test(p.field))!;
    const trashed = planted.find((p) => p.item !== file.item && p.field === 'body')!;
    const [, attachmentId] = file.field.split(':') as [string, string];
    sink.runId = 2;
    site.admin.advanceClock(3_600_000);
    expect(site.admin.reviseAttachment(file.item, attachmentId, 'revised')).toBeDefined();
    expect(site.admin.deleteContent(trashed.item)).toBe(true);
    // The token loses the comment scope between the runs (the gateway answers the scope-mismatch 401).
    const refused = ['footer', 'inline'].map((kind) => ({
      route: `/wiki/api/v2/${kind}-comments`,
      scopeMismatch: true,
    }));
    site.admin.setFaults({ rules: refused });
    const scanner = new TruthScanner([file.value]);
    const result = await crawl(site, sink, scanner, { gateway, mode: 'incremental' });
    const siteGaps = result.coverage.filter((c) => c.containerKey === '' && !c.complete);
    expect(siteGaps.map((c) => [c.product, c.coverage.skipped])).toEqual([
      ['confluence', { 'missing-scope': 1 }],
    ]);
    const listed = (scanner.seen.get(file.item) ?? []).filter((d) => d.field.startsWith('attachment-'));
    expect(listed.some((d) => d.text.includes(file.value))).toBe(true);
    expect(sink.items.get(`confluence:${trashed.item}`)?.deleted).toBe(true);
  });

  it('without the comment scope, later runs stay incremental; once it is granted every comment is read', async () => {
    const site = await scopedSite();
    const gateway = { origin: site.gatewayUrl, force: false };
    const refused = ['footer', 'inline'].map((kind) => ({
      route: `/wiki/api/v2/${kind}-comments`,
      scopeMismatch: true,
    }));
    site.admin.setFaults({ rules: refused });
    const sink = new MemorySink();
    const gapOf = (result: CrawlResult) =>
      result.coverage.find((c) => c.product === 'confluence' && c.containerKey === '')?.coverage.skipped;
    expect(gapOf(await crawl(site, sink, new TruthScanner([]), { gateway }))).toEqual({ 'missing-scope': 1 });
    const space = content.spaces.find((s) => !s.forbidden && s.status === 'current')!;
    sink.runId = 2;
    const second = await crawl(site, sink, new TruthScanner([]), { gateway, mode: 'incremental' });
    expect(gapOf(second)).toEqual({ 'missing-scope': 1 });
    expect(sink.readPlan('confluence', space.key)?.mode).toBe('incremental');
    // The scope is granted: the comments no run has read are all read, though the run is incremental.
    site.admin.setFaults({});
    const inComments = site.admin
      .truth()
      .planted.filter((p) => p.product === 'confluence' && p.readable && /comment/.test(p.field));
    expect(inComments.length).toBeGreaterThan(0);
    sink.runId = 3;
    const scanner = new TruthScanner(inComments.map((p) => p.value));
    const third = await crawl(site, sink, scanner, { gateway, mode: 'incremental' });
    expect(gapOf(third) ?? {}).toEqual({});
    expect(sink.readPlan('confluence', space.key)?.mode).toBe('incremental');
    expect(unseen(sink, scanner, inComments)).toEqual([]);
  });

  it('without read:jira-user: the probe falls back to Confluence, and nothing is left unread', async () => {
    const site = await scopedSite(DEFAULT_GRANT.filter((s) => s !== 'read:jira-user'));
    const { planted, result, missed } = await crawlScoped(site);
    expect(result.missingScopes).toEqual(['GET /rest/api/3/myself']);
    expect(missed(planted)).toEqual([]);
    expect(result.coverage.filter((c) => c.containerKey === '' && !c.complete)).toEqual([]);
  });
});
