import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import type { SuppressionTarget } from '../../src/store/suppressions.ts';
import { beginRun, container, fingerprintOf, item, sampleKey, scanned, tempStore } from './helpers.ts';

const KEY = sampleKey();
const OTHER = sampleKey();
const spaces = [container('ENG'), container('OPS')];

/** ENG/1 and OPS/2 hold KEY; ENG/3 holds OTHER. */
function scanAll(store: Store) {
  const run = beginRun(store, spaces);
  store.scans.record(run.runId, [
    scanned(item('ENG', '1'), KEY),
    scanned(item('OPS', '2'), KEY),
    scanned(item('ENG', '3'), OTHER),
  ]);
  return run;
}

const statusByItem = (store: Store) =>
  Object.fromEntries([...store.findings.iterate({ status: 'all' })].map((f) => [f.itemId, f.status]));

function targets(store: Store, siteId: number): Array<[string, SuppressionTarget, Record<string, string>]> {
  const eng = store.containers.idOf(siteId, { product: 'confluence', key: 'ENG' });
  const firstId = [...store.findings.iterate()].find((f) => f.itemId === '1')?.id ?? -1;
  return [
    [
      'fingerprint',
      { kind: 'fingerprint', fingerprint: fingerprintOf(KEY) },
      { 1: 'suppressed', 2: 'suppressed', 3: 'open' },
    ],
    ['finding id', { kind: 'finding', findingId: firstId }, { 1: 'suppressed', 2: 'open', 3: 'open' }],
    [
      'rule in a container',
      { kind: 'rule', ruleId: 'fake-cloud-key', containerId: eng },
      { 1: 'suppressed', 2: 'open', 3: 'suppressed' },
    ],
  ];
}

/** A store scanned once with target `index` of targets() suppressed: what it changed and the statuses to expect. */
function suppressedStore(index: number) {
  const { store } = tempStore();
  const first = scanAll(store);
  const [, target, expected] = targets(store, first.siteId)[index]!;
  const changed = store.suppressions.add(target, { reason: 'synthetic test key', by: 'tester' });
  return { store, target, expected, changed };
}

describe('suppressions', () => {
  it.each([0, 1, 2])(
    'target %i: applies, survives re-scans and vanish/return, and unsuppress reopens',
    (index) => {
      const { store, target, expected, changed } = suppressedStore(index);
      expect(changed).toBe(Object.values(expected).filter((s) => s === 'suppressed').length);
      expect(statusByItem(store)).toEqual(expected);

      scanAll(store);
      expect(statusByItem(store)).toEqual(expected);
      // The values vanish, then come back: suppressed findings never resurface as open.
      const gone = beginRun(store, spaces);
      store.scans.record(
        gone.runId,
        ['1', '2', '3'].map((id) => scanned(item(id === '2' ? 'OPS' : 'ENG', id), 'clean')),
      );
      scanAll(store);
      expect(statusByItem(store)).toEqual(expected);

      expect(store.suppressions.list()).toMatchObject([
        { target, reason: 'synthetic test key', createdBy: 'tester' },
      ]);
      store.suppressions.remove(target);
      expect(Object.values(statusByItem(store))).toEqual(['open', 'open', 'open']);
      expect(store.suppressions.list()).toEqual([]);
    },
  );

  it('keeps a finding suppressed while another suppression still covers it', () => {
    const t = tempStore();
    const run = scanAll(t.store);
    const [byFingerprint, byId] = targets(t.store, run.siteId);
    t.store.suppressions.add(byFingerprint![1], { reason: 'a', by: 'x' });
    t.store.suppressions.add(byId![1], { reason: 'b', by: 'x' });
    expect(t.store.suppressions.remove(byFingerprint![1])).toBe(1);
    expect(statusByItem(t.store)).toEqual({ 1: 'suppressed', 2: 'open', 3: 'open' });
  });

  it.each([0, 1, 2])(
    'target %i: an item moving between containers keeps what suppresses its findings, and only that',
    (index) => {
      const { store, expected } = suppressedStore(index);
      // ENG/1 and OPS/2 trade places: a suppression of the rule in ENG now covers OPS's former item only.
      const run = beginRun(store, spaces);
      store.scans.record(run.runId, [scanned(item('OPS', '1'), KEY), scanned(item('ENG', '2'), KEY)]);
      const moved = { ...expected, ...(index === 2 ? { 1: 'open', 2: 'suppressed' } : {}) };
      expect(statusByItem(store)).toEqual(moved);
      const containers = [...store.findings.iterate({ status: 'all' })].map((f) => [
        f.itemId,
        f.containerKey,
      ]);
      expect(Object.fromEntries(containers)).toEqual({ 1: 'OPS', 2: 'ENG', 3: 'ENG' });
    },
  );

  it.each([
    [
      'an empty reason',
      { kind: 'fingerprint', fingerprint: 'ab' } as SuppressionTarget,
      ' ',
      /needs a reason/,
    ],
    [
      'an unknown finding id',
      { kind: 'finding', findingId: 999 } as SuppressionTarget,
      'r',
      /no finding 999/,
    ],
  ])('refuses %s', (_name, target, reason, message) => {
    const t = tempStore();
    expect(() => t.store.suppressions.add(target, { reason, by: 'x' })).toThrow(message);
    expect(() => t.store.suppressions.remove(target)).toThrow(/no such suppression/);
  });
});
