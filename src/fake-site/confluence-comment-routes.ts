// Confluence v2 comment routes: root footer/inline comments of a page or blog post, replies through children,
// single comments by id, and the site-wide listings (which carry replies too).
import type { ContentType, LiveContent } from './confluence-overlay.ts';
import { cursorPage, type Walk } from './confluence-pager.ts';
import { renderComment } from './confluence-render.ts';
import {
  bodyFormat,
  contentWalk,
  isReply,
  notFound,
  readableSpaces,
  visibleContent,
} from './confluence-access.ts';
import type { ConfluenceCommentRecord } from './model.ts';
import { json, type Reply, type RequestContext, type Route } from './router.ts';

type CommentKind = 'footer' | 'inline';

function commentsOf(live: LiveContent, kind: CommentKind): ConfluenceCommentRecord[] {
  return kind === 'footer' ? live.record.footerComments : live.record.inlineComments;
}

export function rootComments(type: ContentType, kind: CommentKind) {
  return (context: RequestContext): Reply => {
    const format = bodyFormat(context, false);
    if (isReply(format)) return format;
    const live = visibleContent(context, context.params.id!, type);
    if (!live) return notFound();
    const list = commentsOf(live, kind);
    const walk: Walk<ConfluenceCommentRecord> = function* (from) {
      for (let i = from.i ?? 0; i < list.length; i++) yield { item: list[i]!, resume: { i: i + 1 } };
    };
    return cursorPage(context, walk, (c) =>
      renderComment(context.site, live.record, c, format, { endpoint: 'root' }),
    );
  };
}

interface PlacedComment {
  comment: ConfluenceCommentRecord;
  parentId: string | undefined;
}

/** A comment tree depth-first, each reply after its parent. */
function flatten(list: ConfluenceCommentRecord[], parentId?: string): PlacedComment[] {
  return list.flatMap((comment) => [{ comment, parentId }, ...flatten(comment.replies, comment.id)]);
}

/**
 * Site-wide comments of one kind, page by page through every readable space. Unlike the per-page listings,
 * these carry replies too (with parentCommentId), as the "get all comments" endpoints are documented to.
 */
function allComments(kind: CommentKind) {
  return (context: RequestContext): Reply => {
    const format = bodyFormat(context, false);
    if (isReply(format)) return format;
    const contents = contentWalk(
      context,
      readableSpaces(context),
      ['page', 'blogpost'],
      ['current', 'archived'],
    );
    const walk: Walk<{ live: LiveContent; placed: PlacedComment }> = function* (from) {
      const start = { s: from.s ?? 0, t: from.t ?? 0, p: from.p ?? 0 };
      for (const step of contents(start)) {
        const position = { s: step.resume.s!, t: step.resume.t!, p: step.resume.p! - 1 };
        const sameItem = position.s === from.s && position.t === from.t && position.p === from.p;
        const list = flatten(commentsOf(step.item, kind));
        for (let c = sameItem ? (from.c ?? 0) : 0; c < list.length; c++) {
          yield { item: { live: step.item, placed: list[c]! }, resume: { ...position, c: c + 1 } };
        }
      }
    };
    return cursorPage(context, walk, ({ live, placed }) =>
      renderComment(context.site, live.record, placed.comment, format, {
        endpoint: 'site-wide',
        parentId: placed.parentId,
      }),
    );
  };
}

function commentById(kind: CommentKind) {
  return (context: RequestContext): Reply => {
    const format = bodyFormat(context, true);
    if (isReply(format)) return format;
    const found = context.site.confluence.comment(context.params.commentId!);
    if (!found || found.comment.kind !== kind || !visibleContent(context, found.owner.record.id))
      return notFound();
    const parent = findParent(commentsOf(found.owner, kind), found.comment.id);
    const placement = { endpoint: 'site-wide' as const, parentId: parent };
    return json(200, renderComment(context.site, found.owner.record, found.comment, format, placement));
  };
}

function findParent(list: ConfluenceCommentRecord[], id: string, parent?: string): string | undefined {
  for (const comment of list) {
    if (comment.id === id) return parent;
    const inner = findParent(comment.replies, id, comment.id);
    if (inner) return inner;
  }
  return undefined;
}

function children(kind: CommentKind) {
  return (context: RequestContext): Reply => {
    const format = bodyFormat(context, false);
    if (isReply(format)) return format;
    const found = context.site.confluence.comment(context.params.id!);
    if (!found || found.comment.kind !== kind || !visibleContent(context, found.owner.record.id))
      return notFound();
    const replies = found.comment.replies;
    const walk: Walk<ConfluenceCommentRecord> = function* (from) {
      for (let i = from.i ?? 0; i < replies.length; i++) yield { item: replies[i]!, resume: { i: i + 1 } };
    };
    return cursorPage(context, walk, (c) =>
      renderComment(context.site, found.owner.record, c, format, {
        endpoint: 'children',
        parentId: found.comment.id,
      }),
    );
  };
}

const V2 = '/wiki/api/v2';
export const confluenceCommentRoutes: Route[] = (['footer', 'inline'] as const).flatMap((kind): Route[] => [
  { method: 'GET', template: `${V2}/${kind}-comments`, handle: allComments(kind) },
  { method: 'GET', template: `${V2}/${kind}-comments/{commentId}`, handle: commentById(kind) },
  { method: 'GET', template: `${V2}/${kind}-comments/{id}/children`, handle: children(kind) },
]);
