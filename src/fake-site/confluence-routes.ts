// Confluence Cloud v2 routes: spaces, pages, blog posts, versions, footer and inline comments with children.
// Forbidden spaces are hidden from listings and their content answers 404, as on a real site.
import type { ContentType, LiveContent } from './confluence-overlay.ts';
import { cursorPage, type Walk } from './confluence-pager.ts';
import {
  confluenceError,
  renderComment,
  renderContent,
  renderSpace,
  renderVersionDetail,
  renderVersionSummary,
  type BodyFormat,
} from './confluence-render.ts';
import { confluenceV1Routes } from './confluence-v1-routes.ts';
import type { ConfluenceCommentRecord, SpaceRecord } from './model.ts';
import { json, listParam, type Reply, type RequestContext, type Route } from './router.ts';

const FORMATS = new Set(['storage', 'atlas_doc_format', 'view']);
const LIST_DEFAULT_STATUS: Record<ContentType, string[]> = {
  page: ['current', 'archived'],
  blogpost: ['current'],
};

function notFound(): Reply {
  return confluenceError(404, 'NOT_FOUND', 'Not Found');
}

function bodyFormat(context: RequestContext, single: boolean): BodyFormat | undefined | Reply {
  const format = context.query.get('body-format') ?? undefined;
  if (format === undefined) return undefined;
  if (!FORMATS.has(format) || (!single && format === 'view')) {
    return confluenceError(400, 'INVALID_REQUEST_PARAMETER', `Invalid value for body-format: ${format}`);
  }
  return format as BodyFormat;
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value;
}

function readableSpaces(context: RequestContext): SpaceRecord[] {
  return context.site.content.spaces.filter((s) => !s.forbidden);
}

function visibleContent(context: RequestContext, id: string, type?: ContentType): LiveContent | undefined {
  const live = context.site.confluence.get(id);
  if (!live || (type && live.record.type !== type)) return undefined;
  return context.site.confluence.space(live.record.spaceKey)?.forbidden ? undefined : live;
}

/** Walks content of the given spaces and types, filtered by status. State: space index, type index, position. */
function contentWalk(
  context: RequestContext,
  spaces: SpaceRecord[],
  types: ContentType[],
  statuses?: string[],
): Walk<LiveContent> {
  return function* (from) {
    for (let s = from.s ?? 0; s < spaces.length; s++) {
      for (let t = s === from.s ? (from.t ?? 0) : 0; t < types.length; t++) {
        const start = s === from.s && t === from.t ? (from.p ?? 0) : 0;
        const wanted = statuses?.length ? statuses : LIST_DEFAULT_STATUS[types[t]!];
        for (const { position, live } of context.site.confluence.list(spaces[s]!.key, types[t]!, start)) {
          if (wanted.includes(live.status)) yield { item: live, resume: { s, t, p: position + 1 } };
        }
      }
    }
  };
}

function listContent(context: RequestContext, spaces: SpaceRecord[], types: ContentType[]): Reply {
  const format = bodyFormat(context, false);
  if (isReply(format)) return format;
  const ids = new Set(listParam(context.query, 'id'));
  const walk = contentWalk(context, spaces, types, listParam(context.query, 'status'));
  const filtered: Walk<LiveContent> = function* (from) {
    for (const step of walk(from)) if (!ids.size || ids.has(step.item.record.id)) yield step;
  };
  return cursorPage(context, filtered, (live) => renderContent(context.site, live, format));
}

function spaceScoped(type: ContentType) {
  return (context: RequestContext): Reply => {
    const space = context.site.confluence.space(context.params.id!);
    if (!space || space.forbidden || space.id !== context.params.id) return notFound();
    return listContent(context, [space], [type]);
  };
}

function siteWide(type: ContentType) {
  return (context: RequestContext): Reply => {
    const spaceIds = new Set(listParam(context.query, 'space-id'));
    return listContent(
      context,
      readableSpaces(context).filter((s) => !spaceIds.size || spaceIds.has(s.id)),
      [type],
    );
  };
}

function spaces(context: RequestContext): Reply {
  const ids = new Set(listParam(context.query, 'ids'));
  const keys = new Set(listParam(context.query, 'keys'));
  const types = new Set(listParam(context.query, 'type'));
  const statuses = new Set(listParam(context.query, 'status'));
  const chosen = readableSpaces(context).filter(
    (s) =>
      (!ids.size || ids.has(s.id)) &&
      (!keys.size || keys.has(s.key)) &&
      (!types.size || types.has(s.type)) &&
      (!statuses.size || statuses.has(s.status)),
  );
  const walk: Walk<SpaceRecord> = function* (from) {
    for (let i = from.i ?? 0; i < chosen.length; i++) yield { item: chosen[i]!, resume: { i: i + 1 } };
  };
  const descriptionFormat = context.query.get('description-format') ?? undefined;
  return cursorPage(context, walk, (space) => renderSpace(space, descriptionFormat));
}

