import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapSpan, normalizeForDetection, toOriginal } from '../../src/text/normalize.ts';

const ZERO_WIDTH = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2069',
];
const SPACES = ['\u00A0', '\u202F', '\u2007', '\u3000', '\u2002'];

describe('normalizeForDetection: what changes', () => {
  it.each<[string, string, string]>([
    ['zero-width characters removed', 'gh\u200Bp_\u200Cab\u200Dc\u2060d\uFEFFe', 'ghp_abcde'],
    ['soft hyphens removed', 'pass\u00ADword', 'password'],
    ['bidi controls removed', '\u202Eabc\u202C\u2066d\u2069', 'abcd'],
    ['Unicode spaces become spaces', '4111\u00A01111\u202F1111\u30001111', '4111 1111 1111 1111'],
    ['line separators become newlines', 'a\u2028b\u2029c', 'a\nb\nc'],
    ['full-width ASCII becomes ASCII', '\uFF14\uFF11\uFF11\uFF11\uFF21\uFF4B\uFF49\uFF41', '4111Akia'],
    ['numeric entities decode', '&#x41;&#75;&#x49;&#65;', 'AKIA'],
    ['safe named entities decode', 'a&amp;b&lt;c&gt;d&quot;e&apos;f', 'a&b<c>d"e\'f'],
    ['entity for a zero-width space is removed', 'ab&#8203;cd&ZeroWidthSpace;e', 'abcde'],
    ['entity for NBSP becomes a space', '1234&nbsp;5678', '1234 5678'],
    ['entity for full-width digit becomes the digit', '&#xFF11;2', '12'],
    ['decoded once only', '&amp;#65;', '&#65;'],
    ['JSON string escapes decode', 'a\\nb\\tc \\"d\\" https:\\/\\/e', 'a\nb\tc "d" https://e'],
    ['an escaped backslash escapes nothing after it', 'C:\\\\new', 'C:\\\\new'],
    ['other backslashes are left', '\\d+ \\x41', '\\d+ \\x41'],
    [
      'a Windows path keeps \\n and \\t as letters of its folders',
      'C:\\Users\\dev\\node_modules\\theme src\\test\\java',
      'C:\\Users\\dev\\node_modules\\theme src\\test\\java',
    ],
    [
      'a path does not stop escapes after the next blank',
      'C:\\Users\\dev ok\\nghp_x',
      'C:\\Users\\dev ok\nghp_x',
    ],
    ['percent-encoded delimiters decode', 'q=%22ab%22%2c%3a%20x', 'q="ab",: x'],
    ['percent-encoded %, +, / and = are left', '%25 %2B%2F%3D', '%25 %2B%2F%3D'],
    [
      'an encoded @ decodes unless a literal @ follows',
      'e=ana%40corp.io u:p%40ss@host',
      'e=ana@corp.io u:p%40ss@host',
    ],
    ['e-mail quote prefixes removed at line starts', '> a\n> > b\n>c\nx > y', 'a\nb\nc\nx > y'],
    ['ANSI colour codes removed', '\u001b[32mok\u001b[0m \u001b[1;31mERR', 'ok ERR'],
    [
      'unterminated and unknown entities are left',
      'a&copy=1&amp b &bogus; &copy;',
      'a&copy=1&amp b &bogus; &copy;',
    ],
    [
      'unsafe numeric entities are left',
      '&#0;&#x7;&#xD800;&#x110000;&#99999999;',
      '&#0;&#x7;&#xD800;&#x110000;&#99999999;',
    ],
    ['astral entity decodes to a surrogate pair', '&#x1F600;', '\u{1F600}'],
    ['lone surrogates and NUL are kept', 'a\uD800\u00A0\u0000\uDC00', 'a\uD800 \u0000\uDC00'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeForDetection(input).text).toBe(expected);
  });

  it.each(['plain ASCII text, nothing to do', 'R&D and a & b', '', 'emoji \u{1F600} and accents é'])(
    'returns %j itself with an identity map',
    (input) => {
      const { text, map } = normalizeForDetection(input);
      expect(text).toBe(input);
      for (let i = 0; i <= input.length; i++) expect(toOriginal(map, i)).toBe(i);
    },
  );
});

