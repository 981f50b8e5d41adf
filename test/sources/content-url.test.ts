import { describe, expect, it } from 'vitest';
import { webuiWithoutSlug } from '../../src/sources/content-url.ts';

describe('webuiWithoutSlug', () => {
  it.each([
    ['/spaces/ENG/pages/123/Deploy+key+ghp_x', '123', '/spaces/ENG/pages/123'],
    ['/spaces/ENG/pages/123', '123', '/spaces/ENG/pages/123'],
    ['/spaces/ENG/blog/2026/01/02/456/Token+rotation', '456', '/spaces/ENG/blog/2026/01/02/456'],
    ['/spaces/ENG/pages/123/Title?focusedCommentId=9', '123', '/spaces/ENG/pages/123?focusedCommentId=9'],
    ['/spaces/ENG/pages/123/123', '123', '/spaces/ENG/pages/123'],
  ])('%s (id %s) -> %s', (webui, id, expected) => {
    expect(webuiWithoutSlug(webui, id)).toBe(expected);
  });

  it.each([
    ['/display/ENG/Secret+title', '123'],
    ['/spaces/ENG/pages/123/Title', ''],
  ])('%s (id %s) has no id segment: undefined, so the caller builds the link from the id', (webui, id) => {
    expect(webuiWithoutSlug(webui, id)).toBeUndefined();
  });
});
