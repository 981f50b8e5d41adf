// openFields: the comment fields still holding unresolved findings, which the crawler watches for deletions.
import { describe, expect, it } from 'vitest';
import { openFields } from '../../src/store/open-fields.ts';
import { beginRun, container, findIn, item, sampleKey, tempStore } from './helpers.ts';

const KEY = sampleKey;

describe('openFields', () => {
  it.each([
    [['footer-comment'], ['2|footer-comment|c-2', '3|footer-comment|c-3']],
    [['inline-comment'], ['2|inline-comment|c-4']],
    [
      ['footer-comment', 'inline-comment'],
      ['2|footer-comment|c-2', '2|inline-comment|c-4', '3|footer-comment|c-3'],
    ],
    [['body'], ['2|body|']],
  ])('fields %j of live items, resolved and deleted ones left out', (fields, expected) => {
    const temp = tempStore();
    const { store } = temp;
    const run = beginRun(store, [container('ENG')]);
    const page = (id: string) => item('ENG', id);
    const comment = (id: string, field: string, fieldId: string) =>
      findIn(KEY(), field, page(id).url, fieldId);
    store.scans.record(run.runId, [
      { item: page('1'), contentHash: 'h1', findings: comment('1', 'footer-comment', 'c-1') },
      {
        item: page('2'),
        contentHash: 'h2',
        findings: [
          ...comment('2', 'footer-comment', 'c-2'),
          ...comment('2', 'inline-comment', 'c-4'),
          ...findIn(KEY(), 'body', page('2').url),
        ],
      },
      { item: page('3'), contentHash: 'h3', findings: comment('3', 'footer-comment', 'c-3') },
      { item: page('4'), contentHash: 'h4', findings: comment('4', 'footer-comment', 'c-5') },
    ]);
    // c-1's findings are resolved (its field recorded empty); page 4 is deleted.
    store.scans.record(run.runId, [
      {
        item: page('1'),
        contentHash: 'h1',
        findings: [],
        scope: { fields: [{ field: 'footer-comment', fieldId: 'c-1' }] },
      },
    ]);
    store.scans.markDeleted(run.runId, { product: 'confluence', key: 'ENG' }, ['4']);
    const open = openFields(store.db, run.siteId, 'confluence', fields);
    expect(open.map((f) => `${f.itemId}|${f.field}|${f.fieldId}`).sort()).toEqual(expected);
    expect(new Set(open.map((f) => f.containerKey))).toEqual(new Set(['ENG']));
  });
});
