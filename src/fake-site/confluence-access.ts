// What every Confluence v2 route shares: visibility, the body-format parameter, the 404 body, and the walks over
// content of several spaces (status filters, sort). Visibility follows the v2 reference: getSpaces returns "only
// spaces that the user has permission to view", and content under a view restriction the user is not in is left
// out of every listing and answers 404 by id (atlassian-api.md §1.4: invisible things are 404, not 403). So a
// space or page the API user may not view leaves no trace a crawler could count.
import type { ContentType, LiveContent } from './confluence-overlay.ts';
import type { Walk } from './confluence-pager.ts';
import { confluenceError, type BodyFormat } from './confluence-render.ts';
import type { SpaceRecord } from './model.ts';
import type { Reply, RequestContext } from './router.ts';
import type { ItemMeta } from './time-index.ts';

const FORMATS = new Set(['storage', 'atlas_doc_format', 'view']);

const LIST_DEFAULT_STATUS: Record<ContentType, string[]> = {
  page: ['current', 'archived'],
  blogpost: ['current'],
};

export function notFound(): Reply {
  return confluenceError(404, 'NOT_FOUND', 'Not Found');
}

export function bodyFormat(context: RequestContext, single: boolean): BodyFormat | undefined | Reply {
  const format = context.query.get('body-format') ?? undefined;
  if (format === undefined) return undefined;
  if (!FORMATS.has(format) || (!single && format === 'view')) {
    return confluenceError(400, 'INVALID_REQUEST_PARAMETER', `Invalid value for body-format: ${format}`);
  }
  return format as BodyFormat;
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value;
}

/** Spaces the API user may view: the only ones any listing or search shows. */
export function readableSpaces(context: RequestContext): SpaceRecord[] {
  return context.site.content.spaces.filter((s) => !s.forbidden);
}

export function visibleContent(
  context: RequestContext,
  id: string,
  type?: ContentType,
): LiveContent | undefined {
  const live = context.site.confluence.get(id);
  if (!live || live.record.restricted || (type && live.record.type !== type)) return undefined;
  return context.site.confluence.space(live.record.spaceKey)?.forbidden ? undefined : live;
}

/** Walks content of the given spaces and types, filtered by status. State: space index, type index, position. */
export function contentWalk(
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
          if (wanted.includes(live.status) && !live.record.restricted)
            yield { item: live, resume: { s, t, p: position + 1 } };
        }
      }
    }
  };
}

const SORT_KEYS: Record<string, (meta: ItemMeta) => number> = {
  id: (m) => m.order,
  'created-date': (m) => m.created,
  'modified-date': (m) => m.updated,
};

/** Whether `sort` is one the fake orders by (`title` is accepted by the real API but served in id order here). */
export function isSupportedSort(sort: string | null): sort is string {
  return sort !== null && sort.replace(/^-/, '') in SORT_KEYS;
}

/**
 * Content ordered by `sort` (id, created-date, modified-date, each optionally descending), read from the time
 * indexes so that only the served records are generated. State: offset into the ordered list.
 */
export function sortedContentWalk(
  context: RequestContext,
  spaces: SpaceRecord[],
  types: ContentType[],
  statuses: string[],
  sort: string,
): Walk<LiveContent> {
  const key = SORT_KEYS[sort.replace(/^-/, '')]!;
  const sign = sort.startsWith('-') ? -1 : 1;
  return function* (from) {
    const metas = spaces.flatMap((space) =>
      types.flatMap((type) =>
        [...context.site.confluence.metas(space.key, type)].map((meta) => ({ meta, type })),
      ),
    );
    metas.sort((a, b) => sign * (key(a.meta) - key(b.meta)) || a.meta.order - b.meta.order);
    for (let o = from.o ?? 0; o < metas.length; o++) {
      const { meta, type } = metas[o]!;
      const live = meta.live();
      const wanted = statuses.length ? statuses : LIST_DEFAULT_STATUS[type];
      if (live && !live.record.restricted && wanted.includes(live.status))
        yield { item: live, resume: { o: o + 1 } };
    }
  };
}
