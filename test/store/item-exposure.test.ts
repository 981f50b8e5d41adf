import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findingWeight } from '../../src/score.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { FindingFilter, ItemExposure } from '../../src/store/findings.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { SEVERITIES } from '../../src/types.ts';
import {
  beginRun,
  container,
  fingerprintOf,
  item,
  sampleKey,
  sampleMail,
  sampleMrn,
  scanned,
  SITE,
  tempDir,
  tempStore,
} from './helpers.ts';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

const KEY = sampleKey();
const OTHER_KEY = sampleKey();
const MAIL = sampleMail();
const MRN = sampleMrn();
const eng = { product: 'confluence', key: 'ENG' } as const;

/** The most exposed items, computed here from the findings themselves: the oracle for the stored aggregates. */
function oracle(store: Store, filter: FindingFilter): ItemExposure[] {
  type Entry = ItemExposure & { values: Map<string, number> };
  const items = new Map<string, Entry>();
  for (const f of store.findings.iterate(filter)) {
    const id = `${f.product}:${f.itemId}`;
    const { product, containerKey, itemId, itemKey, itemTitle, itemUrl } = f;
    const entry: Entry = items.get(id) ?? {
      ...{ product, containerKey, itemId, itemKey, itemTitle, itemUrl },
      ...{ findings: 0, weighted: 0, worst: 'low', categories: [], values: new Map() },
    };
    items.set(id, entry);
    entry.findings++;
    const weight = findingWeight(f.severity, f.confidence);
    entry.values.set(f.fingerprint, Math.max(weight, entry.values.get(f.fingerprint) ?? 0));
    if (SEVERITIES.indexOf(f.severity) > SEVERITIES.indexOf(entry.worst)) entry.worst = f.severity;
    if (!entry.categories.includes(f.category)) entry.categories = [...entry.categories, f.category].sort();
  }
  return [...items.values()]
    .map(({ values, ...rest }) => ({ ...rest, weighted: [...values.values()].reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.weighted - a.weighted || b.findings - a.findings);
}

const rounded = (items: ItemExposure[]) =>
  items.map((i) => ({ ...i, weighted: Math.round(i.weighted * 1e9) }));

type Step = (store: Store, runId: () => number) => void;
const fingerprintTarget = { kind: 'fingerprint', fingerprint: fingerprintOf(KEY) } as const;

// Every writer that changes a finding's status, each followed by a comparison with the oracle.
const STEPS: Array<[string, Step]> = [
  ['a first scan', () => {}],
  ['a re-scan where a value vanished', (s, run) => s.scans.record(run(), [scanned(item('ENG', '1'), MAIL)])],
  ['a value suppressed', (s) => s.suppressions.add(fingerprintTarget, { reason: 'docs key', by: 'x' })],
  ['the suppression removed', (s) => s.suppressions.remove(fingerprintTarget)],
  ['an item deleted', (s, run) => s.scans.markDeleted(run(), eng, ['2'])],
  [
    'a first scan of an item holding a suppressed value',
    (s, run) => {
      s.suppressions.add(fingerprintTarget, { reason: 'docs key', by: 'x' });
      s.scans.record(run(), [scanned(item('ENG', '5'), `${KEY} ${MRN} ${MAIL} ${MRN}`)]);
    },
  ],
];

describe('per-item exposure aggregates', () => {
  it.each(STEPS.map((step, i) => [step[0], i] as const))('match the findings after %s', (_name, last) => {
    const t = tempStore();
    const { runId } = beginRun(t.store, [container('ENG'), container('OPS', 'jira')]);
    t.store.scans.record(runId, [
      scanned(item('ENG', '1'), `${KEY} ${MAIL} ${KEY}`),
      scanned(item('ENG', '2'), `${MRN} ${OTHER_KEY} ${MAIL}`),
      scanned(item('OPS', '3', {}, 'jira'), `${KEY} ${MRN}`),
      scanned(item('OPS', '4', {}, 'jira'), 'clean'),
    ]);
    for (const [, step] of STEPS.slice(0, last + 1)) step(t.store, () => runId);
    const filters: FindingFilter[] = [{}, { container: eng }, { since: '2026-01-01T00:00:00Z' }];
    for (const filter of filters) {
      const top = t.store.findings.topItems(filter, 10);
      expect(rounded(top)).toEqual(rounded(oracle(t.store, filter)));
    }
    expect(t.store.findings.topItems({}, 10).length).toBeGreaterThan(0);
  });

  it.each<[string, FindingFilter]>([
    ['one category', { category: 'secret' }],
    ['high severity and above', { minSeverity: 'high' }],
    ['suppressed findings', { status: 'suppressed' }],
    ['one category of one space', { category: 'phi', container: eng }],
    ['a severity floor on recent items', { minSeverity: 'medium', since: '2026-01-01T00:00:00Z' }],
  ])('group the findings for %s, which the aggregates do not cover', (_name, filter) => {
    const t = tempStore();
    const { runId } = beginRun(t.store, [container('ENG'), container('OPS', 'jira')]);
    t.store.scans.record(runId, [
      scanned(item('ENG', '1'), `${KEY} ${MAIL} ${MRN}`),
      scanned(item('ENG', '2'), `${MRN} ${OTHER_KEY}`),
      scanned(item('OPS', '3', {}, 'jira'), `${MRN} ${MAIL}`),
    ]);
    t.store.suppressions.add(fingerprintTarget, { reason: 'docs key', by: 'x' });
    const top = t.store.findings.topItems(filter, 10);
    expect(top.length).toBeGreaterThan(0);
    expect(rounded(top)).toEqual(rounded(oracle(t.store, filter)));
  });

  it('are filled by the migration from the findings a version-1 database holds', () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const old = new Database(temp.path);
    migrate(old, temp.path, 1);
    old.exec(`
      INSERT INTO sites (id, url, created_at) VALUES (1, '${SITE}', '2026-09-01');
      INSERT INTO runs (id, site_id, mode, ruleset_hash, started_at) VALUES (1, 1, 'full', 'h', '2026-09-01');
      INSERT INTO containers (id, site_id, product, external_id, key, name, url)
        VALUES (1, 1, 'confluence', '1', 'ENG', 'ENG space', '${SITE}/ENG');
      INSERT INTO items (id, site_id, container_id, product, external_id, kind, title, url, content_hash)
        VALUES (1, 1, 1, 'confluence', '7', 'page', 'Page 7', '${SITE}/ENG/7', 'h');`);
    const finding = old.prepare(`
      INSERT INTO findings (item_id, container_id, field, rule_id, category, severity, confidence, start_offset,
        end_offset, preview, fingerprint, explanation, url, first_seen_run, last_seen_run, item_scan, status, identity)
      VALUES (1, 1, 'body', ?, ?, ?, ?, 0, 4, 'AB••', ?, 'x', '${SITE}/ENG/7', 1, 1, 1, ?, ?)`);
    finding.run('key', 'secret', 'critical', 0.9, 'fp-a', 'open', 1);
    finding.run('key', 'secret', 'critical', 0.5, 'fp-a', 'open', 2);
    finding.run('mrn', 'phi', 'high', 0.7, 'fp-b', 'open', 3);
    finding.run('mail', 'pii', 'medium', 0.8, 'fp-c', 'resolved', 4);
    old.close();

    const store = openStore(temp.path);
    const [top] = store.findings.topItems({}, 5);
    expect(top).toMatchObject({ itemId: '7', findings: 3, worst: 'critical', categories: ['phi', 'secret'] });
    expect(top?.weighted).toBeCloseTo(findingWeight('critical', 0.9) + findingWeight('high', 0.7), 10);
    store.close();
  });
});
