// The state of each place in a run, from the coverage rows the crawler records: a place is never reported read
// (and so never clean) unless the run read it.
import { describe, expect, it } from 'vitest';
import type { PlaceStatus } from '../../src/store/places.ts';
import type { Store } from '../../src/store/store.ts';
import type { Product } from '../../src/types.ts';
import { beginRun, container, item, scanned, tempStore } from './helpers.ts';

const READ = { listed: 2, scanned: 2, bytes: 10, skipped: {} };
const FORBIDDEN = { listed: 0, scanned: 0, bytes: 0, skipped: { forbidden: 1 } };
const places = [container('ENG'), container('FIN', 'jira'), container('OPS')];

type Setup = (store: Store, runs: { first: number; second: number }) => void;
const record = (
  store: Store,
  runId: number,
  key: string,
  coverage = READ,
  excluded = false,
  product: Product = 'confluence',
) => store.runs.recordCoverage(runId, { product, key }, coverage, excluded);

/** Run 1 reads ENG and OPS, FIN is forbidden; `second` sets up run 2 (finished with `status`). */
function twoRuns(second: Setup, status: 'complete' | 'interrupted' = 'complete', options?: unknown) {
  const { store } = tempStore();
  const first = beginRun(store, places).runId;
  store.scans.record(first, [scanned(item('ENG', '1'), 'clean'), scanned(item('OPS', '2'), 'clean')]);
  record(store, first, 'ENG');
  record(store, first, 'OPS');
  record(store, first, 'FIN', FORBIDDEN, false, 'jira');
  store.runs.finish(first, 'partial');
  const run = store.runs.begin({
    site: 'https://synthetic-test.atlassian.net',
    mode: 'incremental',
    options: options ?? {},
    rulesetHash: 'test-rules',
  });
  second(store, { first, second: run.runId });
  store.runs.finish(run.runId, status);
  return { store, first, second: run.runId };
}

const stateOf = (result: Map<number, PlaceStatus>, key: string) =>
  [...result.values()].find((p) => p.container.key === key);

describe('place states', () => {
  it.each<[string, Setup, 'complete' | 'interrupted', unknown, Record<string, [string, string] | undefined>]>(
    [
      [
        'read, forbidden and left out (with and without an earlier read)',
        (store, { second }) => {
          record(store, second, 'ENG');
          record(store, second, 'OPS', READ, true);
          record(store, second, 'FIN', READ, true, 'jira');
        },
        'complete',
        undefined,
        { ENG: ['scanned', 'second'], OPS: ['excluded', 'first'], FIN: ['never-scanned', 'none'] },
      ],
      [
        'a place the run did not list is not part of it',
        (store, { second }) => record(store, second, 'ENG'),
        'complete',
        undefined,
        { ENG: ['scanned', 'second'], OPS: undefined, FIN: undefined },
      ],
      [
        'a product whose listing failed: its places are not read',
        (store, { second }) => {
          record(store, second, 'ENG');
          record(store, second, 'OPS');
          store.runs.recordSiteGaps(second, 'jira', { error: 1 });
        },
        'complete',
        undefined,
        { ENG: ['scanned', 'second'], OPS: ['scanned', 'second'], FIN: ['not-read', 'none'] },
      ],
      [
        'a product the run did not scan is left out',
        (store, { second }) => record(store, second, 'ENG'),
        'complete',
        { products: ['confluence'] },
        { ENG: ['scanned', 'second'], FIN: ['never-scanned', 'none'], OPS: undefined },
      ],
      [
        'an old run without coverage rows, interrupted: not read',
        () => {},
        'interrupted',
        undefined,
        { ENG: ['not-read', 'first'], OPS: ['not-read', 'first'], FIN: ['not-read', 'none'] },
      ],
      [
        'an old run without coverage rows, complete: read',
        () => {},
        'complete',
        undefined,
        { ENG: ['scanned', 'second'], FIN: ['scanned', 'second'] },
      ],
    ],
  )('%s', (_name, setup, status, options, expected) => {
    const { store, first, second } = twoRuns(setup, status, options);
    const result = store.places.forRun(second);
    const runName = (runId: number | undefined) =>
      runId === first ? 'first' : runId === second ? 'second' : 'none';
    for (const [key, want] of Object.entries(expected)) {
      const place = stateOf(result, key);
      expect(place && [place.state, runName(place.lastRead?.runId)], key).toEqual(want);
    }
  });

  it('keeps the reasons a place was not read, and its numbers only where it was read', () => {
    const { store, first } = twoRuns(() => {});
    const fin = stateOf(store.places.forRun(first), 'FIN')!;
    expect(fin).toMatchObject({ state: 'not-read', gaps: { forbidden: 1 }, lastRead: null });
    expect(stateOf(store.places.forRun(first), 'ENG')).toMatchObject({
      state: 'scanned',
      gaps: {},
      coverage: { listed: 2, scanned: 2 },
    });
  });
});
