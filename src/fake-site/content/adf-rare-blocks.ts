// The less common ADF nodes of section 2.9 (quotes, rules, tasks, decisions, nested expands, embeds, media
// groups, captions, placeholders, layouts, bodied and inline extensions), each in a small share of bodies,
// so an extractor meets all of them across a site.

import { benignLogLines } from '../../synth/benign.ts';
import { HEX, type Rng } from '../../synth/rng.ts';
import type { AdfNode } from '../model.ts';
import * as adf from './adf-builder.ts';
import { fill, sentence, topicText, type Topic } from './topics.ts';

const fileId = (rng: Rng): string =>
  `${rng.chars(HEX, 8)}-${rng.chars(HEX, 4)}-${rng.chars(HEX, 4)}-${rng.chars(HEX, 12)}`;

const RARE: ReadonlyArray<[number, (rng: Rng, topic: Topic) => AdfNode[]]> = [
  [0.06, (rng, topic) => [adf.blockquote([adf.paragraph(adf.text(sentence(rng, topicText(topic).prose)))])]],
  [0.05, () => [adf.rule(), adf.heading(4, 'Notes')]],
  [
    0.06,
    (rng, topic) => [
      adf.taskList(fileId(rng), [
        { done: true, content: [adf.text(sentence(rng, topicText(topic).comments))] },
        { done: false, content: [adf.text(sentence(rng, topicText(topic).comments))] },
      ]),
    ],
  ],
  [
    0.04,
    (rng) => [
      adf.decisionList(fileId(rng), [
        [adf.text(fill(rng, 'Roll back {service} on {env} and freeze deploys'))],
      ]),
    ],
  ],
  [
    0.04,
    (rng) => [
      adf.tableWithNestedExpand('Attempts', 'Retry log', [adf.codeBlock('text', benignLogLines(rng, 3))]),
    ],
  ],
  [0.03, (rng) => [adf.embedCard(fill(rng, 'https://docs.example.com/dashboards/{service}'))]],
  [0.03, (rng) => [adf.mediaGroup([fileId(rng), fileId(rng)])]],
  [0.03, (rng) => [adf.paragraph(adf.text('Recording: '), adf.mediaInline(fileId(rng)))]],
  [
    0.03,
    (rng) => [
      adf.captionedMedia(
        fileId(rng),
        fill(rng, 'Error dialog in {component}'),
        fill(rng, '{component} after the update'),
      ),
    ],
  ],
  [0.03, () => [adf.paragraph(adf.placeholder('Describe the customer impact'))]],
  [
    0.03,
    (rng, topic) => [
      adf.layout([
        [adf.paragraph(adf.text(sentence(rng, topicText(topic).prose)))],
        [adf.paragraph(adf.text(fill(rng, 'Owner: {service} team')))],
      ]),
    ],
  ],
  [
    0.03,
    (rng, topic) => [
      adf.bodiedExtension('details', [adf.paragraph(adf.text(sentence(rng, topicText(topic).prose)))]),
    ],
  ],
  [
    0.03,
    (rng) => [
      adf.paragraph(
        adf.text('Build: '),
        adf.inlineExtension('status-badge', { title: fill(rng, '{service}') }),
      ),
    ],
  ],
];

export function rareBlocks(rng: Rng, topic: Topic): AdfNode[] {
  const out: AdfNode[] = [];
  for (const [p, make] of RARE) if (rng.chance(p)) out.push(...make(rng, topic));
  return out;
}
