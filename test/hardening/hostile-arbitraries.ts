// fast-check arbitraries for hostile page content: strings full of the characters that break naive text
// handling (lone surrogates, NUL, bidi overrides, zero-width and soft-hyphen evasion, entities), ADF trees and
// JSON values that are only partly valid ADF, and storage-format markup soup.
import fc from 'fast-check';
import { adfNodes, STORAGE_MARKUP } from '../support/markup-arbitraries.ts';
import { createRng } from '../../src/synth/rng.ts';
import { SENSITIVE_KINDS } from '../../src/synth/sensitive.ts';

export const HOSTILE_PIECES = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uDC00\uD800',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u00A0',
  '\u3000',
  '\u2028',
  '\r\n',
  '\u0301',
  'İ',
  'ﬁ',
  '😀',
  '４１１１',
  '&amp;',
  '&#x41;',
  '&#0;',
  '&#xD800;',
  '&#x110000;',
  '&nbsp;',
  '&shy;',
  '&#8203;',
  '&zwnj;',
  '&unknown;',
  '&',
];

// Fragments that open the engine's keyword gates, so that windows, validators and context checks run on the
// hostile text around them and not only the cheap path.
const GATE_OPENERS = [
  'AKIA',
  'ghp_',
  'xoxb-',
  'sk_live_',
  'password=',
  'Bearer ',
  'api_key: ',
  '-----BEGIN RSA PRIVATE KEY-----',
  'postgres://u:',
  'card 4111 1111 1111 1111',
  'SSN 078-05-1120',
  'MRN ',
  'diagnosis',
  'DE89 3704 0044 0532 0130 00',
];

/**
 * A real-shaped sensitive value in its snippet with hostile pieces spliced in anywhere, value included: the
 * engine's normalisation and its offset map back to the original text get exercised, not only the cheap path.
 */
const disguisedSnippet = fc
  .record({
    kind: fc.constantFrom(...SENSITIVE_KINDS),
    seed: fc.integer(),
    inserts: fc.array(
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...HOSTILE_PIECES)),
      {
        maxLength: 4,
      },
    ),
  })
  .map(({ kind, seed, inserts }) => {
    const rng = createRng(seed);
    let snippet = kind.wrap(rng, kind.generate(rng));
    for (const [where, piece] of inserts) {
      const at = Math.floor(where * snippet.length);
      snippet = snippet.slice(0, at) + piece + snippet.slice(at);
    }
    return snippet;
  });

export const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_PIECES),
      fc.constantFrom(...GATE_OPENERS),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.stringMatching(/^[A-Za-z0-9+/_-]{4,40}$/),
      disguisedSnippet,
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

const adfNode = adfNodes({ text: hostileText, attr: hostileText, junk: fc.jsonValue({ maxDepth: 2 }) });

const textNode = fc.record({ type: fc.constant('text'), text: hostileText });
const adfDoc = fc.record({
  type: fc.constant('doc'),
  content: fc.array(
    fc.oneof(
      fc.record({ type: fc.constantFrom('paragraph', 'codeBlock', 'heading'), content: fc.array(textNode) }),
      adfNode,
    ),
    { maxLength: 5 },
  ),
});

/** Documents as the sources hand them over: ADF objects, ADF as JSON text, other JSON, plain strings. */
export const hostileAdf = fc.oneof(
  { arbitrary: adfDoc, weight: 3 },
  adfDoc.map((doc) => JSON.stringify(doc)),
  adfNode,
  adfNode.map((node) => JSON.stringify(node)),
  fc.jsonValue(),
  hostileText,
);

export const hostileStorage = fc
  .array(fc.oneof(fc.constantFrom(...STORAGE_MARKUP), hostileText), { maxLength: 40 })
  .map((parts) => parts.join(''));
