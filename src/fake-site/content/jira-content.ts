// Jira issues as pure functions of (seed, project, index): a cheap "shape and plan" stage that planted() can run
// alone, and the full record built on top of it from the topic's prose, ADF blocks and custom fields.

import type { AdfNode, CommentRecord, FakeUser, IssueRecord, ProjectRecord } from '../model.ts';
import * as adf from './adf-builder.ts';
import { planAttachments, type AttachmentContext } from './attachments.ts';
import { commentBlocks, descriptionBlocks, withPlants } from './adf-blocks.ts';
import { PROJECT_DEFS } from './containers.ts';
import { customValue } from './custom-values.ts';
import { customFieldsFor, type CustomFieldDef } from './fields.ts';
import { commentId, issueId, issueKey } from './ids.ts';
import {
  audienceFields,
  buildWorklogs,
  planActivity,
  worklogSlots,
  type ActivityPlan,
} from './issue-activity.ts';
import { planPlants, plantInto, plantsIn, shareWeight, type Plant, type Slot } from './planting.ts';
import { createRng, type Rng } from '../../synth/rng.ts';
import { createdMs, iso, laterMs, spreadMs, TWO_YEARS_MS } from './timeline.ts';
import { fill, ticketSummary, topicText, type Topic } from './topics.ts';

export const ISSUE_STATUSES: ReadonlyArray<IssueRecord['status']> = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10002', name: 'In Review', category: 'indeterminate' },
  { id: '10001', name: 'Done', category: 'done' },
];
const ISSUE_TYPE_NAMES = [...new Set(PROJECT_DEFS.flatMap((d) => topicText(d.topic).issueTypes))];

export interface IssuePlan {
  id: string;
  key: string;
  commentIds: string[];
  plants: Plant[];
  activity: ActivityPlan;
}

export interface JiraSite {
  seed: number;
  now: number;
  users: readonly FakeUser[];
  projects: readonly ProjectRecord[];
}

/** Most issues have a handful of comments; about 1% a long thread that spans several pages of results. */
function commentCount(rng: Rng): number {
  if (rng.chance(0.01)) return rng.int(60, 150);
  return rng.chance(0.3) ? 0 : rng.int(1, rng.chance(0.8) ? 4 : 10);
}

function issueSlots(topic: Topic, commentIds: readonly string[]): Slot[] {
  const custom = customFieldsFor(topic).flatMap((def): Slot[] => {
    if (def.kind === 'textarea') return [{ field: def.id, weight: 0.05, placements: ['paragraph', 'code'] }];
    if (def.kind === 'url')
      return [{ field: def.id, weight: 0.02, placements: ['paragraph'], urlOnly: true }];
    if (def.kind === 'textfield' || def.kind === 'readonly')
      return [{ field: def.id, weight: 0.03, placements: ['paragraph'], singleLine: true }];
    return [];
  });
  return [
    { field: 'summary', weight: 0.03, placements: ['paragraph'], singleLine: true },
    {
      field: 'description',
      weight: 0.45,
      placements: ['paragraph', 'code', 'table', 'panel', 'expand', 'link', 'task'],
    },
    { field: 'environment', weight: 0.06, placements: ['paragraph', 'code'] },
    ...shareWeight(
      commentIds.map((id) => `comment:${id}`),
      0.25,
      ['paragraph', 'code', 'link'],
    ),
    ...custom,
  ];
}

function issueStreams(site: JiraSite, ordinal: number, index: number) {
  const root = createRng(site.seed).fork(`jira/${(site.projects[ordinal] as ProjectRecord).key}/${index}`);
  return {
    shape: root.fork('shape'),
    plant: root.fork('plant'),
    text: root.fork('text'),
    activity: root.fork('activity'),
    worklogText: root.fork('worklog-text'),
  };
}

export function planIssue(
  site: JiraSite,
  ordinal: number,
  index: number,
  streams = issueStreams(site, ordinal, index),
): IssuePlan {
  const project = site.projects[ordinal] as ProjectRecord;
  const def = PROJECT_DEFS[ordinal] as (typeof PROJECT_DEFS)[number];
  const id = issueId(ordinal, index);
  const drawn = Array.from({ length: commentCount(streams.shape) }, (_, i) => commentId(id, i + 1));
  const { commentIds, ...activity } = planActivity(streams.activity, id, drawn, {
    serviceDesk: project.projectTypeKey === 'service_desk',
    first: index === 0,
  });
  const slots = [...issueSlots(def.topic, commentIds), ...worklogSlots(activity.worklogIds)];
  const plants = planPlants(streams.plant, def.plant, slots);
  for (const field of activity.required) {
    const slot = slots.find((s) => s.field === field);
    const plant = slot && !plants.some((p) => p.field === field) && plantInto(streams.plant, def.plant, slot);
    if (plant) plants.push(plant);
  }
  return { id, key: issueKey(project.key, index), commentIds, plants, activity };
}

