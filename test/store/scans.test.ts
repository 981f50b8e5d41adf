import { describe, expect, it } from 'vitest';
import { maskTitle } from '../../src/store/item-row.ts';
import type { PlacedFinding } from '../../src/store/model.ts';
import { beginRun, container, findIn, item, sampleKey, sampleMail, scanned, tempStore } from './helpers.ts';

type Row = {
  id: number;
  rule_id: string;
  status: string;
  first_seen_run: number;
  last_seen_run: number;
  item_scan: number;
  resolved_run: number | null;
  field: string;
};

function setup() {
  const t = tempStore();
  const { store } = t;
  const findings = () => store.db.prepare('SELECT * FROM findings ORDER BY id').all() as Row[];
  return { store, findings };
}

const KEY = sampleKey;
const MAIL = sampleMail;

describe('ScanWriter.record', () => {
  it('is idempotent: the same content twice changes only last-seen and timestamps', () => {
    const { store, findings } = setup();
    const space = container('ENG');
    const page = scanned(item('ENG', '1'), `key ${KEY()} and ${MAIL()}`);
    const first = beginRun(store, [space]);
    store.scans.record(first.runId, [page]);
    const before = findings();
    const second = beginRun(store, [space]);
    store.scans.record(second.runId, [page]);
    store.scans.record(second.runId, [page]);
    const after = findings();
    expect(after).toHaveLength(2);
    // last_seen_run and item_scan are the bookkeeping that changes: when and how often the item was seen.
    const stable = (rows: Row[]) => rows.map(({ last_seen_run: _l, item_scan: _s, ...rest }) => rest);
    expect(stable(after)).toEqual(stable(before));
    expect(after.map((r) => r.last_seen_run)).toEqual([second.runId, second.runId]);
  });

  it.each([
    ['a value removed from the body', (key: string, mail: string) => `only ${mail}`, ['resolved', 'open']],
    ['both values kept', (key: string, mail: string) => `${key} ${mail}`, ['open', 'open']],
    ['everything removed', () => 'clean now', ['resolved', 'resolved']],
  ])(
    're-scan with %s resolves exactly the vanished findings and keeps first-seen',
    (_name, nextBody, statuses) => {
      const { store, findings } = setup();
      const key = KEY();
      const mail = MAIL();
      const first = beginRun(store, [container('ENG')]);
      store.scans.record(first.runId, [scanned(item('ENG', '1'), `${key} ${mail}`)]);
      const second = beginRun(store, [container('ENG')]);
      store.scans.record(second.runId, [scanned(item('ENG', '1'), nextBody(key, mail))]);
      const rows = findings();
      expect(rows.map((r) => r.status)).toEqual(statuses);
      for (const r of rows) {
        expect(r.first_seen_run).toBe(first.runId);
        expect(r.resolved_run).toBe(r.status === 'resolved' ? second.runId : null);
      }
    },
  );

  it('moves the findings of an item that moved to another container, resolved ones included', () => {
    const { store } = setup();
    const key = KEY();
    const run = beginRun(store, [container('ENG', 'jira'), container('OPS', 'jira')]);
    store.scans.record(run.runId, [scanned(item('ENG', '1', {}, 'jira'), `${key} ${MAIL()}`)]);
    store.scans.record(run.runId, [scanned(item('OPS', '1', {}, 'jira'), key)]);
    const where = [...store.findings.iterate({ status: 'all' })].map((f) => [f.containerKey, f.status]);
    expect(where.sort()).toEqual([
      ['OPS', 'open'],
      ['OPS', 'resolved'],
    ]);
  });

  it('takes the edit stamps of an unchanged item (a new version or status with the same text), not its findings', () => {
    const { store, findings } = setup();
    const page = scanned(item('ENG', '1'), KEY());
    store.scans.record(beginRun(store, [container('ENG')]).runId, [page]);
    const before = findings();
    const edited = { ...page.item, updated: '2026-11-02T00:00:00.000Z', version: 2, status: 'current' };
    const run = beginRun(store, [container('ENG')]);
    store.scans.record(run.runId, [{ item: edited, contentHash: page.contentHash, findings: 'unchanged' }]);
    const row = store.db
      .prepare('SELECT updated, version, status, last_scanned_run AS run FROM items')
      .get() as Record<string, unknown>;
    expect(row).toEqual({ updated: edited.updated, version: 2, status: 'current', run: run.runId });
    expect(findings()).toEqual(before);
  });

  it('resolves vanished findings even when the item is re-scanned within the same run', () => {
    const { store, findings } = setup();
    const run = beginRun(store, [container('ENG')]);
    store.scans.record(run.runId, [scanned(item('ENG', '1'), KEY())]);
    store.scans.record(run.runId, [scanned(item('ENG', '1'), 'gone')]);
    expect(findings().map((r) => r.status)).toEqual(['resolved']);
  });

  it('reopens a value that comes back, keeping its row and first-seen run', () => {
    const { store, findings } = setup();
    const key = KEY();
    const runs = [1, 2, 3].map(() => beginRun(store, [container('ENG')]));
    const bodies = [key, 'removed', key];
    runs.forEach((run, i) => store.scans.record(run.runId, [scanned(item('ENG', '1'), bodies[i] ?? '')]));
    const [row] = findings();
    expect(row).toMatchObject({ status: 'open', first_seen_run: runs[0]?.runId, resolved_run: null });
    expect(findings()).toHaveLength(1);
  });

  it('writes the checkpoint with its batch, and neither when the batch fails', () => {
    const { store } = setup();
    const run = beginRun(store, [container('ENG')]);
    const ref = { product: 'confluence' as const, key: 'ENG' };
    store.scans.record(run.runId, [scanned(item('ENG', '1'), KEY())], {
      container: ref,
      value: { cursor: 'a' },
    });
    expect(store.checkpoints.get(run.siteId, ref)).toEqual({ cursor: 'a' });
    const bad = [scanned(item('ENG', '2'), KEY()), scanned(item('NOPE', '3'), KEY())];
    expect(() => store.scans.record(run.runId, bad, { container: ref, value: { cursor: 'b' } })).toThrow(
      /unknown confluence container NOPE/,
    );
    expect(store.checkpoints.get(run.siteId, ref)).toEqual({ cursor: 'a' });
    expect(store.scans.known(run.siteId, 'confluence', ['1', '2'])).toHaveProperty('size', 1);
  });

  it('reports item state for skipping and marks deleted items with their findings resolved', () => {
    const { store, findings } = setup();
    const run = beginRun(store, [container('ENG')]);
    const page = scanned(item('ENG', '7'), KEY());
    store.scans.record(run.runId, [page, scanned(item('ENG', '8'), 'clean')]);
    const state = store.scans.known(run.siteId, 'confluence', ['7', '8', '9']);
    expect([...state.keys()].sort()).toEqual(['7', '8']);
    expect(state.get('7')).toMatchObject({
      contentHash: page.contentHash,
      runId: run.runId,
      item: { containerKey: 'ENG', version: 1, updated: page.item.updated },
    });
    const later = beginRun(store, [container('ENG')]);
    expect(store.scans.markDeleted(later.runId, { product: 'confluence', key: 'ENG' }, ['7'])).toBe(1);
    expect(findings()).toMatchObject([{ status: 'resolved', resolved_run: later.runId }]);
    expect(store.scans.known(run.siteId, 'confluence', ['7']).size).toBe(0);
  });

  it('keeps the findings of an unchanged item and marks the item seen by the new run', () => {
    const { store, findings } = setup();
    const run = beginRun(store, [container('ENG')]);
    const page = scanned(item('ENG', '7'), KEY());
    store.scans.record(run.runId, [page, scanned(item('ENG', '8'), 'clean')]);
    const later = beginRun(store, [container('ENG')]);
    store.scans.record(later.runId, [{ ...page, findings: 'unchanged' }]);
    expect(findings()).toMatchObject([{ status: 'open', first_seen_run: run.runId }]);
    expect(store.scans.known(run.siteId, 'confluence', ['7']).get('7')?.runId).toBe(later.runId);
    expect(store.scans.unseen(later.runId, { product: 'confluence', key: 'ENG' })).toEqual(['8']);
  });

  it('leaves items stored as archived out of the unseen ones when the listing did not look for them', () => {
    const { store } = setup();
    const run = beginRun(store, [container('ENG')]);
    const archived = { ...item('ENG', '9'), status: 'archived' };
    store.scans.record(run.runId, [scanned(item('ENG', '8'), 'clean'), scanned(archived, 'clean')]);
    const later = beginRun(store, [container('ENG')]);
    const eng = { product: 'confluence' as const, key: 'ENG' };
    expect(store.scans.unseen(later.runId, eng).sort()).toEqual(['8', '9']);
    expect(store.scans.unseen(later.runId, eng, true)).toEqual(['8']);
  });

  it('retires every live item of a vanished container, those this run saw included, resolving their findings', () => {
    const { store, findings } = setup();
    const eng = { product: 'confluence' as const, key: 'ENG' };
    const first = beginRun(store, [container('ENG')]);
    store.scans.record(first.runId, [scanned(item('ENG', '1'), KEY())]);
    const resumed = beginRun(store, [container('ENG')]);
    store.scans.record(resumed.runId, [scanned(item('ENG', '2'), KEY())]);
    expect(store.scans.retire(resumed.runId, eng)).toBe(2);
    expect(findings().map((f) => f.status)).toEqual(['resolved', 'resolved']);
    expect(store.containers.holdingItems(resumed.siteId, 'confluence')).toEqual([]);
    expect(store.scans.retire(resumed.runId, eng)).toBe(0);
  });

  it('replaces only the fields a field-scoped record names', () => {
    const { store, findings } = setup();
    const run = beginRun(store, [container('ENG')]);
    const page = scanned(item('ENG', '7'), KEY());
    store.scans.record(run.runId, [page]);
    const scope = { fields: [{ field: 'comment', fieldId: 'c1' }] };
    const comment = { ...page, findings: findIn(KEY(), 'comment', page.item.url, 'c1'), scope };
    store.scans.record(run.runId, [comment]);
    expect(findings().map((f) => [f.field, f.status])).toEqual([
      ['body', 'open'],
      ['comment', 'open'],
    ]);
    store.scans.record(run.runId, [{ ...comment, findings: [], scope }]);
    expect(findings().map((f) => [f.field, f.status])).toEqual([
      ['body', 'open'],
      ['comment', 'resolved'],
    ]);
  });
});

describe('maskTitle', () => {
  const key = sampleKey();
  const title = `Deploy with ${key} today`;
  const found = findIn(title, 'title', 'u');
  const shifted = (f: PlacedFinding, by: number) => ({ ...f, start: f.start + by, end: f.end + by });
  it.each([
    ['no title finding', [] as PlacedFinding[], title],
    ['a body finding only', found.map((f) => ({ ...f, field: 'body' })), title],
    ['a title finding', found, `Deploy with ${found[0]?.preview} today`],
    ['a span beyond the title', found.map((f) => shifted(f, 100)), '[title withheld: it holds a finding]'],
  ])('with %s', (_name, findings, expected) => {
    expect(maskTitle(title, findings)).toBe(expected);
    expect(maskTitle(title, findings) === title || !maskTitle(title, findings).includes(key)).toBe(true);
  });
});
