import { describe, expect, it } from 'vitest';
import { adfToText } from '../../src/text/adf.ts';

type AdfNode = Record<string, unknown>;

const doc = (...content: unknown[]): AdfNode => ({ type: 'doc', version: 1, content });
const text = (value: string, marks?: unknown[]): AdfNode => ({
  type: 'text',
  text: value,
  ...(marks && { marks }),
});
const paragraph = (...content: unknown[]): AdfNode => ({ type: 'paragraph', content });
const node = (type: string, attrs?: AdfNode, content?: unknown[]): AdfNode => ({
  type,
  ...(attrs && { attrs }),
  ...(content && { content }),
});
const link = (href: string): AdfNode => ({ type: 'link', attrs: { href } });
const cell = (type: string, value: string): AdfNode => node(type, {}, [paragraph(text(value))]);
const row = (...cells: AdfNode[]): AdfNode => node('tableRow', {}, cells);

describe('adfToText: each node kind', () => {
  it.each<[string, AdfNode, string]>([
    ['paragraphs are separate lines', doc(paragraph(text('one')), paragraph(text('two'))), 'one\ntwo'],
    [
      'heading and blockquote are blocks',
      doc(node('heading', { level: 2 }, [text('Title')]), node('blockquote', {}, [paragraph(text('quote'))])),
      'Title\nquote',
    ],
    [
      'list items are lines',
      doc(
        node('bulletList', {}, [
          node('listItem', {}, [paragraph(text('a'))]),
          node('listItem', {}, [paragraph(text('b'))]),
        ]),
      ),
      'a\nb',
    ],
    [
      'ordered list',
      doc(node('orderedList', { order: 3 }, [node('listItem', {}, [paragraph(text('c'))])])),
      'c',
    ],
    [
      'hardBreak is a newline',
      doc(paragraph(text('line1'), node('hardBreak'), text('line2'))),
      'line1\nline2',
    ],
    [
      'code block kept verbatim',
      doc(node('codeBlock', { language: 'bash' }, [text('export TOKEN=x9\n  indented\t<&>')])),
      'export TOKEN=x9\n  indented\t<&>',
    ],
    [
      'link href follows the linked text once',
      doc(
        paragraph(
          text('see '),
          text('the', [link('https://h.test/a?k=1')]),
          text(' docs', [{ type: 'strong' }, link('https://h.test/a?k=1')]),
          text(' now'),
        ),
      ),
      'see the docs https://h.test/a?k=1 now',
    ],
    [
      'link title follows its href',
      doc(
        paragraph(text('a', [{ type: 'link', attrs: { href: 'https://h.test/1', title: 'Vault entry' } }])),
      ),
      'a https://h.test/1 Vault entry',
    ],
    [
      'different links each keep their href',
      doc(paragraph(text('a', [link('https://h.test/1')]), text('b', [link('https://h.test/2')]))),
      'a https://h.test/1 b https://h.test/2',
    ],
    [
      'table cells joined on one line per row',
      doc(
        node('table', {}, [
          row(cell('tableHeader', 'key'), cell('tableHeader', 'value')),
          row(cell('tableCell', 'password'), cell('tableCell', 'Zq8xw')),
        ]),
      ),
      'key | value\npassword | Zq8xw',
    ],
    [
      'block boundaries inside a cell are spaces',
      doc(
        node('table', {}, [
          row(node('tableCell', {}, [paragraph(text('p1')), paragraph(text('p2'))]), cell('tableCell', 'x')),
        ]),
      ),
      'p1 p2 | x',
    ],
    [
      'panel children',
      doc(node('panel', { panelType: 'info' }, [paragraph(text('inside panel'))])),
      'inside panel',
    ],
    [
      'expand title then body',
      doc(node('expand', { title: 'Credentials' }, [paragraph(text('body'))])),
      'Credentials\nbody',
    ],
    ['nestedExpand title', doc(node('nestedExpand', { title: 'Inner' }, [paragraph(text('x'))])), 'Inner\nx'],
    [
      'inlineCard url',
      doc(paragraph(text('card'), node('inlineCard', { url: 'https://h.test/c?token=k1' }))),
      'card https://h.test/c?token=k1',
    ],
    [
      'inlineCard JSON-LD data',
      doc(paragraph(node('inlineCard', { data: { url: 'https://h.test/d', name: 'Doc name' } }))),
      'https://h.test/d Doc name',
    ],
    ['blockCard url', doc(node('blockCard', { url: 'https://h.test/b' })), 'https://h.test/b'],
    [
      'embedCard url',
      doc(node('embedCard', { url: 'https://h.test/e', layout: 'wide' })),
      'https://h.test/e',
    ],
    [
      'media alt and url',
      doc(
        node('mediaSingle', {}, [
          node('media', { type: 'external', url: 'https://h.test/i.png', alt: 'screenshot' }),
        ]),
      ),
      'screenshot https://h.test/i.png',
    ],
    [
      'media caption',
      doc(
        node('mediaSingle', {}, [
          node('media', { type: 'file', id: 'f1', collection: 'c' }),
          node('caption', {}, [text('caption text')]),
        ]),
      ),
      'caption text',
    ],
    ['mediaInline alt', doc(paragraph(node('mediaInline', { alt: 'inline.pdf', id: 'x' }))), 'inline.pdf'],
    [
      'mention text and account id',
      doc(paragraph(text('ping'), node('mention', { id: '5b10ac8d82e0', text: '@Ann Lee' }), text('ok'))),
      'ping @Ann Lee 5b10ac8d82e0 ok',
    ],
    [
      'emoji is ignored',
      doc(paragraph(text('a'), node('emoji', { shortName: ':smile:', text: 'S' }), text('b'))),
      'ab',
    ],
    ['status text', doc(paragraph(node('status', { text: 'BLOCKED', color: 'red' }))), 'BLOCKED'],
    ['placeholder text', doc(paragraph(node('placeholder', { text: 'Type here' }))), 'Type here'],
    [
      'date as ISO day',
      doc(paragraph(text('due'), node('date', { timestamp: '1700000000000' }))),
      'due 2023-11-14',
    ],
    [
      'date with a bad timestamp is skipped',
      doc(paragraph(text('due'), node('date', { timestamp: 'soon' }))),
      'due',
    ],
    [
      'task and decision items are lines',
      doc(
        node('taskList', {}, [
          node('taskItem', { state: 'TODO' }, [text('t1')]),
          node('taskItem', { state: 'DONE' }, [text('t2')]),
        ]),
        node('decisionList', {}, [node('decisionItem', {}, [text('d1')])]),
      ),
      't1\nt2\nd1',
    ],
    [
      'layout columns',
      doc(
        node('layoutSection', {}, [
          node('layoutColumn', { width: 50 }, [paragraph(text('left'))]),
          node('layoutColumn', { width: 50 }, [paragraph(text('right'))]),
        ]),
      ),
      'left\nright',
    ],
    ['rule separates', doc(paragraph(text('a')), node('rule'), paragraph(text('b'))), 'a\nb'],
    [
      'extension parameters labelled by name, presentation ones dropped',
      doc(
        node('extension', {
          extensionKey: 'code',
          parameters: {
            macroParams: {
              title: { value: 'deploy.sh' },
              language: { value: 'bash' },
              port: { value: 8443 },
            },
            macroMetadata: { macroId: { value: 'm1' } },
          },
        }),
      ),
      'title: deploy.sh port: 8443',
    ],
    [
      'bodiedExtension parameters and body',
      doc(
        node(
          'bodiedExtension',
          { extensionKey: 'info', parameters: { macroParams: { password: { value: 'Qv7' } } } },
          [paragraph(text('body'))],
        ),
      ),
      'password: Qv7\nbody',
    ],
    [
      'inlineExtension text',
      doc(paragraph(text('x'), node('inlineExtension', { extensionKey: 'k', text: 'ext text' }))),
      'x ext text',
    ],
    [
      'extension parameter arrays',
      doc(node('extension', { parameters: { hosts: ['a.test', 'b.test'] } })),
      'hosts: a.test hosts: b.test',
    ],
    [
      'unknown node types are descended into',
      doc(
        node('futureContainer', {}, [paragraph(text('kept'))]),
        paragraph(node('futureInline', {}, [text('in')]), text('line')),
      ),
      'kept\ninline',
    ],
    ['syncBlock children', doc(node('bodiedSyncBlock', {}, [paragraph(text('synced'))])), 'synced'],
  ])('%s', (_name, input, expected) => {
    expect(adfToText(input)).toEqual({ text: expected, truncated: false });
  });
});

