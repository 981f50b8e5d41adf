// Confluence v2 JSON shapes: spaces, pages, blog posts, comments and versions. Timestamps are UTC ISO strings;
// bodies appear only when `body-format` asks for them, `atlas_doc_format.value` as a JSON string.
import type { LiveContent } from './confluence-overlay.ts';
import type { ConfluenceCommentRecord, ContentRecord, SpaceRecord } from './model.ts';
import { storageToAdf, storageToView } from './representations.ts';
import type { Site } from './site.ts';

export type BodyFormat = 'storage' | 'atlas_doc_format' | 'view';

export function renderSpace(space: SpaceRecord, descriptionFormat?: string) {
  const description =
    descriptionFormat === 'plain' || descriptionFormat === 'view'
      ? { [descriptionFormat]: { representation: descriptionFormat, value: space.description } }
      : null;
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: space.type,
    status: space.status,
    authorId: space.authorAccountId,
    createdAt: space.createdAt,
    homepageId: space.homepageId,
    spaceOwnerId: space.authorAccountId,
    currentActiveAlias: null,
    description,
    icon: null,
    _links: { webui: `/spaces/${space.key}` },
  };
}

export function renderBody(site: Site, storage: string, format: BodyFormat | undefined) {
  if (!format) return {};
  if (format === 'storage') return { storage: { representation: 'storage', value: storage } };
  if (format === 'atlas_doc_format') {
    return {
      atlas_doc_format: { representation: 'atlas_doc_format', value: JSON.stringify(storageToAdf(storage)) },
    };
  }
  return { view: { representation: 'view', value: storageToView(storage, (id) => site.displayName(id)) } };
}

function version(v: ContentRecord['version'], minorEdit = false) {
  return {
    createdAt: v.createdAt,
    message: v.message,
    number: v.number,
    minorEdit,
    authorId: v.authorAccountId,
  };
}

function webui(record: ContentRecord): string {
  const slug = encodeURIComponent(record.title.replace(/\s+/g, '+'));
  return record.type === 'page'
    ? `/spaces/${record.spaceKey}/pages/${record.id}/${slug}`
    : `/spaces/${record.spaceKey}/blog/${record.createdAt.slice(0, 10).replace(/-/g, '/')}/${record.id}/${slug}`;
}

/** A page or blog post; `versionNumber` selects an older version's title, body and version block. */
export function renderContent(
  site: Site,
  live: LiveContent,
  format: BodyFormat | undefined,
  versionNumber?: number,
) {
  const { record } = live;
  const space = site.confluence.space(record.spaceKey)!;
  const old = versionNumber ? record.versions.find((v) => v.number === versionNumber) : undefined;
  const common = {
    id: record.id,
    status: live.status,
    title: old?.title ?? record.title,
    spaceId: space.id,
    authorId: record.authorAccountId,
    createdAt: record.createdAt,
    version: version(old ?? record.version),
    body: renderBody(site, old?.body ?? record.body, format),
    _links: {
      webui: webui(record),
      editui: `/pages/resumedraft.action?draftId=${record.id}`,
      tinyui: `/x/${Buffer.from(record.id).toString('base64url')}`,
    },
  };
  if (record.type === 'blogpost') return common;
  return {
    ...common,
    parentId: record.parentId,
    parentType: record.parentId ? 'page' : null,
    position: Number(record.id) % 1000,
    ownerId: record.authorAccountId,
    lastOwnerId: null,
  };
}

/**
 * Where a comment is rendered, which decides the fields it carries. Each endpoint's model in the v2 reference (as
 * confluence.js 3.2 generates them) lists different ones: the root listings of a page or blog post carry `pageId`
 * or `blogPostId` and no parent; `children` carries `parentCommentId` and `pageId` but has no `blogPostId` at all;
 * the site-wide listings and GET by id carry all three. Every one is optional, and nothing records whether a real
 * reply fills in its page: `replyOwnerIds` (off by default) decides, so a crawler must find a reply's page through
 * its parent comment.
 */
export interface CommentPlacement {
  endpoint: 'root' | 'children' | 'site-wide';
  /** The comment this one replies to; undefined for a root comment. */
  parentId?: string;
}

function ownerIds(site: Site, owner: ContentRecord, { endpoint, parentId }: CommentPlacement) {
  if (parentId !== undefined && !site.options.replyOwnerIds) return {};
  if (owner.type === 'page') return { pageId: owner.id };
  return endpoint === 'children' ? {} : { blogPostId: owner.id };
}

export function renderComment(
  site: Site,
  owner: ContentRecord,
  comment: ConfluenceCommentRecord,
  format: BodyFormat | undefined,
  placement: CommentPlacement,
) {
  const base = {
    id: comment.id,
    status: 'current',
    title: `Re: ${owner.title}`,
    ...ownerIds(site, owner, placement),
    ...(placement.parentId ? { parentCommentId: placement.parentId } : {}),
    version: {
      createdAt: comment.createdAt,
      message: '',
      number: comment.version,
      minorEdit: false,
      authorId: comment.authorAccountId,
    },
    body: renderBody(site, comment.body, format),
    _links: { webui: `${webui(owner)}?focusedCommentId=${comment.id}` },
  };
  if (comment.kind === 'footer') return base;
  return {
    ...base,
    resolutionStatus: comment.resolutionStatus ?? 'open',
    properties: {
      'inline-marker-ref': comment.markerRef ?? '',
      'inline-original-selection': comment.originalSelection ?? '',
    },
  };
}

/** One entry of a versions listing; with a body format, the version's body too (under `page` / `blogpost`). */
export function renderVersionSummary(
  site: Site,
  record: ContentRecord,
  v: ContentRecord['versions'][number],
  format?: BodyFormat,
) {
  const entity = {
    id: record.id,
    title: v.title,
    ...(format ? { body: renderBody(site, v.body, format) } : {}),
  };
  return {
    createdAt: v.createdAt,
    message: v.message,
    number: v.number,
    minorEdit: false,
    authorId: v.authorAccountId,
    ...(record.type === 'page' ? { page: entity } : { blogpost: entity }),
  };
}

export function renderVersionDetail(record: ContentRecord, v: ContentRecord['versions'][number]) {
  const index = record.versions.indexOf(v);
  return {
    number: v.number,
    authorId: v.authorAccountId,
    message: v.message,
    createdAt: v.createdAt,
    minorEdit: false,
    contentTypeModified: false,
    collaborators: [v.authorAccountId],
    prevVersion: record.versions[index - 1]?.number ?? null,
    nextVersion: record.versions[index + 1]?.number ?? null,
  };
}

export function confluenceError(status: number, code: string, title: string, detail: string | null = null) {
  return { status, body: { errors: [{ status, code, title, detail }] } };
}
