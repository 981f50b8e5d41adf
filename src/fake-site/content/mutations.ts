// Material for the server's mutations (churn, admin create/edit): new deterministic content from a seed. It is
// clean on purpose, so the truth manifest stays the generator's planted() minus deletions.

import type { AdfNode, CommentRecord, ConfluenceCommentRecord, FakeUser } from '../model.ts';
import * as adf from './adf-builder.ts';
import { commentBlocks } from './adf-blocks.ts';
import { createRng, type Rng } from '../../synth/rng.ts';
import { macroId, proseHtml } from './storage-blocks.ts';
import * as xhtml from './storage-builder.ts';
import { sentence, topicText, type Topic } from './topics.ts';

/** Above every generated comment id; the server may restamp ids as it stores the comment. */
const MUTATION_COMMENT_ID_BASE = 9_000_000_000_000;
const TOPICS: readonly Topic[] = ['engineering', 'operations', 'support', 'people', 'clinic'];

function mutationRng(siteSeed: number, label: string, seed: number): Rng {
  return createRng(siteSeed).fork(`mutation/${label}/${seed}`);
}

export function createMutations(siteSeed: number, users: readonly FakeUser[]) {
  return {
    newComment(seed: number, at: string): CommentRecord {
      const rng = mutationRng(siteSeed, 'jira-comment', seed);
      const body = adf.doc(commentBlocks(rng, rng.pick(TOPICS), users));
      return {
        id: String(MUTATION_COMMENT_ID_BASE + (seed >>> 0)),
        authorAccountId: rng.pick(users).accountId,
        body,
        created: at,
        updated: at,
      };
    },
    newConfluenceComment(seed: number, at: string, kind: 'footer' | 'inline'): ConfluenceCommentRecord {
      const rng = mutationRng(siteSeed, `confluence-${kind}`, seed);
      const text = sentence(rng, topicText(rng.pick(TOPICS)).comments);
      const record: ConfluenceCommentRecord = {
        id: String(MUTATION_COMMENT_ID_BASE + (seed >>> 0)),
        kind,
        authorAccountId: rng.pick(users).accountId,
        body: xhtml.p(proseHtml(text)),
        createdAt: at,
        version: 1,
        replies: [],
      };
      if (kind === 'inline')
        Object.assign(record, {
          resolutionStatus: 'open',
          originalSelection: 'rollout',
          markerRef: macroId(rng),
        });
      return record;
    },
    editedAdf(seed: number, previous: AdfNode | null): AdfNode {
      const rng = mutationRng(siteSeed, 'adf', seed);
      const added = adf.paragraph(adf.text(`Update: ${sentence(rng, topicText(rng.pick(TOPICS)).comments)}`));
      return adf.doc([...(previous?.content ?? []), added]);
    },
    editedStorage(seed: number, previous: string): string {
      const rng = mutationRng(siteSeed, 'storage', seed);
      return `${previous}${xhtml.p(proseHtml(`Update: ${sentence(rng, topicText(rng.pick(TOPICS)).comments)}`))}`;
    },
  };
}
