// Near-match inputs for one rule, built from its own examples, keywords and regex bounds: truncated and broken
// values, glued repetitions, keywords followed by almost-valid bodies, and long runs of the characters token
// classes accept. This is where nested or overlapping quantifiers blow up.
import type { CompiledRule } from '../../src/detect/compile-rule.ts';

const RUNS = [
  'a',
  '1',
  'A1',
  'aB3-',
  'f0',
  ' ',
  '-',
  '.',
  '_',
  '@',
  '/',
  '=',
  '+',
  '"',
  'x ',
  '1 ',
  '1-',
  '1.',
];

function brokenValues(example: string): string[] {
  return [
    example.slice(0, -1),
    example.slice(0, Math.ceil(example.length * 0.7)),
    example.replace(/[A-Za-z0-9](?=[^A-Za-z0-9]*$)/, '!'),
    example.replace(/\d/g, 'O'),
    example + example,
    example.replace(/\s+/g, ''),
  ];
}

function keywordBodies(keyword: string, reach: number): string[] {
  const length = Math.min(reach, 512);
  return [
    keyword.repeat(40),
    keyword + 'a1B2'.repeat(Math.ceil(length / 4)).slice(0, length - 1) + '!',
    `${keyword}=${'9'.repeat(length)}`,
    `${keyword}: "${'Ab1-'.repeat(Math.ceil(length / 4))}`,
    `${keyword}://${'u'.repeat(64)}:${'p'.repeat(64)}`,
  ];
}

export function adversarialText(rule: CompiledRule, size = 100_000): string {
  const { examples, keywords } = rule.spec;
  const pieces = [
    ...[...examples.match, ...examples.nomatch].flatMap(brokenValues),
    ...keywords.flatMap((keyword) => keywordBodies(keyword, rule.reach)),
    ...RUNS.map((run) => run.repeat(Math.ceil(600 / run.length))),
  ];
  const separators = ['', ' ', '\n', ', '];
  let text = '';
  for (let i = 0; text.length < size; i++)
    text += pieces[i % pieces.length]! + separators[i % separators.length]!;
  return text;
}