describe('adfToText: malformed input never throws', () => {
  it.each<[string, unknown, string]>([
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['a number', 42, ''],
    ['an empty document', doc(), ''],
    ['content is not an array', { type: 'doc', content: 'oops' }, ''],
    ['children that are not objects', doc(paragraph('str', null, 7, true, text('ok'))), 'ok'],
    ['text that is not a string', doc(paragraph({ type: 'text', text: 99 }, text('ok'))), 'ok'],
    [
      'attrs of the wrong type',
      doc(
        paragraph(
          node('mention', 'x' as unknown as AdfNode),
          { type: 'status', attrs: { text: 5 } },
          text('ok'),
        ),
      ),
      'ok',
    ],
    [
      'marks of the wrong type',
      doc(
        paragraph(
          { type: 'text', text: 'ok', marks: 'link' },
          { type: 'text', text: '!', marks: [null, { type: 'link', attrs: { href: 3 } }] },
        ),
      ),
      'ok!',
    ],
    [
      'node types named like Object members',
      doc(
        node('constructor', { text: 'x' }, [text('a')]),
        node('__proto__'),
        node('toString', {}, [text('b')]),
      ),
      'ab',
    ],
    ['node without a type', doc({ content: [text('typeless')] }), 'typeless'],
    ['a bare array of nodes', [paragraph(text('a')), paragraph(text('b'))], 'a\nb'],
  ])('%s', (_name, input, expected) => {
    expect(adfToText(input).text).toBe(expected);
  });
});

