import { describe, expect, it } from 'vitest';
import type { FindingFilter } from '../../src/store/findings.ts';
import type { Item } from '../../src/types.ts';
import {
  beginRun,
  container,
  item,
  sampleKey,
  sampleMail,
  sampleMrn,
  scanned,
  tempStore,
} from './helpers.ts';

const KEY = sampleKey();
const MAIL = sampleMail();
const MRN = sampleMrn();
const late = (it: Item): Item => ({ ...it, updated: '2026-11-20T00:00:00Z' });

function seeded() {
  const t = tempStore();
  const run = beginRun(t.store, [container('ENG'), container('ENG', 'jira'), container('OPS')]);
  t.store.scans.record(run.runId, [
    scanned(item('ENG', '1'), `${KEY} ${MAIL}`),
    scanned(late(item('ENG', '2', {}, 'jira')), `${MRN} ${MAIL}`),
    scanned(item('OPS', '3'), `${KEY} ${MRN}`),
  ]);
  const later = beginRun(t.store, [container('OPS')]);
  t.store.scans.record(later.runId, [scanned(item('OPS', '3'), MRN)]);
  return { store: t.store, siteId: run.siteId };
}

describe('FindingReader', () => {
  it.each<[string, FindingFilter, string[]]>([
    [
      'open findings by default',
      {},
      ['1:fake-cloud-key', '1:fake-email', '2:fake-email', '2:fake-mrn', '3:fake-mrn'],
    ],
    [
      'a Confluence space only',
      { container: { product: 'confluence', key: 'ENG' } },
      ['1:fake-cloud-key', '1:fake-email'],
    ],
    [
      'a Jira project with the same key',
      { container: { product: 'jira', key: 'ENG' } },
      ['2:fake-email', '2:fake-mrn'],
    ],
    ['one category', { category: 'phi' }, ['2:fake-mrn', '3:fake-mrn']],
    ['high severity and above', { minSeverity: 'high' }, ['1:fake-cloud-key', '2:fake-mrn', '3:fake-mrn']],
    ['resolved findings', { status: 'resolved' }, ['3:fake-cloud-key']],
    [
      'every status',
      { status: 'all' },
      ['1:fake-cloud-key', '1:fake-email', '2:fake-email', '2:fake-mrn', '3:fake-cloud-key', '3:fake-mrn'],
    ],
    ['items updated since a date', { since: '2026-11-01T00:00:00Z' }, ['2:fake-email', '2:fake-mrn']],
  ])('iterates %s', (_name, filter, expected) => {
    const { store } = seeded();
    const rows = [...store.findings.iterate(filter)].map((f) => `${f.itemId}:${f.ruleId}`).sort();
    expect(rows).toEqual(expected);
  });

  it.each<[string, FindingFilter]>([
    ['every finding', { status: 'all' }],
    ['a space (read through its items)', { container: { product: 'confluence', key: 'OPS' }, status: 'all' }],
    ['recent items (read through the items)', { since: '2026-01-01T00:00:00Z', status: 'all' }],
  ])('streams %s in item order, by field and offset within an item', (_name, filter) => {
    const { store } = seeded();
    const rows = [...store.findings.iterate(filter)].map((f) => [
      Number(f.itemId),
      f.field,
      f.fieldId,
      f.start,
    ]);
    expect(rows.length).toBeGreaterThan(1);
    const ordered = [...rows].sort((a, b) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
      return 0;
    });
    expect(rows).toEqual(ordered);
  });

  it('returns flat records with item and container, and the same record by id', () => {
    const { store } = seeded();
    const [first] = [...store.findings.iterate({ category: 'secret' })];
    expect(first).toMatchObject({
      product: 'confluence',
      containerKey: 'ENG',
      itemId: '1',
      field: 'body',
      fieldId: '',
      status: 'open',
    });
    expect(first?.end).toBe((first?.start ?? 0) + KEY.length);
    expect(store.findings.get(first?.id ?? 0)).toEqual(first);
  });

  it('ranks top items by distinct weighted values and counts per container', () => {
    const { store } = seeded();
    const top = store.findings.topItems({}, 2);
    // Item 1: critical 0.9 + medium 0.8 = 10.6; item 2: high 0.7 + medium 0.8 = 5.1; item 3: high 0.7 = 3.5.
    expect(top.map((i) => [i.itemId, Math.round(i.weighted * 10) / 10, i.findings])).toEqual([
      ['1', 10.6, 2],
      ['2', 5.1, 2],
    ]);
    const counts = store.findings.countsByContainer();
    expect(counts.map((c) => [c.container.product, c.container.key, c.total])).toEqual([
      ['confluence', 'ENG', 2],
      ['confluence', 'OPS', 1],
      ['jira', 'ENG', 2],
    ]);
    expect(counts[0]?.counts.secret.critical).toBe(1);
  });
});
