// Issue 4: a scan killed at any point (SIGKILL included) or stopped by SIGTERM/SIGINT resumes on the next run and
// ends with the database an uninterrupted run produces. Runs the built binary: `npm run build` first.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { runs, scanState, totalScans, type ScanState } from './db-state.ts';
import { killAfterItems } from './kill-point.ts';
import { BUILT, ScanWorkspace } from './scan-process.ts';
import { describeWith } from '../support/requirement.ts';

const SPEC = { seed: 4, issues: 300, pages: 60 };

describeWith(BUILT, 'scan resume after a kill (built binary)', () => {
  let site: FakeSite;
  let work: ScanWorkspace;
  let clean: ScanState;
  // 'partial': the generated site holds a forbidden project and space.
  let finalRuns: ReturnType<typeof runs>;

  beforeAll(async () => {
    site = await startFakeSite({ spec: SPEC });
    work = new ScanWorkspace(site);
    const exits = await work.scanToEnd(work.db('clean'), 1);
    expect(exits.map((e) => e.code)).toEqual([0]);
    clean = scanState(work.db('clean'));
    finalRuns = runs(work.db('clean'));
    expect(clean.findings.length).toBeGreaterThan(0);
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
    work?.remove();
  });

  it('resumes the same run after SIGKILLs at several points and ends equal to an uninterrupted run', async () => {
    const db = work.db('killed');
    for (const fraction of [0.2, 0.6]) {
      const exit = await killAfterItems(
        work.start(db),
        db,
        Math.round(clean.items.length * fraction),
        'SIGKILL',
      );
      expect(exit.signal, `killed at ${fraction}`).toBe('SIGKILL');
      expect(exit.itemsAtKill).toBeLessThan(clean.items.length);
      // The dead scan leaves its lock behind: the rerun has to take it over.
      expect(existsSync(`${db}.lock`)).toBe(true);
      expect(runs(db).map((r) => r.status)).toEqual(['running']);
    }
    const exits = await work.scanToEnd(db);
    expect(exits.map((e) => e.code)).toEqual([0]);
    expect(exits[0]?.stderr).toMatch(/^run 1 \(full, resumed\) /m);
    expect(runs(db)).toEqual(finalRuns);
    expect(existsSync(`${db}.lock`)).toBe(false);
    const { items, findings } = scanState(db);
    expect({ items, findings }).toEqual({ items: clean.items, findings: clean.findings });
    // No item recorded before a kill is scanned again by the resumed run.
    expect(totalScans(db)).toBe(totalScans(work.db('clean')));
  }, 120_000);

  // Counts travel in the checkpoints, so containers finished before the kill keep their coverage.
  it('keeps the coverage part of the scores of containers finished before the SIGKILL', () => {
    expect(scanState(work.db('killed')).scores).toEqual(clean.scores);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s stops at a safe point, records the run as interrupted, exits 3, and the next run completes it',
    async (signal) => {
      const db = work.db(signal);
      const exit = await killAfterItems(work.start(db), db, Math.round(clean.items.length * 0.3), signal);
      expect(exit.code).toBe(3);
      expect(runs(db).map((r) => r.status)).toEqual(['interrupted']);
      expect(existsSync(`${db}.lock`)).toBe(false);
      const exits = await work.scanToEnd(db);
      expect(exits.map((e) => e.code)).toEqual([0]);
      expect(runs(db)).toEqual(finalRuns);
      expect(scanState(db)).toEqual(clean);
    },
    120_000,
  );

  it('refuses a second scan of the same database while the first runs, naming its pid', async () => {
    const db = work.db('locked');
    // Slow answers keep the first scan busy while the second starts up and reaches the lock.
    site.admin.setFaults({ rules: [{ latencyMs: 4000 }] });
    try {
      const first = work.start(db);
      await waitForLock(db);
      const second = await work.start(db).exited;
      first.child.kill('SIGTERM');
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`pid ${first.child.pid}`);
      expect((await first.exited).code).toBe(3);
    } finally {
      site.admin.setFaults({});
    }
  }, 120_000);
});

async function waitForLock(db: string): Promise<void> {
  while (!existsSync(`${db}.lock`)) await new Promise((wake) => setTimeout(wake, 10));
}
