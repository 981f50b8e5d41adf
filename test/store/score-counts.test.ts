import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.ts';
import { isLatestRun } from '../../src/store/score-counts.ts';
import type { ScoreScope } from '../../src/store/scores.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { valueKeySql } from '../../src/store/value-key.ts';
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
const spaces = [container('ENG'), container('DOC'), container('OPS', 'jira')];
const eng = { product: 'confluence', key: 'ENG' } as const;
const OLD = { created: '2025-01-01T00:00:00.000Z', updated: '2025-02-01T00:00:00.000Z' };
const SCOPES: ScoreScope[] = [{}, { since: '2026-06-01T00:00:00.000Z' }];

type Step = (store: Store, runId: number) => void;
const containerId = (store: Store, key: string) => store.containers.list().find((c) => c.key === key)!.id;

// Every writer that changes a finding's status or place, applied one after another within the run.
const STEPS: Array<[string, Step]> = [
  ['a first scan', () => {}],
  [
    'a re-scan where a value vanished and another appeared',
    (s, run) => s.scans.record(run, [scanned(item('ENG', '1'), `${MAIL} ${MRN}`)]),
  ],
  [
    'a value suppressed',
    (s) =>
      s.suppressions.add({ kind: 'fingerprint', fingerprint: fingerprintOf(KEY) }, { reason: 'r', by: 'x' }),
  ],
  [
    'a rule suppressed in one container',
    (s) =>
      s.suppressions.add(
        { kind: 'rule', ruleId: 'fake-mrn', containerId: containerId(s, 'ENG') },
        { reason: 'r', by: 'x' },
      ),
  ],
  [
    'a suppression removed',
    (s) => s.suppressions.remove({ kind: 'fingerprint', fingerprint: fingerprintOf(KEY) }),
  ],
  [
    'one finding suppressed by id',
    (s) => {
      const [first] = s.findings.iterate({ container: eng });
      s.suppressions.add({ kind: 'finding', findingId: first!.id }, { reason: 'r', by: 'x' });
    },
  ],
  ['an item deleted', (s, run) => s.scans.markDeleted(run, eng, ['2'])],
  [
    'an item moved to another space',
    (s, run) => s.scans.record(run, [scanned(item('DOC', '1'), `${MAIL} ${KEY}`)]),
  ],
  [
    'a field-scoped re-scan',
    (s, run) =>
      s.scans.record(run, [
        { ...scanned(item('DOC', '3'), `${MRN}`), scope: { fields: [{ field: 'body' }] } },
      ]),
  ],
  [
    'an unchanged item confirmed',
    (s, run) => s.scans.record(run, [{ ...scanned(item('DOC', '3'), ''), findings: 'unchanged' }]),
  ],
];

function firstScan(store: Store): number {
  const { runId } = beginRun(store, spaces);
  store.scans.record(runId, [
    scanned(item('ENG', '1'), `${KEY} ${MAIL} ${KEY}`),
    scanned(item('ENG', '2'), `${MRN} ${OTHER_KEY} ${MAIL}`),
    scanned({ ...item('DOC', '3'), ...OLD }, `${KEY} ${MRN} ${OTHER_KEY}`),
    scanned(item('OPS', '4', {}, 'jira'), `${KEY} ${MRN}`),
    scanned(item('OPS', '5', {}, 'jira'), 'clean'),
  ]);
  return runId;
}

/** Findings whose stored value key is not their fingerprint's. */
function misKeyed(store: Store): unknown {
  const sql = `SELECT COUNT(*) FROM findings WHERE value_key IS NOT ${valueKeySql('fingerprint')}`;
  return store.db.prepare(sql).pluck().get();
}

/** The run's scores from the items' stored counts (latest run), then from its live findings (a later run begun). */
function bothWays(store: Store, runId: number) {
  const scope = { runId, siteId: store.runs.get(runId).siteId, since: null };
  expect(isLatestRun(store.db, scope)).toBe(true);
  const fromItems = SCOPES.map((s) => store.scores.calculate(runId, s));
  store.runs.begin({ site: SITE, mode: 'incremental', options: {}, rulesetHash: 'test-rules' });
  expect(isLatestRun(store.db, scope)).toBe(false);
  const fromFindings = SCOPES.map((s) => store.scores.calculate(runId, s));
  return { fromItems, fromFindings };
}

describe('counts of the latest run (from the items) and of any run (from the findings)', () => {
  it.each(STEPS.map((step, i) => [step[0], i] as const))('agree after %s', (_name, last) => {
    const t = tempStore();
    const runId = firstScan(t.store);
    for (const [, step] of STEPS.slice(0, last + 1)) step(t.store, runId);
    expect(misKeyed(t.store)).toBe(0);
    const { fromItems, fromFindings } = bothWays(t.store, runId);
    expect(fromItems).toEqual(fromFindings);
    const site = fromItems[0]!.at(-1)!;
    expect(site.openFindings + site.suppressed).toBeGreaterThan(0);
  });

  it('agree on a version-2 database upgraded by migration 3, which fills value keys and item counts', () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const old = new Database(temp.path);
    migrate(old, temp.path, 2);
    old.exec(`
      INSERT INTO sites (id, url, created_at) VALUES (1, '${SITE}', '2026-09-01');
      INSERT INTO runs (id, site_id, mode, ruleset_hash, started_at) VALUES (1, 1, 'full', 'h', '2026-09-01');
      INSERT INTO containers (id, site_id, product, external_id, key, name, url)
        VALUES (1, 1, 'confluence', '1', 'ENG', 'ENG space', '${SITE}/ENG');
      INSERT INTO items (id, site_id, container_id, product, external_id, kind, title, url, content_hash, scans,
        last_scanned_run, updated, open_findings)
        VALUES (1, 1, 1, 'confluence', '7', 'page', 'Page 7', '${SITE}/ENG/7', 'h', 1, 1, '2026-10-01', 2),
               (2, 1, 1, 'confluence', '8', 'page', 'Page 8', '${SITE}/ENG/8', 'h', 1, 1, '2025-10-01', 1);`);
    const finding = old.prepare(`
      INSERT INTO findings (item_id, container_id, field, rule_id, category, severity, confidence, start_offset,
        end_offset, preview, fingerprint, explanation, url, first_seen_run, last_seen_run, item_scan, status, identity,
        resolved_run)
      VALUES (?, 1, 'body', 'r', ?, ?, ?, 0, 4, 'AB••', ?, 'x', '${SITE}/ENG/7', 1, 1, 1, ?, ?, ?)`);
    finding.run(1, 'secret', 'critical', 0.9, fingerprintOf('a'), 'open', 1, null);
    finding.run(1, 'phi', 'high', 0.7, 'fp-b', 'open', 2, null);
    finding.run(1, 'pii', 'medium', 0.8, 'fp-c', 'suppressed', 3, null);
    finding.run(2, 'secret', 'critical', 0.5, fingerprintOf('a'), 'open', 4, null);
    finding.run(2, 'pii', 'low', 0.8, 'fp-d', 'resolved', 5, 1);
    old.close();

    const store = openStore(temp.path);
    expect(misKeyed(store)).toBe(0);
    const { fromItems, fromFindings } = bothWays(store, 1);
    expect(fromItems).toEqual(fromFindings);
    expect(fromItems[0]![0]).toMatchObject({ openFindings: 3, suppressed: 1, distinctValues: 2 });
    store.close();
  });
});
