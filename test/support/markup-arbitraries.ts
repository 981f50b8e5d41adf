// Arbitraries shared by the property tests of text extraction (test/text) and of the whole pipeline
// (test/hardening): ADF node trees and Confluence storage markup pieces. Callers choose the leaves.
import fc, { type Arbitrary } from 'fast-check';

/** Known ADF node types plus unknown ones and prototype names, so dispatch tables are probed too. */
export const ADF_NODE_TYPES = [
  'doc',
  'paragraph',
  'text',
  'heading',
  'codeBlock',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
  'mention',
  'status',
  'date',
  'inlineCard',
  'media',
  'expand',
  'panel',
  'extension',
  'bodiedExtension',
  'hardBreak',
  'listItem',
  'futureNode',
  'constructor',
  'toString',
  '',
];

/** Storage-format fragments, well-formed or not, to be glued together with text. */
export const STORAGE_MARKUP = [
  '<p>',
  '</p>',
  '<div>',
  '</div>',
  '<br/>',
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '</tr>',
  '</table>',
  '<ac:link>',
  '</ac:link>',
  '<ac:link><ri:url ri:value="',
  '"/></ac:link>',
  '<ri:page ri:content-title="t"/>',
  '<ac:structured-macro ac:name="code"><ac:plain-text-body>',
  '</ac:plain-text-body>',
  '<![CDATA[',
  ']]>',
  ']]]]><![CDATA[>',
  '<!--',
  '-->',
  '<script>',
  '</script>',
  '<style>',
  '<ac:parameter ac:name="language">',
  '<ac:parameter ac:name="title">',
  '</ac:parameter>',
  '<ac:task-id>',
  '&nbsp;',
  '&rsquo;',
  '&',
  '<',
  '>',
  '"',
  "'",
  '/>',
  '</',
  '<a href="',
  '">',
  '<!DOCTYPE html>',
  '<?xml ?>',
  '\u0000',
  '\uD800',
  '\u202E',
  '\u200B',
];

export interface AdfLeaves {
  /** The `text` of nodes. */
  text: Arbitrary<unknown>;
  /** Attribute values. */
  attr: Arbitrary<unknown>;
  /** Any value in place of a well-typed one (a string type, an object content, ...). */
  junk: Arbitrary<unknown>;
}

/** Trees of ADF-like nodes in which every key is optional and every value may be of the wrong type. */
export function adfNodes({ text, attr, junk }: AdfLeaves): Arbitrary<Record<string, unknown>> {
  return fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
    node: fc.record(
      {
        type: fc.oneof(fc.constantFrom(...ADF_NODE_TYPES), junk),
        text: fc.oneof(text, junk),
        attrs: fc.oneof(
          fc.dictionary(
            fc.constantFrom('text', 'url', 'href', 'title', 'alt', 'timestamp', 'parameters', 'id', 'data'),
            attr,
          ),
          junk,
        ),
        marks: fc.oneof(
          fc.array(
            fc.record({
              type: fc.constantFrom('link', 'code', 'strong'),
              attrs: fc.oneof(fc.record({ href: fc.oneof(text, junk) }), junk),
            }),
          ),
          junk,
        ),
        content: fc.oneof(
          { depthSize: 'small' },
          fc.array(fc.oneof(tie('node'), junk), { maxLength: 4 }),
          junk,
        ),
      },
      { requiredKeys: [] },
    ),
  })).node;
}
