// Hostile and malformed documents: the extractors never throw, always return a string within the budget, and
// never lose the text they were given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adfToText } from '../../src/text/adf.ts';
import { storageToText } from '../../src/text/storage.ts';
import { adfNodes, STORAGE_MARKUP } from '../support/markup-arbitraries.ts';

const word = fc.stringMatching(/^[A-Za-z0-9]{3,12}$/);
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string()));

const adfNode = adfNodes({ text: word, attr: fc.oneof(anyValue, fc.object()), junk: anyValue });

/** Every string `text` of a `text` node reachable through `content` arrays. */
function textNodeStrings(root: unknown): string[] {
  const found: string[] = [];
  const pending: unknown[] = [root];
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    const node = value as Record<string, unknown>;
    if (node.type === 'text' && typeof node.text === 'string' && node.text !== '') found.push(node.text);
    if (Array.isArray(node.content)) pending.push(...node.content);
  }
  return found;
}

describe('adfToText properties', () => {
  it('never throws, stays within budget, keeps every text node, and reads JSON the same as objects', () => {
    fc.assert(
      fc.property(adfNode, fc.integer({ min: 0, max: 400 }), (doc, maxChars) => {
        const full = adfToText(doc);
        expect(full.truncated).toBe(false);
        for (const text of textNodeStrings(doc)) expect(full.text).toContain(text);
        expect(adfToText(JSON.stringify(doc))).toEqual(full);
        const cut = adfToText(doc, { maxChars });
        expect(cut.text.length).toBeLessThanOrEqual(maxChars);
        expect(full.text.startsWith(cut.text.trimEnd())).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary JSON values and strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), (value) => {
        expect(typeof adfToText(value).text).toBe('string');
      }),
      { numRuns: 400 },
    );
  });
});

const markupSoup = fc
  .array(fc.oneof(fc.constantFrom(...STORAGE_MARKUP), fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

// Words wrapped in well-formed content elements must all come out, whatever the nesting.
const ELEMENTS: [string, string][] = [
  ['<p>', '</p>'],
  ['<div>', '</div>'],
  ['<li>', '</li>'],
  ['<td>', '</td>'],
  ['<strong>', '</strong>'],
  ['<ac:rich-text-body>', '</ac:rich-text-body>'],
  ['<ac:plain-text-body><![CDATA[', ']]></ac:plain-text-body>'],
  ['<ac:inline-comment-marker ac:ref="r">', '</ac:inline-comment-marker>'],
  ['<ac:parameter ac:name="key">', '</ac:parameter>'],
  ['<ac:task-body>', '</ac:task-body>'],
];

describe('storageToText properties', () => {
  it('never throws and stays within budget on markup soup', () => {
    fc.assert(
      fc.property(markupSoup, fc.integer({ min: 0, max: 200 }), (xhtml, maxChars) => {
        const full = storageToText(xhtml);
        expect(typeof full.text).toBe('string');
        expect(full.truncated).toBe(false);
        const cut = storageToText(xhtml, { maxChars });
        expect(cut.text.length).toBeLessThanOrEqual(maxChars);
        expect(full.text.startsWith(cut.text.trimEnd())).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every word of well-formed content', () => {
    const wrapped = fc.array(fc.tuple(word, fc.array(fc.constantFrom(...ELEMENTS), { maxLength: 3 })), {
      minLength: 1,
      maxLength: 10,
    });
    fc.assert(
      fc.property(wrapped, (parts) => {
        const xhtml = parts
          .map(([text, elements]) =>
            elements.reduceRight((inner, [open, close]) => open + inner + close, text),
          )
          .join(' ');
        const { text } = storageToText(xhtml);
        for (const [value] of parts) expect(text).toContain(value);
      }),
      { numRuns: 500 },
    );
  });
});
