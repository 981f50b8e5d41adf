// Confluence pages and blog posts as pure functions of (seed, space, type, index): title, storage body across
// versions (older ones may hold a value later removed), footer comments with replies and inline comments
// anchored by markers in the body.

import type {
  ConfluenceCommentRecord,
  ContentRecord,
  ContentVersionRecord,
  FakeUser,
  SpaceRecord,
} from '../model.ts';
import { planAttachments } from './attachments.ts';
import { SPACE_DEFS } from './containers.ts';
import {
  anchoredInline,
  contentStreams,
  planContent,
  type CommentShape,
  type ContentPlan,
} from './confluence-plan.ts';
import type { ContentType } from './ids.ts';
import { plantsIn, type Plant } from './planting.ts';
import type { Rng } from '../../synth/rng.ts';
import {
  bodyAt,
  bodyBlocks,
  insertBlocks,
  macroId,
  plantHtml,
  proseHtml,
  type BodyBlock,
} from './storage-blocks.ts';
import * as xhtml from './storage-builder.ts';
import { createdMs, iso, laterMs, spreadMs } from './timeline.ts';
import { fill, sentence, topicText, type Topic } from './topics.ts';

export interface ConfluenceSite {
  seed: number;
  now: number;
  users: readonly FakeUser[];
  spaces: readonly SpaceRecord[];
}

const VERSION_MESSAGES = ['', '', 'Updated steps', 'Fixed typo', 'Clarified ownership', 'Reworded intro'];

function title(rng: Rng, topic: Topic, space: SpaceRecord, type: ContentType, index: number): string {
  if (type === 'page' && index === 0) return `${space.name} Home`;
  const base = sentence(rng, topicText(topic).titles);
  // Titles are unique within a space, as Confluence requires of pages.
  return type === 'blogpost'
    ? `${fill(rng, '{month}')} update: ${base} (${index + 1})`
    : `${base} (${index + 1})`;
}

function commentBody(rng: Rng, topic: Topic, plants: readonly Plant[]): string {
  const own = plants.filter((p) => p.placement !== 'selection').map((p) => plantHtml(rng, p));
  return [xhtml.p(proseHtml(sentence(rng, topicText(topic).comments))), ...own].join('');
}

/** What an inline comment highlights, and the marker that anchors it in the body. */
interface Selection {
  ref: string;
  text: string;
}

interface CommentContext {
  rng: Rng;
  topic: Topic;
  users: readonly FakeUser[];
  plants: readonly Plant[];
  selections: Map<string, Selection>;
  now: number;
}

const RESOLUTION: ReadonlyArray<NonNullable<ConfluenceCommentRecord['resolutionStatus']>> = [
  'open',
  'open',
  'resolved',
  'resolved',
  'reopened',
];

function comment(ctx: CommentContext, shape: CommentShape, from: number): ConfluenceCommentRecord {
  const { rng } = ctx;
  const field = `${shape.kind}-comment:${shape.id}`;
  const created = laterMs(rng, from, ctx.now);
  const record: ConfluenceCommentRecord = {
    id: shape.id,
    kind: shape.kind,
    authorAccountId: rng.pick(ctx.users).accountId,
    body: commentBody(rng, ctx.topic, plantsIn(ctx.plants, field)),
    createdAt: iso(created),
    version: rng.chance(0.1) ? 2 : 1,
    replies: shape.replies.map((reply) => comment(ctx, reply, created)),
  };
  const selection = ctx.selections.get(shape.id);
  if (selection) {
    record.resolutionStatus = shape.dangling ? 'dangling' : rng.pick(RESOLUTION);
    record.originalSelection = selection.text;
    record.markerRef = selection.ref;
  }
  return record;
}

/** Each inline root highlights a phrase: the planted value when the plan says so, else topic prose. */
function selections(rng: Rng, plan: ContentPlan): Map<string, Selection> {
  const out = new Map<string, Selection>();
  for (const root of plan.inline) {
    const planted = plantsIn(plan.plants, `inline-comment:${root.id}`).find(
      (p) => p.placement === 'selection',
    );
    out.set(root.id, {
      ref: macroId(rng),
      text: planted
        ? planted.carrier
        : fill(rng, rng.pick(['{component}', '{service}', '{tool}', '{system}'])),
    });
  }
  return out;
}

