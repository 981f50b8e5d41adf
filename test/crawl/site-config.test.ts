// Jira site configuration (custom field, workflow and status names) and the metadata refresh of incremental runs,
// against the generated fake site: what is read, where findings point, what a non-admin token leaves uncovered,
// and that a rename is found by the next incremental run.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { JiraRole } from '../../src/fake-site/site.ts';
import { CONFIG_KEY } from '../../src/sources/jira-config.ts';
import { crawl, itemIdsFor, TruthScanner } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const SPEC = { seed: 5, issues: 120, pages: 40, now: '2026-01-15T12:00:00.000Z' };
const WORKFLOWS = '/rest/api/3/workflows/search';
const sites: FakeSite[] = [];

async function start(jiraRole: JiraRole = 'admin'): Promise<FakeSite> {
  const site = await startFakeSite({ content: createSiteContent(SPEC), jiraRole });
  sites.push(site);
  return site;
}
afterAll(() => Promise.all(sites.map((s) => s.stop())));
afterEach(() => vi.useRealTimers());

/** Moves our wall clock (not the site's) past the site texts' refresh interval. */
const halfADayLater = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 13 * 3_600_000 });
const FIELDS = '/rest/api/3/field';

const configOf = (result: Awaited<ReturnType<typeof crawl>>) =>
  result.coverage.find((c) => c.product === 'jira' && c.containerKey === CONFIG_KEY);

