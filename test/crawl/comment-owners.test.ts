// Attributing listed Confluence comments to their page: named by the comment, through a parent seen in the
// listing, or through parents read by id; a reply whose page cannot be found is returned, never dropped.
import { describe, expect, it } from 'vitest';
import { CommentOwners } from '../../src/crawl/comment-owners.ts';
import type { RawComment } from '../../src/sources/confluence-comments.ts';

const root = (id: string, pageId: string): RawComment => ({ id, pageId });
const blogRoot = (id: string, blogPostId: string): RawComment => ({ id, blogPostId });
const reply = (id: string, parentCommentId: string): RawComment => ({ id, parentCommentId });

/** Comments the site still has, readable by id; records every id read. */
function siteWith(comments: readonly RawComment[]) {
  const reads: string[] = [];
  const lookup = async (id: string) => {
    reads.push(id);
    return comments.find((c) => c.id === id);
  };
  return { reads, lookup };
}

describe('CommentOwners', () => {
  it.each([
    ['a root naming its page', [], [[root('1', 'P')]], { '1': 'P' }, []],
    ['a root naming its blog post', [], [[blogRoot('1', 'B')]], { '1': 'B' }, []],
    ['a reply after its parent on the same page', [], [[root('1', 'P'), reply('2', '1')]], { '2': 'P' }, []],
    ['a reply before its parent (newest first)', [], [[reply('2', '1'), root('1', 'P')]], { '2': 'P' }, []],
    [
      'a reply to a reply, all on one page',
      [],
      [[reply('3', '2'), reply('2', '1'), root('1', 'P')]],
      { '2': 'P', '3': 'P' },
      [],
    ],
    [
      'a reply whose parent was on an earlier page',
      [],
      [[root('1', 'P')], [reply('2', '1')]],
      { '2': 'P' },
      [],
    ],
    [
      'a reply whose parent is not listed: read by id',
      [root('1', 'P')],
      [[reply('2', '1')]],
      { '2': 'P' },
      ['1'],
    ],
    [
      'a reply to a reply, neither listed: both read',
      [root('1', 'B1'), reply('2', '1')],
      [[reply('3', '2')]],
      { '3': 'B1' },
      ['2', '1'],
    ],
    [
      'two replies to one unlisted parent: read once',
      [root('1', 'P')],
      [[reply('2', '1'), reply('3', '1')]],
      { '2': 'P', '3': 'P' },
      ['1'],
    ],
  ])('attributes %s', async (_case, onSite, pages, expected, reads) => {
    const site = siteWith(onSite);
    const owners = new CommentOwners(site.lookup);
    const found: Record<string, string> = {};
    for (const page of pages) {
      const { attributed, unattributed } = await owners.attribute(page);
      expect(unattributed).toEqual([]);
      for (const { comment, ownerId } of attributed) found[comment.id!] = ownerId;
    }
    expect(found).toMatchObject(expected);
    expect(site.reads).toEqual(reads);
  });

  it.each([
    ['a reply whose parent was deleted', [], [reply('2', '1')]],
    ['a reply whose chain ends in a deleted comment', [reply('2', '1')], [reply('3', '2')]],
    ['a root naming no page (a comment on an attachment)', [], [{ id: '4' }]],
    ['a reply in a loop of parents', [reply('5', '6'), reply('6', '5')], [reply('7', '5')]],
  ])('returns %s as unattributed', async (_case, onSite, page) => {
    const owners = new CommentOwners(siteWith(onSite).lookup);
    const { attributed, unattributed } = await owners.attribute(page);
    expect([attributed, unattributed]).toEqual([[], page]);
  });
});
