// findings.visibility: stored with each finding of a Jira comment or worklog, read back by reports, updated when the
// comment changes audience (a reply made internal), and weighed by the score (a public reply 1.25x).
import { describe, expect, it } from 'vitest';
import { findingWeight } from '../../src/score.ts';
import type { ScannedItem } from '../../src/store/model.ts';
import type { CommentVisibility } from '../../src/types.ts';
import { beginRun, container, findIn, item, sampleKey, tempStore } from './helpers.ts';

const DESK = container('SUP', 'jira');

/** SUP-1 with one comment holding `value`, marked as given. */
function withComment(value: string, visibility: CommentVisibility | undefined, hash: string): ScannedItem {
  const it = item('SUP', '1', {}, 'jira');
  const findings = findIn(`reply: ${value}`, 'comment', `${it.url}?focusedCommentId=7`, '7').map((f) => ({
    ...f,
    visibility,
  }));
  return { item: it, contentHash: hash, findings };
}

describe('comment visibility in the store', () => {
  it.each<[string, CommentVisibility | undefined, CommentVisibility | null, CommentVisibility | undefined]>([
    ['public reply made internal', 'public', 'internal', 'internal'],
    ['internal note made public', 'internal', 'public', 'public'],
    ['note restricted to a role', undefined, null, 'restricted'],
    ['project no longer a service desk', 'public', null, undefined],
  ])('stores and updates it: %s', (_name, first, firstRead, second) => {
    const { store } = tempStore();
    const value = sampleKey();
    const one = beginRun(store, [DESK]).runId;
    store.scans.record(one, [withComment(value, first, 'h1')]);
    const read = () => [...store.findings.iterate({ status: 'all' })].map((f) => f.visibility);
    expect(read()).toEqual([first ?? firstRead]);
    const two = beginRun(store, [DESK]).runId;
    store.scans.record(two, [withComment(value, second, 'h2')]);
    expect(read()).toEqual([second ?? null]);
  });

  it('weighs the item and the place as the score does: a public reply 1.25x, then 1x once internal', () => {
    const { store } = tempStore();
    const value = sampleKey();
    const weights = (runId: number) => [
      store.findings.topItems({})[0]?.weighted,
      store.scores.calculate(runId).find((s) => s.container?.key === 'SUP')?.weighted,
    ];
    const one = beginRun(store, [DESK]).runId;
    store.scans.record(one, [withComment(value, 'public', 'h1')]);
    const publicWeight = 1.25 * findingWeight('critical', 0.9);
    for (const w of weights(one)) expect(w).toBeCloseTo(publicWeight, 10);
    const two = beginRun(store, [DESK]).runId;
    store.scans.record(two, [withComment(value, 'internal', 'h2')]);
    for (const w of weights(two)) expect(w).toBeCloseTo(findingWeight('critical', 0.9), 10);
  });
});