describe('mapSpan', () => {
  it.each<[string, string, string]>([
    ['removed characters inside the span are included', 'x gh\u200Bp_Zk9 y', 'gh\u200Bp_Zk9'],
    ['removed characters at the edges are left out', 'x \u200B\u200Bghp_Zk9\u200B y', 'ghp_Zk9'],
    ['entities at the edges are included whole', 'x &#x67;hp_Zk&#x39; y', '&#x67;hp_Zk&#x39;'],
    ['full-width characters map one to one', 'x \uFF47hp_Zk\uFF19 y', '\uFF47hp_Zk\uFF19'],
  ])('%s', (_name, original, expectedSlice) => {
    const { text, map } = normalizeForDetection(original);
    const start = text.indexOf('ghp_Zk9');
    const span = mapSpan(map, start, start + 'ghp_Zk9'.length);
    expect(original.slice(span.start, span.end)).toBe(expectedSlice);
  });

  it('maps every character of a text with thousands of segments', () => {
    const original = 'a&#x62;\u200B'.repeat(10_000);
    const { text, map } = normalizeForDetection(original);
    expect(text).toBe('ab'.repeat(10_000));
    for (let i = 0; i < text.length; i++) {
      const span = mapSpan(map, i, i + 1);
      expect(original.slice(span.start, span.end)).toBe(i % 2 ? '&#x62;' : 'a');
    }
  });

  it.each<[number, number]>([
    [-5, 2],
    [3, 1],
    [0, 1000],
  ])('clamps span [%i, %i) into the text', (start, end) => {
    const original = 'a\u200Bb&amp;c';
    const span = mapSpan(normalizeForDetection(original).map, start, end);
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThanOrEqual(span.start);
    expect(span.end).toBeLessThanOrEqual(original.length);
  });
});

// Random text around planted tokens disguised with every trick; a space on each side keeps an entity in the
// background from swallowing the token's first or last character.
const backgroundUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom(...ZERO_WIDTH, ...SPACES, '&amp;', '&#x41;', '&#0;', '&bogus;', '&', '&#', '\uFF21', ';'),
);
const background = fc.array(backgroundUnit, { maxLength: 40 }).map((units) => units.join(''));
const token = fc
  .array(fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz0123456789_-'), {
    minLength: 4,
    maxLength: 30,
  })
  .map((chars) => chars.join(''));
const disguise = fc.constantFrom('plain', 'fullwidth', 'hex-entity', 'decimal-entity');
const plantedToken = fc
  .tuple(
    token,
    fc.array(fc.tuple(disguise, fc.array(fc.constantFrom(...ZERO_WIDTH), { maxLength: 2 })), {
      minLength: 30,
      maxLength: 30,
    }),
  )
  .map(([value, tricks]) => {
    const planted = [...value]
      .map((char, i) => {
        const [how, injected] = tricks[i] ?? ['plain', []];
        const code = char.charCodeAt(0);
        const shown =
          how === 'fullwidth'
            ? String.fromCharCode(code + 0xfee0)
            : how === 'hex-entity'
              ? `&#x${code.toString(16)};`
              : how === 'decimal-entity'
                ? `&#${code};`
                : char;
        return i < value.length - 1 ? shown + injected.join('') : shown;
      })
      .join('');
    return { value, planted };
  });

describe('normalizeForDetection: planted tokens are found and mapped back', () => {
  it('holds for random text, tokens and disguises', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(background, plantedToken), { minLength: 1, maxLength: 5 }),
        background,
        (pieces, tail) => {
          let original = '';
          const planted: { value: string; start: number; end: number }[] = [];
          for (const [before, { value, planted: shown }] of pieces) {
            original += before + ' ';
            planted.push({ value, start: original.length, end: original.length + shown.length });
            original += shown + ' ';
          }
          original += tail;
          const { text, map } = normalizeForDetection(original);
          for (const { value, start, end } of planted) {
            const at = normalizeForDetection(original.slice(0, start)).text.length;
            expect(text.slice(at, at + value.length)).toBe(value);
            expect(mapSpan(map, at, at + value.length)).toEqual({ start, end });
            expect(normalizeForDetection(original.slice(start, end)).text).toBe(value);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and keeps every offset inside the original text', () => {
    fc.assert(
      fc.property(fc.array(backgroundUnit, { maxLength: 200 }), fc.nat(), fc.nat(), (units, a, b) => {
        const original = units.join('');
        const { text, map } = normalizeForDetection(original);
        expect(text.length).toBeLessThanOrEqual(original.length);
        const span = mapSpan(map, Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1));
        expect(0 <= span.start && span.start <= span.end && span.end <= original.length).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
