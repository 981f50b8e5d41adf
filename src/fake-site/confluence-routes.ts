// Confluence Cloud v2 routes: spaces, pages, blog posts and versions (comments: confluence-comment-routes.ts).
// What the API user may not view (a space, a restricted page) is in no listing and answers 404: see
// confluence-access.ts.
import type { ContentType, LiveContent } from './confluence-overlay.ts';
import { cursorPage, type Walk } from './confluence-pager.ts';
import {
  renderContent,
  renderSpace,
  renderVersionDetail,
  renderVersionSummary,
} from './confluence-render.ts';
import {
  bodyFormat,
  contentWalk,
  isReply,
  isSupportedSort,
  notFound,
  readableSpaces,
  sortedContentWalk,
  visibleContent,
} from './confluence-access.ts';
import { confluenceCommentRoutes, rootComments } from './confluence-comment-routes.ts';
import { confluenceV1Routes } from './confluence-v1-routes.ts';
import type { SpaceRecord } from './model.ts';
import { json, listParam, type Reply, type RequestContext, type Route } from './router.ts';

function listContent(context: RequestContext, spaces: SpaceRecord[], types: ContentType[]): Reply {
  const format = bodyFormat(context, false);
  if (isReply(format)) return format;
  const ids = new Set(listParam(context.query, 'id'));
  const statuses = listParam(context.query, 'status');
  const sort = context.query.get('sort');
  const walk = isSupportedSort(sort)
    ? sortedContentWalk(context, spaces, types, statuses, sort)
    : contentWalk(context, spaces, types, statuses);
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
    const format = bodyFormat(context, false);
    if (isReply(format)) return format;
    const live = visibleContent(context, context.params.id!, type);
    if (!live) return notFound();
    const ordered = [...live.record.versions].sort((a, b) =>
      context.query.get('sort') === 'modified-date' ? a.number - b.number : b.number - a.number,
    );
    const walk: Walk<(typeof ordered)[number]> = function* (from) {
      for (let i = from.i ?? 0; i < ordered.length; i++) yield { item: ordered[i]!, resume: { i: i + 1 } };
    };
    return cursorPage(context, walk, (v) => renderVersionSummary(context.site, live.record, v, format));
  };
}

function versionDetail(type: ContentType) {
  return (context: RequestContext): Reply => {
    const live = visibleContent(context, context.params.id!, type);
    const found = live?.record.versions.find((v) => v.number === Number(context.params.versionNumber));
    return live && found ? json(200, renderVersionDetail(live.record, found)) : notFound();
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
  ...confluenceCommentRoutes,
  ...confluenceV1Routes,
];
