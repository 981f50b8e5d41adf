import { afterEach, describe, expect, it } from 'vitest';
import { runDiff, type DiffFlags } from '../../src/commands/diff.ts';
import { UsageError } from '../../src/errors.ts';
import type { RunDiff } from '../../src/store/diff.ts';
import { openStore } from '../../src/store/store.ts';
import { beginRun, container } from '../store/helpers.ts';
import { capture, KEY, MAIL, OTHER_KEY, scannedDatabase, runCli } from './store-fixture.ts';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function database() {
  const db = scannedDatabase();
  cleanup = db.cleanup;
  return db;
}

describe('exposure diff', () => {
  it('prints per-container changes and the new and resolved findings of the last two runs', () => {
    const { path, runs } = database();
    const out = capture();
    expect(runDiff({ db: path }, out)).toBe(0);
    const text = out.text();
    expect(text).toContain(`run ${runs[0]} (full, complete`);
    // Scores are W: one critical key at 0.9 is 9; with an e-mail at 0.8, 10.6; the e-mail alone 1.6.
    expect(text).toMatch(/confluence\s+OPS\s+OPS space\s+0\.0 → 9\.0\s+\+9\.0\s+1\s+0\s+0/);
    expect(text).toMatch(/confluence\s+ENG\s+ENG space\s+10\.6 → 1\.6\s+-9\.0\s+0\s+1\s+1/);
    expect(text).toContain('1 new, 1 resolved, 2 still open');
    expect(text).toMatch(/New findings:\n.*\n\s*critical\s+fake-cloud-key\s+confluence:OPS/);
    for (const raw of [KEY, OTHER_KEY, MAIL]) expect(text).not.toContain(raw);
  });

  it.each([
    ['forbidden', { listed: 0, scanned: 0, bytes: 0, skipped: { forbidden: 1 } }, false, 'not read'],
    ['left out by an option', { listed: 0, scanned: 0, bytes: 0, skipped: {} }, true, 'excluded'],
  ])('shows a place %s in the later run by its state, with no change', (_name, coverage, excluded, word) => {
    const { path } = database();
    const store = openStore(path);
    const { runId } = beginRun(store, [container('ENG'), container('ENG', 'jira'), container('OPS')]);
    store.runs.recordCoverage(runId, { product: 'confluence', key: 'ENG' }, { ...coverage, skipped: {} });
    store.runs.recordCoverage(runId, { product: 'confluence', key: 'OPS' }, coverage, excluded);
    store.runs.finish(runId, 'partial');
    store.scores.compute(runId);
    store.close();
    const out = capture();
    runDiff({ db: path }, out);
    expect(out.text()).toMatch(
      new RegExp(`confluence\\s+OPS\\s+OPS space\\s+9\\.0 → ${word}\\s+0\\s+0\\s+1`),
    );
    const json = capture();
    runDiff({ db: path, json: true }, json);
    const ops = (JSON.parse(json.text()) as RunDiff).containers.find((c) => c.container.key === 'OPS');
    expect(ops).toMatchObject({
      state: { from: 'scanned', to: word.replace(' ', '-') },
      score: { delta: null },
    });
  });

  it.each<[string, (runs: number[]) => DiffFlags, [number, number, number]]>([
    ['default runs', () => ({}), [1, 1, 2]],
    ['explicit runs reversed', (runs) => ({ from: String(runs[1]), to: String(runs[0]) }), [1, 1, 2]],
    ['a run with itself', (runs) => ({ from: String(runs[0]), to: String(runs[0]) }), [0, 0, 3]],
  ])('as JSON with %s', (_name, flags, [added, resolved, stillOpen]) => {
    const { path, runs } = database();
    const out = capture();
    runDiff({ ...flags(runs), db: path, json: true }, out);
    const diff = JSON.parse(out.text()) as RunDiff;
    expect([diff.site.new, diff.site.resolved, diff.site.stillOpen]).toEqual([added, resolved, stillOpen]);
    expect(diff.newFindings).toHaveLength(added);
  });

  it.each<[string, DiffFlags, RegExp]>([
    ['a non-numeric run', { from: 'abc' }, /--from expects a positive whole number/],
    ['a zero run', { to: '0' }, /--to expects/],
    ['a bad limit', { limit: '-1' }, /--limit expects/],
  ])('rejects %s', (_name, flags, message) => {
    const { path } = database();
    expect(() => runDiff({ ...flags, db: path }, capture())).toThrow(UsageError);
    expect(() => runDiff({ ...flags, db: path }, capture())).toThrow(message);
  });

  it('names an unknown run', () => {
    const { path } = database();
    expect(() => runDiff({ db: path, from: '99' }, capture())).toThrow(/no run 99/);
  });

  it.each([
    [['--json'], 0],
    [['--from', 'x'], 2],
    [['--to', '99'], 2],
  ])('is wired into the CLI: diff %j exits %i', async (args, code) => {
    const { path } = database();
    expect(await runCli(['diff', '--db', path, ...args])).toBe(code);
  });
});
