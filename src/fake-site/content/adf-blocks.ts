// Composes ticket bodies in ADF from topic prose and code material, using every node type of section 2.9
// somewhere across a site, and turns a planted value into the block the plan asked for.

import type { AdfNode, FakeUser } from '../model.ts';
import * as adf from './adf-builder.ts';
import { rareBlocks } from './adf-rare-blocks.ts';
import type { Plant } from './planting.ts';
import type { Rng } from '../../synth/rng.ts';
import { benignLogLines as logLines } from '../../synth/benign.ts';
import { codeSnippet } from './snippets.ts';
import { fill, openingProse, sentence, topicText, type Topic } from './topics.ts';

const EMOJI: ReadonlyArray<[string, string]> = [
  ['thumbsup', '👍'],
  ['warning', '⚠️'],
  ['eyes', '👀'],
  ['fire', '🔥'],
];
const DOCS = 'https://docs.example.com';

function mentionLine(rng: Rng, users: readonly FakeUser[]): AdfNode {
  const user = rng.pick(users);
  const [shortName, unicode] = rng.pick(EMOJI);
  return adf.paragraph(
    adf.text('cc '),
    adf.mention(user.accountId, user.displayName),
    adf.text(' for visibility '),
    adf.emoji(shortName, unicode),
  );
}

function expectedActual(rng: Rng, topic: Topic): AdfNode {
  const lines = topicText(topic).prose;
  return adf.paragraph(
    adf.text('Expected: ', [adf.strong]),
    adf.text(sentence(rng, lines)),
    adf.hardBreak(),
    adf.text('Actual: ', [adf.strong]),
    adf.text(sentence(rng, lines)),
  );
}

const STEPS = [
  'Open {component}',
  'Switch to {env}',
  'Log in with a {plan} account',
  'Trigger {feature}',
  'Wait for the {metric} panel to refresh',
];

function steps(rng: Rng): AdfNode[] {
  const items: AdfNode[][] = [];
  for (let n = rng.int(2, 5); n > 0; n--) items.push([adf.text(fill(rng, rng.pick(STEPS)))]);
  // Tickets quote the command that shows the problem in inline code.
  items.push([
    adf.text('Run '),
    adf.text(fill(rng, 'kubectl logs deploy/{service}'), [adf.code]),
    adf.text(' and compare'),
  ]);
  return [adf.heading(3, 'Steps to reproduce'), adf.orderedList(items)];
}

function matrix(rng: Rng): AdfNode {
  const rows: string[][] = [];
  for (let i = rng.int(2, 4); i > 0; i--)
    rows.push([fill(rng, '{env}'), fill(rng, '{browser}'), rng.pick(['fails', 'works', 'intermittent'])]);
  return adf.table(['Environment', 'Client', 'Result'], rows);
}

/** Optional blocks, each with the chance it appears in a description. */
const OPTIONAL: ReadonlyArray<
  [number, (rng: Rng, topic: Topic, users: readonly FakeUser[], now: number) => AdfNode[]]
> = [
  [0.45, (rng, topic) => steps(rng).concat(topic === 'engineering' ? [expectedActual(rng, topic)] : [])],
  [
    0.4,
    (rng) => {
      const c = codeSnippet(rng);
      return [adf.codeBlock(c.language, c.body)];
    },
  ],
  [0.2, (rng) => [matrix(rng)]],
  [
    0.2,
    (rng, topic) => [
      adf.panel(rng.pick(['info', 'note', 'warning', 'success']), [
        adf.paragraph(adf.text(sentence(rng, topicText(topic).prose))),
      ]),
    ],
  ],
  [0.15, (rng) => [adf.expand('Full logs', [adf.codeBlock('text', logLines(rng, rng.int(3, 8)))])]],
  [0.3, (rng, _t, users) => [mentionLine(rng, users)]],
  [
    0.2,
    (rng) => [
      adf.paragraph(
        adf.text('Related: '),
        adf.inlineCard(fill(rng, `${DOCS}/{service}/overview`)),
        adf.text(' and the '),
        adf.text('runbook', [adf.link(fill(rng, `${DOCS}/runbooks/{service}`))]),
      ),
    ],
  ],
  [0.08, (rng) => [adf.blockCard(fill(rng, `${DOCS}/dashboards/{service}`))]],
  [
    0.12,
    (rng, _t, _u, now) => [
      adf.paragraph(
        adf.text('State: '),
        adf.status(rng.pick(['TO DO', 'IN PROGRESS', 'BLOCKED', 'DONE'])),
        adf.text(' until '),
        adf.date(now - rng.int(1, 700) * 86_400_000),
      ),
    ],
  ],
  [
    0.08,
    (rng) => [
      adf.extension('jira', {
        jqlQuery: fill(rng, 'project = ENG AND text ~ "{service}"'),
        columns: 'key,summary,status',
      }),
    ],
  ],
  [
    0.1,
    (rng) => [
      adf.mediaSingle(
        `${rng.chars('0123456789abcdef', 8)}-${rng.chars('0123456789abcdef', 4)}`,
        fill(rng, 'Screenshot of {component}'),
      ),
    ],
  ],
  [
    0.25,
    (rng, topic) => [
      adf.bulletList([
        [adf.text(sentence(rng, topicText(topic).prose))],
        [adf.text(sentence(rng, topicText(topic).prose))],
      ]),
    ],
  ],
];

export function descriptionBlocks(
  rng: Rng,
  topic: Topic,
  users: readonly FakeUser[],
  now: number,
): AdfNode[] {
  const blocks = [adf.paragraph(adf.text(openingProse(rng, topic)))];
  for (const [p, make] of OPTIONAL) if (rng.chance(p)) blocks.push(...make(rng, topic, users, now));
  blocks.push(...rareBlocks(rng, topic));
  return blocks;
}

export function commentBlocks(rng: Rng, topic: Topic, users: readonly FakeUser[]): AdfNode[] {
  const blocks = [adf.paragraph(adf.text(sentence(rng, topicText(topic).comments)))];
  if (rng.chance(0.15)) blocks.push(mentionLine(rng, users));
  if (rng.chance(0.1)) blocks.push(adf.codeBlock('text', logLines(rng, rng.int(1, 4))));
  return blocks;
}

export function plantBlock(plant: Plant): AdfNode {
  const carrier = plant.carrier;
  switch (plant.placement) {
    case 'code':
      return adf.codeBlock(carrier.includes('\n') ? 'text' : 'bash', carrier);
    case 'table':
      return adf.table(['Item', 'Detail'], [['Reported value', carrier]]);
    case 'panel':
      return adf.panel('note', [adf.paragraph(adf.text(carrier))]);
    case 'expand':
      return adf.expand('Details', [adf.codeBlock('text', carrier)]);
    case 'link':
      return adf.paragraph(adf.text('Endpoint: '), adf.text('link', [adf.link(carrier)]));
    case 'task':
      return adf.taskList('plant', [{ done: false, content: [adf.text(carrier)] }]);
    default:
      return adf.paragraph(adf.text(carrier));
  }
}

/** Insert each planted block at a position drawn from `rng`, after the first block. */
export function withPlants(rng: Rng, blocks: AdfNode[], plants: readonly Plant[]): AdfNode[] {
  const out = blocks.slice();
  for (const plant of plants) out.splice(rng.int(Math.min(1, out.length), out.length), 0, plantBlock(plant));
  return out;
}
