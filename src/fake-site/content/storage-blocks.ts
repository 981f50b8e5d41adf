// Composes page bodies in storage format from topic prose and code material: code macros whose CDATA holds
// `<`, `>`, `&` and `]]>`, tables, task lists, mentions, every ac:link flavour, images, info inside expand,
// named entities and inline-comment markers; and turns a planted value into the block the plan asked for.

import type { FakeUser } from '../model.ts';
import type { Plant } from './planting.ts';
import type { Rng } from '../../synth/rng.ts';
import { benignLogLines as logLines } from '../../synth/benign.ts';
import { codeSnippet } from './snippets.ts';
import * as xhtml from './storage-builder.ts';
import { fill, openingProse, sentence, topicText, type Topic } from './topics.ts';

const HEX = '0123456789abcdef';

export function macroId(rng: Rng): string {
  return `${rng.chars(HEX, 8)}-${rng.chars(HEX, 4)}-${rng.chars(HEX, 4)}-${rng.chars(HEX, 4)}-${rng.chars(HEX, 12)}`;
}

/** Escaped prose with the named entities real editors leave behind. */
export function proseHtml(text: string): string {
  return xhtml.escapeText(text).replace(/'/g, '&rsquo;').replace(/ - /g, '&nbsp;&mdash; ');
}

/** Shell and code that a CDATA section must carry intact, including a `]]>` that has to be split. */
function edgeCaseCode(rng: Rng): string {
  const n = rng.int(1, 9);
  return `if [[ $retries -gt ${n} ]] && [[ -n "$HOST" ]]; then\n  echo "retries > ${n} & giving up" >&2\nfi\nok=$(( counts[idx[0]]>${n} ))\nprintf '<done/>\\n'`;
}

export interface BodyContext {
  rng: Rng;
  topic: Topic;
  spaceKey: string;
  users: readonly FakeUser[];
  pageTitles: readonly string[];
}

const OPTIONAL: ReadonlyArray<[number, (ctx: BodyContext) => string]> = [
  [
    0.5,
    ({ rng }) => {
      const c = codeSnippet(rng);
      return xhtml.codeMacro(macroId(rng), c.language, c.title, c.body);
    },
  ],
  [0.15, ({ rng }) => xhtml.codeMacro(macroId(rng), 'bash', 'retry.sh', edgeCaseCode(rng))],
  [
    0.3,
    ({ rng, topic }) =>
      xhtml.list(
        [
          `${xhtml.strong('Why:')} ${proseHtml(sentence(rng, topicText(topic).prose))}`,
          `${xhtml.strong('Where:')} ${xhtml.anchor(fill(rng, 'https://status.example.com/{service}'), 'status page')}`,
        ],
        rng.chance(0.3),
      ),
  ],
  [
    0.3,
    ({ rng }) =>
      xhtml.table(
        ['Service', 'Environment', 'Owner'],
        [
          [fill(rng, '{service}'), fill(rng, '{env}'), 'Platform team'],
          [fill(rng, '{service}'), fill(rng, '{env}'), 'SRE'],
        ],
      ),
  ],
  [
    0.25,
    ({ rng, topic }) =>
      xhtml.taskList(
        [1, 2, 3].slice(0, rng.int(1, 3)).map((id) => ({
          id,
          done: rng.chance(0.5),
          html: proseHtml(sentence(rng, topicText(topic).comments)),
        })),
      ),
  ],
  [
    0.35,
    ({ rng, users }) =>
      xhtml.p(
        `Owner: ${xhtml.userMention(rng.pick(users).accountId)} ${xhtml.emoticon(rng.pick(['smile', 'thumbs-up', 'information']))}`,
      ),
  ],
  [
    0.3,
    ({ rng, spaceKey, pageTitles }) =>
      xhtml.p(
        `See ${xhtml.pageLink(rng.pick(pageTitles), spaceKey, 'the overview')} and ${xhtml.urlLink(fill(rng, 'https://docs.example.com/{service}?tab=setup&lang=en'), 'vendor docs')}.`,
      ),
  ],
  [0.15, ({ rng }) => xhtml.p(`Attached: ${xhtml.attachmentLink(fill(rng, '{service}-diagram.pdf'))}`)],
  [
    0.15,
    ({ rng }) =>
      xhtml.p(
        xhtml.image(
          fill(rng, '{service}-architecture.png'),
          fill(rng, 'Diagram of {service} in {env}'),
          'Architecture',
        ),
      ),
  ],
  [
    0.2,
    ({ rng, topic }) =>
      xhtml.richMacro(
        'expand',
        macroId(rng),
        xhtml.richMacro('info', macroId(rng), xhtml.p(proseHtml(sentence(rng, topicText(topic).prose)))),
        'Background',
      ),
  ],
  [
    0.15,
    ({ rng }) =>
      xhtml.p(
        `Last reviewed on ${xhtml.time(`2025-${String(rng.int(1, 12)).padStart(2, '0')}-1${rng.int(0, 9)}`)}.`,
      ),
  ],
  [0.15, ({ rng }) => xhtml.plainMacro('noformat', macroId(rng), logLines(rng, 3))],
];

export interface BodyBlock {
  html: string;
  /** First version that has this block. */
  since: number;
  /** Last version that has it (a value removed later). */
  until?: number;
}

/** Blocks of the body across versions: the page grows version by version. */
export function bodyBlocks(ctx: BodyContext, versionCount: number): BodyBlock[] {
  const { rng, topic } = ctx;
  const blocks: BodyBlock[] = [{ html: xhtml.p(proseHtml(openingProse(rng, topic))), since: 1 }];
  blocks.push({ html: xhtml.heading(2, 'Details'), since: 1 });
  for (const [p, make] of OPTIONAL)
    if (rng.chance(p)) blocks.push({ html: make(ctx), since: rng.int(1, versionCount) });
  return blocks;
}

export function plantHtml(rng: Rng, plant: Plant): string {
  const escaped = xhtml.escapeText(plant.carrier);
  switch (plant.placement) {
    case 'code':
      return xhtml.codeMacro(macroId(rng), 'text', '', plant.carrier);
    case 'table':
      return xhtml.table(['Item', 'Detail'], [['Reported value', escaped]]);
    case 'expand':
      return xhtml.richMacro(
        'expand',
        macroId(rng),
        xhtml.codeMacro(macroId(rng), 'text', '', plant.carrier),
        'Details',
      );
    case 'panel':
      return xhtml.richMacro('note', macroId(rng), xhtml.p(escaped));
    case 'link':
      return xhtml.p(`Endpoint: ${xhtml.urlLink(plant.carrier, 'endpoint')}`);
    case 'task':
      return xhtml.taskList([{ id: 9, done: false, html: escaped }]);
    default:
      return xhtml.p(escaped);
  }
}

/** Insert blocks at positions drawn from `rng`, after the first block. */
export function insertBlocks(rng: Rng, blocks: BodyBlock[], extra: readonly BodyBlock[]): BodyBlock[] {
  const out = blocks.slice();
  for (const block of extra) out.splice(rng.int(Math.min(1, out.length), out.length), 0, block);
  return out;
}

export function bodyAt(blocks: readonly BodyBlock[], version: number): string {
  return blocks
    .filter((b) => b.since <= version && (b.until === undefined || b.until >= version))
    .map((b) => b.html)
    .join('');
}