function status(rng: Rng, ageMs: number): IssueRecord['status'] {
  const done = 0.2 + 0.7 * Math.min(1, ageMs / TWO_YEARS_MS);
  return rng.chance(done)
    ? (ISSUE_STATUSES[3] as IssueRecord['status'])
    : rng.pick(ISSUE_STATUSES.slice(0, 3));
}

function comments(
  rng: Rng,
  topic: Topic,
  site: JiraSite,
  plan: IssuePlan,
  from: number,
  to: number,
): CommentRecord[] {
  const times = spreadMs(rng, from, to, plan.commentIds.length);
  return plan.commentIds.map((id, i) => {
    const created = times[i] as number;
    const body = adf.doc(
      withPlants(rng, commentBlocks(rng, topic, site.users), plantsIn(plan.plants, `comment:${id}`)),
    );
    const updated = rng.chance(0.1) ? created + Math.floor((to - created) * rng.next()) : created;
    return {
      id,
      authorAccountId: rng.pick(site.users).accountId,
      body,
      created: iso(created),
      updated: iso(updated),
      ...audienceFields(plan.activity.audiences[i] ?? 'public'),
    };
  });
}

function customFields(
  rng: Rng,
  defs: readonly CustomFieldDef[],
  ctx: Parameters<typeof customValue>[1],
  plants: readonly Plant[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    const planted = plantsIn(plants, def.id);
    if (planted.length > 0 || rng.chance(0.7)) out[def.id] = customValue(def, ctx, planted);
  }
  return out;
}

export function buildIssue(site: JiraSite, ordinal: number, index: number): IssueRecord {
  const streams = issueStreams(site, ordinal, index);
  const plan = planIssue(site, ordinal, index, streams);
  const project = site.projects[ordinal] as ProjectRecord;
  const topic = (PROJECT_DEFS[ordinal] as (typeof PROJECT_DEFS)[number]).topic;
  const text = topicText(topic);
  const rng = streams.text;
  const created = createdMs(rng, site.now, index, project.issueCount);
  const updated = laterMs(rng, created, site.now);
  const summaryPlants = plantsIn(plan.plants, 'summary').map((p) => p.carrier);
  const descriptionPlants = plantsIn(plan.plants, 'description');
  const environmentPlants = plantsIn(plan.plants, 'environment');
  const typeName = rng.pick(text.issueTypes);
  const description: AdfNode | null =
    descriptionPlants.length === 0 && rng.chance(0.05)
      ? null
      : adf.doc(withPlants(rng, descriptionBlocks(rng, topic, site.users, site.now), descriptionPlants));
  const environment: AdfNode | null =
    environmentPlants.length > 0 || rng.chance(0.35)
      ? adf.doc(
          withPlants(rng, [adf.paragraph(adf.text(fill(rng, '{browser} on {env}')))], environmentPlants),
        )
      : null;
  return {
    id: plan.id,
    key: plan.key,
    projectKey: project.key,
    summary: [ticketSummary(rng, topic), ...summaryPlants].join(' - '),
    description,
    environment,
    customFields: customFields(
      rng,
      customFieldsFor(topic),
      { rng, topic, projectKey: project.key, users: site.users, createdMs: created },
      plan.plants,
    ),
    labels: rng.chance(0.5) ? [rng.pick(text.labels)] : [],
    status: status(rng, site.now - created),
    issueType: { id: String(10_000 + ISSUE_TYPE_NAMES.indexOf(typeName)), name: typeName },
    reporterAccountId: rng.pick(site.users).accountId,
    assigneeAccountId: rng.chance(0.2) ? null : rng.pick(site.users).accountId,
    created: iso(created),
    updated: iso(updated),
    comments: comments(rng, topic, site, plan, created, updated),
    attachments: issueAttachments(site, ordinal, index, created).attachments,
    worklogs: buildWorklogs(
      streams.worklogText,
      { topic, users: site.users, from: created, to: updated },
      plan.activity.worklogIds,
      plan.plants,
    ),
  };
}

/** The issue's files; the first issue of the first project also carries the hostile ones. */
export function issueAttachments(site: JiraSite, ordinal: number, index: number, created = 0) {
  const ctx: AttachmentContext = {
    seed: site.seed,
    users: site.users,
    from: created,
    now: site.now,
    product: 'jira',
    mix: (PROJECT_DEFS[ordinal] as (typeof PROJECT_DEFS)[number]).plant.mix,
  };
  return planAttachments(ctx, issueId(ordinal, index), ordinal === 0 && index === 0);
}
