// The cheap stage of a Confluence page or blog post: its status, parent, version count, comment tree and
// planting plan, drawn from the item's shape and plant streams without generating any text.

import type { ContentRecord, SpaceRecord } from '../model.ts';
import { SPACE_DEFS } from './containers.ts';
import { commentId, contentId, parseContentId, type ContentType } from './ids.ts';
import { planPlants, shareWeight, type Plant, type Slot } from './planting.ts';
import { createRng, type Rng } from '../../synth/rng.ts';

export interface CommentShape {
  id: string;
  kind: 'footer' | 'inline';
  /** Inline roots only: the highlighted text is gone from the page. */
  dangling: boolean;
  replies: CommentShape[];
}

export interface ContentPlan {
  id: string;
  status: ContentRecord['status'];
  parentId: string | null;
  /** A view restriction the API user is not in, its own or inherited from an ancestor page. */
  restricted: boolean;
  versionCount: number;
  footer: CommentShape[];
  inline: CommentShape[];
  plants: Plant[];
}

export interface ContentStreams {
  shape: Rng;
  plant: Rng;
  text: Rng;
}

export function contentStreams(
  seed: number,
  spaceKey: string,
  type: ContentType,
  index: number,
): ContentStreams {
  const root = createRng(seed).fork(`confluence/${spaceKey}/${type}/${index}`);
  return { shape: root.fork('shape'), plant: root.fork('plant'), text: root.fork('text') };
}

/** Comment trees: replies nest one or two levels; ids follow a depth-first ordinal sequence. */
function commentTrees(
  rng: Rng,
  parentId: string,
  next: { ordinal: number },
  roots: number,
  kind: CommentShape['kind'],
): CommentShape[] {
  const node = (depth: number): CommentShape => {
    const id = commentId(parentId, next.ordinal++);
    const dangling = kind === 'inline' && depth === 0 && rng.chance(0.08);
    const replyCount =
      depth === 0 ? (rng.chance(0.3) ? rng.int(1, 3) : 0) : depth === 1 && rng.chance(0.2) ? 1 : 0;
    return { id, kind, dangling, replies: Array.from({ length: replyCount }, () => node(depth + 1)) };
  };
  return Array.from({ length: roots }, () => node(0));
}

export function flattenComments(roots: readonly CommentShape[]): CommentShape[] {
  return roots.flatMap((c) => [c, ...flattenComments(c.replies)]);
}

function footerRootCount(rng: Rng): number {
  if (rng.chance(0.01)) return rng.int(30, 120);
  return rng.chance(0.5) ? 0 : rng.int(1, 5);
}

function status(rng: Rng, type: ContentType, index: number): ContentRecord['status'] {
  if (type === 'page' && index === 0) return 'current';
  if (type === 'page' && rng.chance(0.03)) return 'archived';
  return rng.chance(0.02) ? 'draft' : 'current';
}

function slots(plan: Omit<ContentPlan, 'plants'>): Slot[] {
  const versions = Array.from({ length: plan.versionCount - 1 }, (_, i) => `version:${i + 1}`);
  const inline = flattenComments(plan.inline);
  const roots = new Set(plan.inline.map((c) => c.id));
  return [
    { field: 'title', weight: 0.03, placements: ['paragraph'], singleLine: true },
    {
      field: 'body',
      weight: 0.5,
      placements: ['paragraph', 'code', 'table', 'expand', 'link', 'task', 'panel'],
    },
    ...shareWeight(versions, 0.12, ['paragraph', 'code']),
    ...shareWeight(
      flattenComments(plan.footer).map((c) => `footer-comment:${c.id}`),
      0.2,
      ['paragraph', 'code'],
    ),
    ...inline.map((c): Slot => ({
      field: `inline-comment:${c.id}`,
      weight: 0.1 / inline.length,
      placements: roots.has(c.id) ? ['paragraph', 'selection'] : ['paragraph'],
    })),
  ];
}

/** Share of the newest quarter of pages and blog posts with a view restriction of their own. */
const RESTRICTED_SHARE = 0.04;

/**
 * Only the newest quarter of a space's items may carry a view restriction of their own: an older page heads a
 * large subtree, and one restricted near the root would hide a seed-dependent share of the space. Parents come
 * before their children, so no item outside that quarter inherits one either.
 */
function restrictable(space: SpaceRecord, type: ContentType, index: number): boolean {
  const count = type === 'page' ? space.pageCount : space.blogPostCount;
  return index * 4 >= count * 3;
}

/** Whether the item carries its own view restriction: a stream of its own, so no other draw of the plan moves. */
function ownRestriction(seed: number, space: SpaceRecord, type: ContentType, index: number): boolean {
  return createRng(seed)
    .fork(`confluence/${space.key}/${type}/${index}/restriction`)
    .chance(RESTRICTED_SHARE);
}

export function planContent(
  seed: number,
  spaceOrdinal: number,
  space: SpaceRecord,
  type: ContentType,
  index: number,
  streams: ContentStreams = contentStreams(seed, space.key, type, index),
): ContentPlan {
  const id = contentId(spaceOrdinal, type, index);
  const next = { ordinal: 1 };
  const footer = commentTrees(streams.shape, id, next, footerRootCount(streams.shape), 'footer');
  const inline = commentTrees(
    streams.shape,
    id,
    next,
    streams.shape.chance(0.25) ? streams.shape.int(1, 4) : 0,
    'inline',
  );
  const itemStatus = status(streams.shape, type, index);
  const parentId =
    type === 'blogpost' || index === 0
      ? null
      : contentId(spaceOrdinal, 'page', streams.shape.int(Math.floor(index / 3), index - 1));
  // Confluence view restrictions are inherited: a page under a restricted page is hidden too.
  const parent = parentId === null ? undefined : parseContentId(parentId);
  const restricted =
    restrictable(space, type, index) &&
    (ownRestriction(seed, space, type, index) ||
      (parent !== undefined && planContent(seed, spaceOrdinal, space, 'page', parent.index).restricted));
  const shape = {
    id,
    status: itemStatus,
    parentId,
    restricted,
    versionCount:
      1 +
      (streams.shape.chance(0.5) ? streams.shape.int(1, 3) : 0) +
      (streams.shape.chance(0.1) ? streams.shape.int(2, 6) : 0),
    footer,
    inline,
  };
  const def = SPACE_DEFS[spaceOrdinal] as (typeof SPACE_DEFS)[number];
  return { ...shape, plants: planPlants(streams.plant, def.plant, slots(shape)) };
}

/** Inline comment ids whose highlighted text (and marker) is on the page. */
export function anchoredInline(plan: ContentPlan): CommentShape[] {
  return plan.inline.filter((c) => !c.dangling);
}
