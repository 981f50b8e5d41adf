// Issue 15: per-place baselines. Each project and space is read in full only when it needs it (new, never read to
// its end, due, refused until now); a place that stays refused costs one probe, and one that becomes readable is
// read in full by the next run, and only it.
import { afterEach, describe, expect, it } from 'vitest';
import { planRead, type Baseline, type PlaceRead } from '../../src/crawl/baselines.ts';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { crawl, TruthScanner, unseen } from './harness.ts';
import { MemorySink } from './memory-sink.ts';

const NOW = Date.parse('2026-01-15T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000).toISOString();
const read = (days: number): Baseline => ({
  watermark: daysAgo(days),
  completeRun: 1,
  completeAt: daysAgo(days),
  forbidden: false,
});

describe('planRead', () => {
  it.each<[string, Baseline | undefined, 'full' | 'incremental', number | undefined, PlaceRead]>([
    ['a place no run tried', undefined, 'incremental', 7, { mode: 'full', reason: 'new' }],
    [
      'a place refused last time',
      { forbidden: true },
      'incremental',
      7,
      { mode: 'full', reason: 'was-forbidden' },
    ],
    [
      'a place never read to its end',
      { forbidden: false },
      'incremental',
      7,
      { mode: 'full', reason: 'never-complete' },
    ],
    ['a read 3 days old, auto every 7', read(3), 'incremental', 7, { mode: 'incremental' }],
    ['a read 8 days old, auto every 7', read(8), 'incremental', 7, { mode: 'full', reason: 'due' }],
    ['a read 8 days old, --mode incremental', read(8), 'incremental', undefined, { mode: 'incremental' }],
    ['a recent read, --mode full', read(1), 'full', undefined, { mode: 'full', reason: 'requested' }],
    ['a read 0 days old, --reconcile-days 0', read(0), 'incremental', 0, { mode: 'full', reason: 'due' }],
  ])('%s', (_, baseline, mode, fullAfterDays, expected) => {
    const run = { mode, ...(fullAfterDays === undefined ? {} : { fullAfterDays }) };
    expect(planRead(baseline, run, NOW)).toEqual(expected);
  });
});

const SPEC = { seed: 7, issues: 200, pages: 60, now: '2026-01-15T12:00:00.000Z' };
let site: FakeSite;
afterEach(() => site?.stop());

/** A site crawled once in full (FIN refused, LEGAL invisible), ready for the next run. */
async function crawledOnce(): Promise<{ sink: MemorySink; values: string[]; first: TruthScanner }> {
  site = await startFakeSite({ content: createSiteContent(SPEC) });
  const values = [...new Set(site.admin.truth().planted.map((p) => p.value))];
  const sink = new MemorySink();
  const first = new TruthScanner(values);
  await crawl(site, sink, first, { mode: 'full', archived: false });
  site.admin.advanceClock(3_600_000);
  return { sink, values, first };
}

/** The next auto run: incremental, full reads where a place needs one. */
async function nextRun(sink: MemorySink, values: readonly string[]) {
  sink.runId++;
  const scanner = new TruthScanner(values);
  const result = await crawl(site, sink, scanner, { mode: 'incremental', archived: false, fullAfterDays: 7 });
  return { result, scanner };
}

const fullReads = (sink: MemorySink) =>
  Object.fromEntries(
    [...sink.reads]
      .filter(([key, plan]) => key.startsWith(`${sink.runId}:`) && plan.mode === 'full')
      .map(([key, plan]) => [key.slice(key.indexOf(':') + 1), plan.reason]),
  );

/** `jira:FIN` for each place holding an item the scanner was handed (the names masked each run are no items). */
function scannedPlaces(sink: MemorySink, scanner: TruthScanner): string[] {
  const places = [...scanner.seen.keys()].flatMap((id) => {
    const stored = sink.items.get(`jira:${id}`) ?? sink.items.get(`confluence:${id}`);
    return stored ? [`${stored.item.product}:${stored.containerKey}`] : [];
  });
  return [...new Set(places)];
}

describe('per-place baselines', () => {
  it('probes a refused project once per run, then reads it in full when it becomes readable, and only it', async () => {
    const { sink, values } = await crawledOnce();
    expect(sink.baseline('jira', 'FIN')).toMatchObject({ forbidden: true });

    const probe = await nextRun(sink, values);
    expect(fullReads(sink)).toEqual({ 'jira:FIN': 'was-forbidden' });
    expect(probe.result.coverage.find((c) => c.containerKey === 'FIN')?.coverage.skipped).toEqual({
      forbidden: 1,
    });
    expect(scannedPlaces(sink, probe.scanner)).toEqual([]); // nothing changed, nothing read

    expect(site.admin.setForbidden('project', 'FIN', false)).toBe(true);
    const opened = await nextRun(sink, values);
    expect(fullReads(sink)).toEqual({ 'jira:FIN': 'was-forbidden' });
    expect(opened.result.coverage.every((c) => c.complete)).toBe(true);
    expect(scannedPlaces(sink, opened.scanner)).toEqual(['jira:FIN']);
    const fin = site.admin.truth().planted.filter((p) => p.container === 'FIN' && p.product === 'jira');
    expect(fin.length).toBeGreaterThan(0);
    expect(unseen(sink, opened.scanner, fin)).toEqual([]);
    expect(sink.baseline('jira', 'FIN')).toMatchObject({ forbidden: false, completeRun: sink.runId });

    await nextRun(sink, values);
    expect(fullReads(sink)).toEqual({});
  }, 120_000);

  it('reports a project refused since its last read as a gap and still reads what changed elsewhere', async () => {
    const { sink, values } = await crawledOnce();
    const edited = site.admin.updateIssue('ENG-1', { summary: 'edited after the first run' })!;
    expect(site.admin.setForbidden('project', 'OPS', true)).toBe(true);

    const { result, scanner } = await nextRun(sink, values);
    const ops = result.coverage.find((c) => c.product === 'jira' && c.containerKey === 'OPS');
    expect(ops).toMatchObject({ complete: false, coverage: { skipped: { forbidden: 1 } } });
    expect([...scanner.seen.keys()]).toContain(edited.id);
    expect(sink.baseline('jira', 'OPS')).toMatchObject({ forbidden: true });

    await nextRun(sink, values);
    expect(fullReads(sink)).toEqual({ 'jira:FIN': 'was-forbidden', 'jira:OPS': 'was-forbidden' });
  }, 120_000);

  it('reads in full the places whose last complete read is older than --reconcile-days', async () => {
    const { sink, values } = await crawledOnce();
    for (const [key, baseline] of sink.baselines) {
      if (baseline.completeAt) sink.baselines.set(key, { ...baseline, completeAt: daysAgo(8) });
    }
    await nextRun(sink, values);
    const reasons = new Set(Object.values(fullReads(sink)));
    expect(reasons).toEqual(new Set(['due', 'was-forbidden']));
    // Every live issue, page and blog post was listed again (recorded by this run), unchanged or not.
    const live = [...sink.items.values()].filter(
      (i) => !i.deleted && ['issue', 'page', 'blogpost'].includes(i.item.kind),
    );
    expect(live.length).toBeGreaterThan(0);
    expect(live.filter((i) => i.runId !== sink.runId)).toEqual([]);
  }, 120_000);

  it('hands an unchanged Confluence file on an unchanged page to the detector no more, and a revised one again', async () => {
    const { sink, values, first } = await crawledOnce();
    const fileDocs = (scanner: TruthScanner) =>
      [...scanner.seen.values()].flat().filter((d) => d.field.startsWith('attachment-'));
    // A file of a page (Confluence attachment ids start with att).
    const file = fileDocs(first).find((d) => d.fieldId?.startsWith('att'))!;
    const fileId = file.fieldId!;

    expect(fileDocs((await nextRun(sink, values)).scanner)).toEqual([]);

    expect(site.admin.reviseAttachment(file.itemId, fileId, 'nothing secret any more\n')).toBeDefined();
    site.admin.advanceClock(60_000);
    const revised = fileDocs((await nextRun(sink, values)).scanner);
    expect(new Set(revised.map((d) => d.fieldId))).toEqual(new Set([fileId]));
  });
});