function blocksWithPlants(
  rng: Rng,
  base: BodyBlock[],
  plan: ContentPlan,
  marks: Map<string, Selection>,
): BodyBlock[] {
  const latest = plan.versionCount;
  const extra: BodyBlock[] = plantsIn(plan.plants, 'body').map((p) => ({
    html: plantHtml(rng, p),
    since: latest,
  }));
  for (let n = 1; n < latest; n++) {
    for (const p of plantsIn(plan.plants, `version:${n}`))
      extra.push({ html: plantHtml(rng, p), since: n, until: n });
  }
  for (const root of anchoredInline(plan)) {
    const mark = marks.get(root.id) as Selection;
    extra.push({
      html: xhtml.p(`Note on ${xhtml.inlineMarker(mark.ref, xhtml.escapeText(mark.text))} before rollout.`),
      since: latest,
    });
  }
  return insertBlocks(rng, base, extra);
}

export function buildContent(
  site: ConfluenceSite,
  spaceOrdinal: number,
  type: ContentType,
  index: number,
): ContentRecord {
  const space = site.spaces[spaceOrdinal] as SpaceRecord;
  const topic = (SPACE_DEFS[spaceOrdinal] as (typeof SPACE_DEFS)[number]).topic;
  const streams = contentStreams(site.seed, space.key, type, index);
  const plan = planContent(site.seed, spaceOrdinal, space, type, index, streams);
  const rng = streams.text;
  const count = type === 'page' ? space.pageCount : space.blogPostCount;
  const created = createdMs(rng, site.now, index, count);
  const times = [created, ...spreadMs(rng, created, laterMs(rng, created, site.now), plan.versionCount - 1)];
  const titleText = [
    title(rng, topic, space, type, index),
    ...plantsIn(plan.plants, 'title').map((p) => p.carrier),
  ].join(' - ');
  const marks = selections(rng, plan);
  const ctx = {
    rng,
    topic,
    spaceKey: space.key,
    users: site.users,
    pageTitles: [`${space.name} Home`, ...topicText(topic).titles.map((t) => fill(rng, t))],
  };
  const blocks = blocksWithPlants(rng, bodyBlocks(ctx, plan.versionCount), plan, marks);
  const versions: ContentVersionRecord[] = times.map((at, i) => ({
    number: i + 1,
    createdAt: iso(at),
    authorAccountId: rng.pick(site.users).accountId,
    message:
      plantsIn(plan.plants, `version:${i}`).length > 0 ? 'Removed credentials' : rng.pick(VERSION_MESSAGES),
    body: bodyAt(blocks, i + 1),
    title: titleText,
  }));
  const last = versions[versions.length - 1] as ContentVersionRecord;
  const commentCtx: CommentContext = {
    rng,
    topic,
    users: site.users,
    plants: plan.plants,
    selections: marks,
    now: site.now,
  };
  return {
    id: plan.id,
    type,
    spaceKey: space.key,
    title: titleText,
    status: plan.status,
    parentId: plan.parentId,
    restricted: plan.restricted,
    authorAccountId: versions[0]?.authorAccountId ?? last.authorAccountId,
    createdAt: iso(created),
    version: {
      number: last.number,
      createdAt: last.createdAt,
      message: last.message,
      authorAccountId: last.authorAccountId,
    },
    body: last.body,
    versions,
    footerComments: plan.footer.map((c) => comment(commentCtx, c, created)),
    inlineComments: plan.inline.map((c) => comment(commentCtx, c, created)),
    attachments: contentAttachments(site, spaceOrdinal, plan.id, created).attachments,
  };
}

/** The page's or blog post's files. */
export function contentAttachments(
  site: Omit<ConfluenceSite, 'spaces'>,
  spaceOrdinal: number,
  id: string,
  created = 0,
) {
  const { seed, users, now } = site;
  const mix = (SPACE_DEFS[spaceOrdinal] as (typeof SPACE_DEFS)[number]).plant.mix;
  return planAttachments({ seed, users, from: created, now, product: 'confluence', mix }, id);
}