describe('Jira site configuration', () => {
  let site: FakeSite;
  let sink: MemorySink;
  let scanner: TruthScanner;
  let result: Awaited<ReturnType<typeof crawl>>;
  beforeAll(async () => {
    site = await start();
    scanner = new TruthScanner(site.admin.truth().planted.map((p) => p.value));
    sink = new MemorySink();
    result = await crawl(site, sink, scanner);
  });

  it('is a container of its own, fully covered, with one item for field names and one for workflows', () => {
    expect(sink.containers.get(`jira:${CONFIG_KEY}`)?.name).toBe('Jira site configuration');
    expect(configOf(result)).toMatchObject({
      complete: true,
      coverage: { listed: 2, scanned: 2, skipped: {} },
    });
    const ids = [...sink.items.values()].filter((i) => i.containerKey === CONFIG_KEY).map((i) => i.item.id);
    expect(ids.sort()).toEqual(['config:fields', 'config:workflows']);
  });

  it.each([
    ['field-name', 'config:fields', () => createSiteContent(SPEC).fields.filter((f) => f.custom)],
    ['workflow-name', 'config:workflows', () => createSiteContent(SPEC).workflows],
    ['status-name', 'config:workflows', () => createSiteContent(SPEC).workflowStatuses],
    [
      'transition-name',
      'config:workflows',
      () =>
        createSiteContent(SPEC).workflows.flatMap((w) =>
          w.transitions.map((t) => ({ ...t, id: `${w.id}/${t.id}` })),
        ),
    ],
  ] as const)('hands every %s to the detector, linked by its id', (field, itemId, expected) => {
    const docs = (scanner.seen.get(itemId) ?? []).filter((d) => d.field === field);
    const records = expected() as ReadonlyArray<{ id: string; name: string }>;
    const pairs = (list: Array<[string | undefined, string]>) => list.map((p) => p.join(' ')).sort();
    expect(pairs(docs.map((d) => [d.fieldId, d.text]))).toEqual(pairs(records.map((r) => [r.id, r.name])));
    for (const doc of docs) expect(doc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/secure\/admin\//);
  });

  it('finds the planted workflow and transition secrets in their workflow, their links free of the value', () => {
    const planted = site.admin.truth().planted.filter((p) => p.container === '');
    expect(planted.map((p) => p.field)).toEqual(['workflow-description', 'transition-description']);
    for (const p of planted) {
      const findings = itemIdsFor(sink, p).flatMap((id) => sink.items.get(`jira:${id}`)?.findings ?? []);
      const found = findings.filter((f) => f.field === p.field && f.fieldId?.split('/')[0] === p.item);
      expect(found.length).toBe(1);
      expect(found[0]!.url).not.toContain(p.value);
    }
  });

  it('is left out, with no workflow request, when the scope excludes its key', async () => {
    site.admin.resetStats();
    const excluded = new MemorySink();
    const run = await crawl(site, excluded, new TruthScanner([]), { excludeProjects: [CONFIG_KEY] });
    expect(configOf(run)).toBeUndefined();
    // Known and recorded as left out by the options, so reports never show it as a clean 0.
    expect(excluded.excluded.has(`jira:${CONFIG_KEY}`)).toBe(true);
    expect(excluded.coverages.has(`jira:${CONFIG_KEY}`)).toBe(false);
    expect(site.admin.stats().byRoute[WORKFLOWS]).toBeUndefined();
  });
});

describe('a token without the Administer Jira permission', () => {
  const workflowFindings = (sink: MemorySink) =>
    (sink.items.get('jira:config:workflows')?.findings ?? []).filter((f) => f.field.startsWith('workflow-'));

  // A project administrator gets 200 with the team-managed workflows only; a plain user gets 403.
  it.each([
    ['project-admin', true],
    ['user', false],
  ] as const)('as %s: workflows are a forbidden gap, field names still read', async (role, teamRead) => {
    const site = await start(role);
    const team = createSiteContent(SPEC).workflows.find((w) => w.projectId)!;
    const scanner = new TruthScanner([team.name]);
    const sink = new MemorySink();
    const result = await crawl(site, sink, scanner);
    expect(configOf(result)).toMatchObject({
      complete: false,
      coverage: { listed: 1, scanned: 1, skipped: { forbidden: 1 } },
    });
    expect(sink.items.has('jira:config:fields')).toBe(true);
    expect(workflowFindings(sink).map((f) => f.fieldId)).toEqual(teamRead ? [team.id] : []);
    expect(
      site.admin
        .truth()
        .planted.filter((p) => p.container === '')
        .map((p) => p.readable),
    ).toEqual([false, false]);
  });

  it.each(['project-admin', 'user'] as const)(
    'leaves open the workflow findings of an administrator run when the next read is as %s',
    async (role) => {
      const site = await start();
      const scanner = new TruthScanner(site.admin.truth().planted.map((p) => p.value));
      const sink = new MemorySink();
      await crawl(site, sink, scanner);
      const before = workflowFindings(sink).map((f) => f.fieldId);
      expect(before.length).toBe(1);
      site.admin.setJiraRole(role);
      sink.runId = 2;
      halfADayLater();
      const result = await crawl(site, sink, scanner, { mode: 'incremental' });
      expect(configOf(result)?.coverage.skipped).toEqual({ forbidden: 1 });
      expect(workflowFindings(sink).map((f) => f.fieldId)).toEqual(before);
    },
  );
});

describe('incremental runs re-read the site texts', () => {
  // Synthetic key-shaped values (random characters in the documented shape), one per renamed place.
  const renames = [
    ['project', 'ENG', 'name', 'AKIAJ3WQ7N5ZC2XK8PRT'],
    ['project', 'OPS', 'description', 'AKIAV9HD4M2TQ7LS3BNE'],
    ['space', 'ENG', 'name', 'AKIAP6RZ8K3WN5YT2CQH'],
    ['field', 'customfield_10040', 'field-name', 'AKIAM2XB7Q9TJ4VD6LKS'],
  ] as const;

  it('finds a project, space, custom field or workflow renamed to hold a secret, at a small request cost', async () => {
    const site = await start();
    const workflow = createSiteContent(SPEC).workflows[0]!;
    const all = [...renames, ['workflow', workflow.id, 'workflow-name', 'AKIAF5NC8W3RZ7QH2TJX'] as const];
    const scanner = new TruthScanner(all.map(([, , , value]) => value));
    const sink = new MemorySink();
    site.admin.resetStats();
    await crawl(site, sink, scanner);
    const fullRequests = site.admin.stats().total;
    for (const [what, key, field, value] of all) {
      const change = field.endsWith('description')
        ? { description: `note ${value}` }
        : { name: `Renamed ${value}` };
      site.admin.rename(what, key, {
        ...change,
        planted: [{ field, category: 'secret', kind: 'aws-access-key-id', value }],
      });
    }
    site.admin.advanceClock(3_600_000);
    sink.runId = 2;
    site.admin.resetStats();
    halfADayLater();
    await crawl(site, sink, scanner, { mode: 'incremental' });
    const added = site.admin.truth().planted.filter((p) => all.some(([, , , value]) => value === p.value));
    expect(added.length).toBe(all.length);
    const missed = added.filter(
      (p) => !itemIdsFor(sink, p).some((id) => sink.items.get(`${p.product}:${id}`)?.findings.length),
    );
    expect(missed.map((p) => `${p.product}/${p.item}/${p.field}`)).toEqual([]);
    // Reading the site texts costs the field catalogue and one workflow page.
    expect([site.admin.stats().byRoute[FIELDS], site.admin.stats().byRoute[WORKFLOWS]]).toEqual([1, 1]);
    expect(site.admin.stats().total).toBeLessThan(fullRequests);
  });

  it.each([
    ['within 12 hours of the last read: no request for them, the forbidden gap reported again', false, 0],
    ['12 hours or more after the last read: read again', true, 1],
  ])('reads them %s', async (_when, later, requests) => {
    const site = await start('user');
    const sink = new MemorySink();
    await crawl(site, sink, new TruthScanner([]));
    site.admin.advanceClock(3_600_000);
    sink.runId = 2;
    site.admin.resetStats();
    if (later) halfADayLater();
    const result = await crawl(site, sink, new TruthScanner([]), { mode: 'incremental' });
    expect([site.admin.stats().byRoute[FIELDS] ?? 0, site.admin.stats().byRoute[WORKFLOWS] ?? 0]).toEqual([
      requests,
      requests,
    ]);
    expect(configOf(result)).toMatchObject({ complete: false, coverage: { skipped: { forbidden: 1 } } });
  });

  it('detects nothing again when no site text changed', async () => {
    const site = await start();
    const sink = new MemorySink();
    await crawl(site, sink, new TruthScanner([]));
    site.admin.advanceClock(3_600_000);
    sink.runId = 2;
    const scanner = new TruthScanner([]);
    halfADayLater();
    await crawl(site, sink, scanner, { mode: 'incremental' });
    const metadata = [...sink.items.values()].filter(
      (i) => i.item.kind === 'project' || i.item.kind === 'space',
    );
    expect(metadata.length).toBeGreaterThan(10);
    expect(metadata.filter((i) => scanner.seen.has(i.item.id)).map((i) => i.item.id)).toEqual([]);
    expect(
      metadata.every(
        (i) => i.runId === 2 || i.item.containerKey === 'FIN' || i.item.containerKey === 'LEGAL',
      ),
    ).toBe(true);
  });
});
