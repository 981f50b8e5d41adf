import { describe, expect, it } from 'vitest';
import { exposureScore } from '../../src/score.ts';
import type { Store } from '../../src/store/store.ts';
import { beginRun, container, item, sampleKey, scanned, tempStore } from './helpers.ts';

const [A, B, C] = [1, 2, 3].map(sampleKey);
const spaces = [container('ENG'), container('OPS')];

/** Three runs: ENG {A,B} OPS {}  →  ENG {A} OPS {C}  →  ENG {} OPS {C}. */
function threeRuns(store: Store, computeScores = true): number[] {
  const contents = [
    { ENG: `${A} ${B}`, OPS: 'clean' },
    { ENG: `${A}`, OPS: `${C}` },
    { ENG: 'clean', OPS: `${C}` },
  ];
  return contents.map((content) => {
    const run = beginRun(store, spaces);
    store.scans.record(run.runId, [
      scanned(item('ENG', '1'), content.ENG),
      scanned(item('OPS', '2'), content.OPS),
    ]);
    store.runs.finish(run.runId, 'complete');
    if (computeScores) store.scores.compute(run.runId);
    return run.runId;
  });
}

const summary = (store: Store, from?: number, to?: number) => {
  const diff = store.diffs.diff(from, to);
  return {
    runs: [diff.from.id, diff.to.id],
    site: [diff.site.new, diff.site.resolved, diff.site.stillOpen],
    containers: Object.fromEntries(
      diff.containers.map((c) => [c.container.key, [c.new, c.resolved, c.stillOpen, c.score.delta]]),
    ),
    newIn: diff.newFindings.map((f) => f.containerKey),
    resolved: diff.resolvedFindings.map((f) => f.containerKey),
  };
};

const s1 = exposureScore(9);
const s2 = exposureScore(18);

describe('RunDiffer', () => {
  it.each([
    [
      'the last two runs by default',
      undefined,
      undefined,
      [2, 3],
      [0, 1, 1],
      { ENG: [0, 1, 0, -s1], OPS: [0, 0, 1, 0] },
    ],
    ['runs 1 → 2', 1, 2, [1, 2], [1, 1, 1], { ENG: [0, 1, 1, s1 - s2], OPS: [1, 0, 0, s1] }],
    ['runs 1 → 3', 1, 3, [1, 3], [1, 2, 0], { ENG: [0, 2, 0, -s2], OPS: [1, 0, 0, s1] }],
    ['only --to 2', undefined, 2, [1, 2], [1, 1, 1], { ENG: [0, 1, 1, s1 - s2], OPS: [1, 0, 0, s1] }],
  ] as const)('compares %s', (_name, from, to, runs, site, containers) => {
    for (const computeScores of [true, false]) {
      const t = tempStore();
      const ids = threeRuns(t.store, computeScores);
      const result = summary(
        t.store,
        from === undefined ? undefined : ids[from - 1],
        to === undefined ? undefined : ids[to - 1],
      );
      expect(result.runs).toEqual(runs.map((r) => ids[r - 1]));
      expect(result.site).toEqual(site);
      for (const [key, [n, r, open, delta]] of Object.entries(containers)) {
        const [gotNew, gotResolved, gotOpen, gotDelta] = result.containers[key]!;
        expect([gotNew, gotResolved, gotOpen]).toEqual([n, r, open]);
        expect(gotDelta).toBeCloseTo(delta, 0);
      }
      expect(result.newIn).toHaveLength(site[0]);
      expect(result.resolved).toHaveLength(site[1]);
      t.done();
    }
  });

  it.each([
    ['every finding by default', undefined, [1, 2]],
    ['at most one per section', 1, [1, 1]],
    ['none, counts only', 0, [0, 0]],
  ] as const)('lists %s and counts them all', (_name, list, listed) => {
    const t = tempStore();
    const ids = threeRuns(t.store);
    const diff = t.store.diffs.diff(ids[0], ids[2], list);
    expect([diff.newFindings.length, diff.resolvedFindings.length]).toEqual(listed);
    expect([diff.site.new, diff.site.resolved]).toEqual([1, 2]);
  });

  it.each([
    ['an empty database', 0, /no finished run/],
    ['a single run', 1, /no finished run before run/],
  ])('explains what is missing with %s', (_name, runs, message) => {
    const t = tempStore();
    for (let i = 0; i < runs; i++) t.store.runs.finish(beginRun(t.store, spaces).runId, 'complete');
    expect(() => t.store.diffs.diff()).toThrow(message);
  });

  // The later run's open findings come from the items (the last run) or from the findings (an earlier one).
  it.each([
    [1, 2],
    [1, 3],
    [2, 3],
  ] as const)('compares runs %i and %i backwards as the mirror image', (older, newer) => {
    const t = tempStore();
    threeRuns(t.store);
    const forwards = summary(t.store, older, newer);
    const backwards = summary(t.store, newer, older);
    const [added, resolved, stillOpen] = forwards.site;
    expect(backwards.site).toEqual([resolved, added, stillOpen]);
    expect([backwards.newIn, backwards.resolved]).toEqual([forwards.resolved, forwards.newIn]);
  });

  it('lists each changed finding as the finding reader sees it', () => {
    const t = tempStore();
    const ids = threeRuns(t.store);
    const diff = t.store.diffs.diff(ids[0], ids[2]);
    const listed = [...diff.newFindings, ...diff.resolvedFindings];
    expect(listed.length).toBe(3);
    for (const f of listed) {
      const r = t.store.findings.get(f.id)!;
      const { ruleId, category, severity, preview, product, containerKey, itemKey, itemTitle, url } = r;
      expect(f).toEqual({
        id: r.id,
        ruleId,
        category,
        severity,
        preview,
        product,
        containerKey,
        itemKey,
        itemTitle,
        url,
      });
    }
  });

  it('refuses to compare runs of different sites', () => {
    const t = tempStore();
    const a = beginRun(t.store, spaces).runId;
    const b = t.store.runs.begin({
      site: 'https://other.example.test',
      mode: 'full',
      options: {},
      rulesetHash: 'h',
    }).runId;
    expect(() => t.store.diffs.diff(a, b)).toThrow(/different sites/);
  });
});
