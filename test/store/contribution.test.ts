import { describe, expect, it } from 'vitest';
import { isContributed, type Plan } from '../../src/store/contribution.ts';
import type { Store } from '../../src/store/store.ts';
import type { Item } from '../../src/types.ts';
import { beginRun, container, item, sampleKey, scanned, tempStore } from './helpers.ts';

const AFTER = new Date('2026-11-29T00:00:00Z');
const BEFORE = new Date('2026-08-16T23:59:59Z');
const eng = { product: 'confluence', key: 'ENG' } as const;

describe('isContributed', () => {
  it.each([
    ['free', [], AFTER, true],
    ['standard', [], AFTER, true],
    ['premium', [], AFTER, false],
    ['enterprise', [], AFTER, false],
    ['free', [], BEFORE, false],
    ['standard', ['ENG'], AFTER, false],
    ['standard', ['confluence:ENG'], AFTER, false],
    ['standard', ['jira:ENG'], AFTER, true],
    ['standard', ['OPS'], AFTER, true],
  ] as const)('%s plan, excluded %j, on %s: %s', (plan, excluded, asOf, contributed) => {
    const verdict = isContributed(plan as Plan, eng, excluded, asOf);
    expect(verdict.contributed).toBe(contributed);
    expect(verdict.why).not.toBe('');
  });

  const config = { product: 'jira', key: 'site-config', type: 'configuration' } as const;
  it.each([
    ['standard', ['site-config'], AFTER, true],
    ['free', ['jira:site-config'], AFTER, true],
    ['premium', [], AFTER, false],
    ['standard', [], BEFORE, false],
  ] as const)(
    'site configuration texts, %s plan, excluded %j, on %s: %s (no exclusion covers them)',
    (plan, excluded, asOf, contributed) => {
      const verdict = isContributed(plan as Plan, config, excluded, asOf);
      expect(verdict.contributed).toBe(contributed);
      if (contributed) expect(verdict.why).toMatch(/only excludable for the whole organisation/);
    },
  );
});

const secret = sampleKey;
const recent = (it: Item): Item => ({
  ...it,
  created: '2026-11-01T00:00:00Z',
  updated: '2026-11-02T00:00:00Z',
});

/** OPS: three secrets (old); ENG: one secret (recent) + one e-mail (old); HR: one e-mail; DOCS: clean. */
function seed(store: Store) {
  const run = beginRun(store, [
    container('ENG'),
    container('OPS'),
    container('HR', 'jira'),
    container('DOCS'),
  ]);
  store.scans.record(run.runId, [
    scanned(item('OPS', '1'), `${secret()} ${secret()} ${secret()}`),
    scanned(recent(item('ENG', '2')), secret()),
    scanned(item('ENG', '3'), 'mail abcdef@example.test'),
    scanned(item('HR', '4', {}, 'jira'), 'mail ghijkl@example.test'),
    scanned(item('DOCS', '5'), 'clean'),
  ]);
  store.runs.finish(run.runId, 'complete');
}

describe('contribution view', () => {
  it.each([
    ['standard, nothing excluded', 'standard', [], undefined, ['OPS', 'ENG', 'HR']],
    ['standard, OPS excluded', 'standard', ['OPS'], undefined, ['ENG', 'HR']],
    ['free, recent content only', 'free', [], '2026-10-15T00:00:00Z', ['ENG']],
    ['premium', 'premium', [], undefined, []],
  ] as const)('%s ranks %j', (_name, plan, excluded, since, ranking) => {
    const t = tempStore();
    seed(t.store);
    const view = t.store.contribution({ plan, excluded, since, asOf: AFTER });
    expect(view.excludeFirst.map((c) => c.container.key)).toEqual(ranking);
    expect(view.containers).toHaveLength(4);
    const docs = view.containers.find((c) => c.container.key === 'DOCS');
    expect(docs?.contributed).toBe(plan !== 'premium');
    expect(docs?.score.openFindings).toBe(0);
  });
});