function spaceById(context: RequestContext): Reply {
  const space = context.site.confluence.space(context.params.id!);
  if (!space || space.forbidden || space.id !== context.params.id) return notFound();
  return json(200, renderSpace(space, context.query.get('description-format') ?? undefined));
}

function contentById(type: ContentType) {
  return (context: RequestContext): Reply => {
    const format = bodyFormat(context, true);
    if (isReply(format)) return format;
    const live = visibleContent(context, context.params.id!, type);
    if (!live) return notFound();
    const statuses = listParam(context.query, 'status');
    const wantsDraft = context.query.get('get-draft') === 'true' || statuses.includes('draft');
    if (live.status === 'draft' && !wantsDraft) return notFound();
    if (statuses.length && !statuses.includes(live.status) && !statuses.includes('any')) return notFound();
    const versionParam = context.query.get('version');
    const versionNumber = versionParam ? Number(versionParam) : undefined;
    if (versionNumber && !live.record.versions.some((v) => v.number === versionNumber)) return notFound();
    return json(200, renderContent(context.site, live, format, versionNumber));
  };
}

function versions(type: ContentType) {
  return (context: RequestContext): Reply => {
    const live = visibleContent(context, context.params.id!, type);
    if (!live) return notFound();
    const ordered = [...live.record.versions].sort((a, b) =>
      context.query.get('sort') === 'modified-date' ? a.number - b.number : b.number - a.number,
    );
    const walk: Walk<(typeof ordered)[number]> = function* (from) {
      for (let i = from.i ?? 0; i < ordered.length; i++) yield { item: ordered[i]!, resume: { i: i + 1 } };
    };
    return cursorPage(context, walk, (v) => renderVersionSummary(live.record, v));
  };
}

function versionDetail(type: ContentType) {
  return (context: RequestContext): Reply => {
    const live = visibleContent(context, context.params.id!, type);
    const found = live?.record.versions.find((v) => v.number === Number(context.params.versionNumber));
    return live && found ? json(200, renderVersionDetail(live.record, found)) : notFound();
  };
}

type CommentKind = 'footer' | 'inline';

function commentsOf(live: LiveContent, kind: CommentKind): ConfluenceCommentRecord[] {
  return kind === 'footer' ? live.record.footerComments : live.record.inlineComments;
}

function rootComments(type: ContentType, kind: CommentKind) {
  return (context: RequestContext): Reply => {
    const format = bodyFormat(context, false);
    if (isReply(format)) return format;
    const live = visibleContent(context, context.params.id!, type);
    if (!live) return notFound();
    const list = commentsOf(live, kind);
    const walk: Walk<ConfluenceCommentRecord> = function* (from) {
      for (let i = from.i ?? 0; i < list.length; i++) yield { item: list[i]!, resume: { i: i + 1 } };
    };
    return cursorPage(context, walk, (c) => renderComment(context.site, live.record, c, format));
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
      renderComment(context.site, live.record, placed.comment, format, placed.parentId),
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
    return json(200, renderComment(context.site, found.owner.record, found.comment, format, parent));
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
      renderComment(context.site, found.owner.record, c, format, found.comment.id),
    );
  };
}

const V2 = '/wiki/api/v2';
const contentRoutes = (['page', 'blogpost'] as const).flatMap((type): Route[] => {
  const plural = type === 'page' ? 'pages' : 'blogposts';
  return [
    { method: 'GET', template: `${V2}/spaces/{id}/${plural}`, handle: spaceScoped(type) },
    { method: 'GET', template: `${V2}/${plural}`, handle: siteWide(type) },
    { method: 'GET', template: `${V2}/${plural}/{id}`, handle: contentById(type) },
    { method: 'GET', template: `${V2}/${plural}/{id}/versions`, handle: versions(type) },
    { method: 'GET', template: `${V2}/${plural}/{id}/versions/{versionNumber}`, handle: versionDetail(type) },
    { method: 'GET', template: `${V2}/${plural}/{id}/footer-comments`, handle: rootComments(type, 'footer') },
    { method: 'GET', template: `${V2}/${plural}/{id}/inline-comments`, handle: rootComments(type, 'inline') },
  ];
});

export const confluenceRoutes: Route[] = [
  { method: 'GET', template: `${V2}/spaces`, handle: spaces },
  { method: 'GET', template: `${V2}/spaces/{id}`, handle: spaceById },
  ...contentRoutes,
  ...(['footer', 'inline'] as const).flatMap((kind): Route[] => [
    { method: 'GET', template: `${V2}/${kind}-comments`, handle: allComments(kind) },
    { method: 'GET', template: `${V2}/${kind}-comments/{commentId}`, handle: commentById(kind) },
    { method: 'GET', template: `${V2}/${kind}-comments/{id}/children`, handle: children(kind) },
  ]),
  ...confluenceV1Routes,
];
