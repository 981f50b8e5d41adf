// Pure operations on Confluence comment trees (root comments with nested replies), used by the overlay.
import type { ConfluenceCommentRecord } from './model.ts';

/** Depth-first search of a comment tree. */
export function findComment(
  comments: readonly ConfluenceCommentRecord[],
  id: string,
): ConfluenceCommentRecord | undefined {
  for (const comment of comments) {
    if (comment.id === id) return comment;
    const inner = findComment(comment.replies, id);
    if (inner) return inner;
  }
  return undefined;
}

export function withoutComment(comments: ConfluenceCommentRecord[], id: string): ConfluenceCommentRecord[] {
  return comments.filter((c) => c.id !== id).map((c) => ({ ...c, replies: withoutComment(c.replies, id) }));
}

/** The tree with `reply` appended to the replies of `parentId`. */
export function withReply(
  comments: ConfluenceCommentRecord[],
  parentId: string,
  reply: ConfluenceCommentRecord,
): ConfluenceCommentRecord[] {
  return comments.map((c) =>
    c.id === parentId
      ? { ...c, replies: [...c.replies, reply] }
      : { ...c, replies: withReply(c.replies, parentId, reply) },
  );
}
