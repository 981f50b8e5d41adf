// Topic prose for tickets and pages: the container's own templates mixed with the shared benign prose.

import { benignParagraph, benignSummary, type ProseTopic } from '../../synth/benign.ts';
import type { Rng } from '../../synth/rng.ts';
import { fill } from './topic-fillers.ts';
import { TOPICS, type TopicText } from './topic-text.ts';

export type Topic = 'engineering' | 'operations' | 'support' | 'people' | 'clinic' | 'finance';

export { fill };

export function topicText(topic: Topic): TopicText {
  return TOPICS[topic];
}

export function sentence(rng: Rng, templates: readonly string[]): string {
  return fill(rng, rng.pick(templates));
}

export function paragraph(rng: Rng, templates: readonly string[], min: number, max: number): string {
  const n = rng.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(rng, templates));
  return out.join(' ');
}

/** The closest topic of the shared benign prose generators. */
const PROSE_TOPIC: Record<Topic, ProseTopic> = {
  engineering: 'engineering',
  operations: 'engineering',
  support: 'support',
  people: 'people',
  clinic: 'clinic',
  finance: 'people',
};

/** Opening prose of a ticket or page: this topic's templates or the shared benign prose, half and half. */
export function openingProse(rng: Rng, topic: Topic): string {
  return rng.chance(0.5)
    ? benignParagraph(rng, PROSE_TOPIC[topic])
    : paragraph(rng, topicText(topic).prose, 1, 3);
}

export function ticketSummary(rng: Rng, topic: Topic): string {
  return rng.chance(0.25)
    ? benignSummary(rng, PROSE_TOPIC[topic])
    : sentence(rng, topicText(topic).summaries);
}
