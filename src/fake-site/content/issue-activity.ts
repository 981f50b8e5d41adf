// Who reads each comment of a generated issue, and the work logged on it. Service desk projects mix public replies
// (the customer sees them) with internal notes and a few notes restricted to a role; other projects' comments are
// all `public` in Jira's sense (jsdPublic true, which means nothing there). About a third of issues log work, a few
// more often than a search result embeds (20). Everything here is drawn from the issue's own `activity` stream, so
// the rest of the issue is as it was.
//
// The first request of every service desk is a showcase: a public reply, an internal note and a role-restricted
// note, each carrying a planted value, and more worklogs than the search embeds with a value in the last one, so
// that even the smallest site exercises every mark and the worklog endpoint.
import type { CommentVisibility } from '../../types.ts';
import type { AdfNode, CommentRecord, FakeUser, RestrictionRecord, WorklogRecord } from '../model.ts';
import * as adf from './adf-builder.ts';
import { withPlants } from './adf-blocks.ts';
import { commentId } from './ids.ts';
import type { Plant, Slot } from './planting.ts';
import { plantsIn, shareWeight } from './planting.ts';
import type { Rng } from '../../synth/rng.ts';
import { iso, spreadMs } from './timeline.ts';
import { sentence, topicText, type Topic } from './topics.ts';

/** Worklog ids share the comment id space of their issue, above every comment ordinal (at most 150). */
const WORKLOG_ORDINAL_BASE = 500;
/** A search result embeds this many worklogs: the showcase logs more. */
const EMBEDDED_WORKLOGS = 20;
/** The role the restricted notes name; the fake's API user holds it. */
export const RESTRICTED_ROLE: RestrictionRecord = { type: 'role', value: 'Administrators' };
const SHOWCASE_AUDIENCES: readonly CommentVisibility[] = ['public', 'internal', 'restricted'];

export interface ActivityPlan {
  /** Per comment (commentIds order): who reads it; `public` on ordinary projects. */
  audiences: CommentVisibility[];
  worklogIds: string[];
  /** Fields (`comment:<id>`, `worklog:<id>`) that must carry a planted value. */
  required: string[];
}

function audience(rng: Rng, serviceDesk: boolean): CommentVisibility {
  if (!serviceDesk) return 'public';
  if (rng.chance(0.05)) return 'restricted';
  return rng.chance(0.58) ? 'public' : 'internal';
}

function worklogCount(rng: Rng): number {
  if (rng.chance(0.01)) return rng.int(EMBEDDED_WORKLOGS + 1, 40);
  return rng.chance(0.33) ? rng.int(1, 4) : 0;
}

/** `commentIds` may be extended (the showcase needs three comments); returns the plan and the final ids. */
export function planActivity(
  rng: Rng,
  issueId: string,
  commentIds: readonly string[],
  showcase: { serviceDesk: boolean; first: boolean },
): ActivityPlan & { commentIds: string[] } {
  const isShowcase = showcase.serviceDesk && showcase.first;
  const count = isShowcase ? Math.max(SHOWCASE_AUDIENCES.length, commentIds.length) : commentIds.length;
  const ids = Array.from({ length: count }, (_, i) => commentIds[i] ?? commentId(issueId, i + 1));
  const audiences = ids.map((_, i) =>
    isShowcase && i < SHOWCASE_AUDIENCES.length
      ? SHOWCASE_AUDIENCES[i]!
      : audience(rng, showcase.serviceDesk),
  );
  const worklogs = isShowcase ? EMBEDDED_WORKLOGS + 5 : worklogCount(rng);
  const worklogIds = Array.from({ length: worklogs }, (_, i) =>
    commentId(issueId, WORKLOG_ORDINAL_BASE + i + 1),
  );
  const required = isShowcase
    ? [
        ...ids.slice(0, SHOWCASE_AUDIENCES.length).map((id) => `comment:${id}`),
        `worklog:${worklogIds.at(-1)}`,
      ]
    : [];
  return { audiences, worklogIds, required, commentIds: ids };
}

/** Worklog comments take a tenth of an issue's planting weight, shared between its worklogs. */
export function worklogSlots(worklogIds: readonly string[]): Slot[] {
  return worklogIds.length === 0
    ? []
    : shareWeight(
        worklogIds.map((id) => `worklog:${id}`),
        0.1,
        ['paragraph', 'code'],
      );
}

/** How the comment record says who reads it. */
export function audienceFields(
  visibility: CommentVisibility,
): Pick<CommentRecord, 'jsdPublic' | 'visibility'> {
  if (visibility === 'restricted') return { jsdPublic: false, visibility: RESTRICTED_ROLE };
  return { jsdPublic: visibility === 'public' };
}

/** The issue's worklogs, spread between its creation and last update; most say what was done. */
export function buildWorklogs(
  rng: Rng,
  context: { topic: Topic; users: readonly FakeUser[]; from: number; to: number },
  worklogIds: readonly string[],
  plants: readonly Plant[],
): WorklogRecord[] {
  const times = spreadMs(rng, context.from, context.to, worklogIds.length);
  return worklogIds.map((id, i) => {
    const planted = plantsIn(plants, `worklog:${id}`);
    const line = adf.paragraph(adf.text(sentence(rng, topicText(context.topic).comments)));
    const comment: AdfNode | null =
      planted.length > 0 || rng.chance(0.7) ? adf.doc(withPlants(rng, [line], planted)) : null;
    const at = iso(times[i] as number);
    return {
      id,
      authorAccountId: rng.pick(context.users).accountId,
      comment,
      started: at,
      created: at,
      updated: at,
      timeSpentSeconds: 900 * rng.int(1, 16),
    };
  });
}