describe('adfToText: JSON strings (Confluence atlas_doc_format)', () => {
  it.each<[string, string, string]>([
    ['a serialised document', JSON.stringify(doc(paragraph(text('from json')))), 'from json'],
    ['text that is not JSON is scanned as it is', 'plain {not json', 'plain {not json'],
    ['a JSON scalar is scanned as it is', '"quoted"', '"quoted"'],
  ])('%s', (_name, input, expected) => {
    expect(adfToText(input).text).toBe(expected);
  });
});

describe('adfToText: limits', () => {
  it('walks a document nested 100,000 deep without overflowing the stack', () => {
    let nested: AdfNode = text('deep-secret');
    for (let i = 0; i < 100_000; i++) nested = node(i % 2 ? 'blockquote' : 'futureNode', {}, [nested]);
    expect(adfToText(doc(nested)).text).toBe('deep-secret');
  });

  it('parses a JSON string nested 100,000 deep', () => {
    const json =
      '{"type":"x","content":['.repeat(100_000) + '{"type":"text","text":"deep"}' + ']}'.repeat(100_000);
    expect(adfToText(json).text).toBe('deep');
  });

  it.each<[number, string, boolean]>([
    [5, 'abcde', true],
    [11, 'abcdefghij', true],
    [100, 'abcdefghij\nklm', false],
  ])('maxChars %i truncates and says so', (maxChars, expected, truncated) => {
    const input = doc(paragraph(text('abcdefghij')), paragraph(text('klm')));
    expect(adfToText(input, { maxChars })).toEqual({ text: expected, truncated });
  });

  it('never cuts a surrogate pair in half', () => {
    expect(adfToText(doc(paragraph(text('ab\u{1F600}c'))), { maxChars: 3 })).toEqual({
      text: 'ab',
      truncated: true,
    });
  });
});
