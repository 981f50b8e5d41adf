// A secret generated in its vendor's documented shape (src/synth), inside its realistic snippet, planted in
// arbitrary benign ADF or storage structure: nested blocks, benign siblings, and the snippet split into inline
// pieces with different marks (as editors split text), possibly in the middle of the value.
import fc from 'fast-check';
import { createRng } from '../../src/synth/rng.ts';
import { SENSITIVE_KINDS, type SensitiveKind } from '../../src/synth/sensitive.ts';

export const SECRET_KINDS = SENSITIVE_KINDS.filter((k) => k.category === 'secret');

export interface Planted {
  kind: SensitiveKind;
  value: string;
  /** The snippet around the value, split at these offsets into inline pieces. */
  pieces: string[];
  wraps: number[];
  before: string[];
  after: string[];
}

const benignWord = fc.constantFrom(
  'deploy',
  'runbook',
  'Release',
  'notes',
  'owner:',
  'see',
  'ticket',
  '—',
  '42',
);
const benignLine = fc.array(benignWord, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));

export const planted = fc
  .record({
    kindIndex: fc.nat({ max: SECRET_KINDS.length - 1 }),
    seed: fc.integer(),
    splits: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
    wraps: fc.array(fc.nat({ max: 5 }), { maxLength: 4 }),
    before: fc.array(benignLine, { maxLength: 3 }),
    after: fc.array(benignLine, { maxLength: 3 }),
  })
  .map(({ kindIndex, seed, splits, wraps, before, after }): Planted => {
    const kind = SECRET_KINDS[kindIndex]!;
    const rng = createRng(seed);
    const value = kind.generate(rng);
    const snippet = kind.wrap(rng, value);
    const cuts = [...new Set(splits.map((s) => Math.floor(s * snippet.length)))].sort((a, b) => a - b);
    const pieces = [0, ...cuts].map((from, i) => snippet.slice(from, [...cuts, snippet.length][i]));
    return { kind, value, pieces: pieces.filter((p) => p !== ''), wraps, before, after };
  });

type AdfNode = Record<string, unknown>;

const ADF_WRAPS: Array<(inner: AdfNode) => AdfNode> = [
  (n) => ({ type: 'blockquote', content: [n] }),
  (n) => ({ type: 'panel', attrs: { panelType: 'info' }, content: [n] }),
  (n) => ({ type: 'bulletList', content: [{ type: 'listItem', content: [n] }] }),
  (n) => ({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [n] }] }] }),
  (n) => ({ type: 'expand', attrs: { title: 'Details' }, content: [n] }),
  (n) => ({ type: 'layoutSection', content: [{ type: 'layoutColumn', attrs: { width: 50 }, content: [n] }] }),
];
const ADF_MARKS = [
  [],
  [{ type: 'strong' }],
  [{ type: 'code' }],
  [{ type: 'link', attrs: { href: 'https://x.test' } }],
];

const paragraph = (line: string): AdfNode => ({ type: 'paragraph', content: [{ type: 'text', text: line }] });

export function plantInAdf(p: Planted): AdfNode {
  const leaf = {
    type: p.wraps.length % 2 ? 'codeBlock' : 'paragraph',
    content: p.pieces.map((text, i) => ({ type: 'text', text, marks: ADF_MARKS[i % ADF_MARKS.length] })),
  };
  const nested = p.wraps.reduce((inner, w) => ADF_WRAPS[w % ADF_WRAPS.length]!(inner), leaf as AdfNode);
  return {
    type: 'doc',
    version: 1,
    content: [...p.before.map(paragraph), nested, ...p.after.map(paragraph)],
  };
}

const STORAGE_WRAPS: Array<[string, string]> = [
  ['<div>', '</div>'],
  ['<table><tbody><tr><td>', '</td></tr></tbody></table>'],
  ['<ul><li>', '</li></ul>'],
  ['<ac:structured-macro ac:name="info"><ac:rich-text-body>', '</ac:rich-text-body></ac:structured-macro>'],
  ['<ac:layout><ac:layout-section><ac:layout-cell>', '</ac:layout-cell></ac:layout-section></ac:layout>'],
  ['<blockquote>', '</blockquote>'],
];
const INLINE = [
  ['', ''],
  ['<strong>', '</strong>'],
  ['<code>', '</code>'],
  ['<span style="color:red">', '</span>'],
];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function plantInStorage(p: Planted): string {
  const inline = p.pieces.map((piece, i) => {
    const [open, close] = INLINE[i % INLINE.length]!;
    return `${open}${escapeXml(piece)}${close}`;
  });
  // An odd number of wraps puts the snippet in a code macro, where it lives in CDATA, unescaped.
  const leaf =
    p.wraps.length % 2
      ? `<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[${p.pieces.join('')}]]></ac:plain-text-body></ac:structured-macro>`
      : `<p>${inline.join('')}</p>`;
  const nested = p.wraps.reduce((inner, w) => {
    const [open, close] = STORAGE_WRAPS[w % STORAGE_WRAPS.length]!;
    return open + inner + close;
  }, leaf);
  const lines = (list: string[]) => list.map((l) => `<p>${escapeXml(l)}</p>`).join('');
  return lines(p.before) + nested + lines(p.after);
}
