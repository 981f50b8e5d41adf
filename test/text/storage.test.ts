import { describe, expect, it } from 'vitest';
import { storageToText } from '../../src/text/storage.ts';

const codeMacro = (body: string, parameters = ''): string =>
  `<ac:structured-macro ac:name="code" ac:schema-version="1" ac:macro-id="m-1">${parameters}` +
  `<ac:plain-text-body><![CDATA[${body}]]></ac:plain-text-body></ac:structured-macro>`;
const parameter = (name: string, value: string): string =>
  `<ac:parameter ac:name="${name}">${value}</ac:parameter>`;

describe('storageToText: CDATA survives', () => {
  it.each<[string, string, string]>([
    [
      'code macro body verbatim',
      codeMacro('export TOKEN=k7Qz\n  if a < b && c > d; then'),
      'export TOKEN=k7Qz\n  if a < b && c > d; then',
    ],
    ['entities inside CDATA stay undecoded', codeMacro('a &amp; b &nbsp;'), 'a &amp; b &nbsp;'],
    [']]> split across two CDATA sections', codeMacro('x]]]]><![CDATA[>y'), 'x]]>y'],
    [
      'markup-looking text in CDATA',
      codeMacro('<p>not a tag</p><!-- nor a comment -->'),
      '<p>not a tag</p><!-- nor a comment -->',
    ],
    [
      'noformat macro',
      '<ac:structured-macro ac:name="noformat"><ac:plain-text-body><![CDATA[raw text]]></ac:plain-text-body></ac:structured-macro>',
      'raw text',
    ],
    [
      'CDATA left open at the end of the body',
      '<p>start</p><ac:plain-text-body><![CDATA[tail-secret-Zk4',
      'start\ntail-secret-Zk4',
    ],
  ])('%s', (_name, input, expected) => {
    expect(storageToText(input)).toEqual({ text: expected, truncated: false });
  });
});

describe('storageToText: each construct', () => {
  it.each<[string, string, string]>([
    ['paragraphs and headings are lines', '<h1>Title</h1><p>one</p><p>two</p>', 'Title\none\ntwo'],
    [
      'named entities decode',
      '<p>it&rsquo;s&nbsp;here &amp; &lt;there&gt;</p>',
      'it\u2019s\u00A0here & <there>',
    ],
    ['numeric entities decode', '<p>&#65;&#x42;</p>', 'AB'],
    ['list items are lines', '<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>', 'a\nb\nc'],
    ['br is a newline', '<p>a<br/>b<br>c</p>', 'a\nb\nc'],
    ['pre keeps whitespace', '<pre>  x = 1\n  y = 2</pre>', '  x = 1\n  y = 2'],
    [
      'table rows are lines, cells separated',
      '<table><tbody><tr><th>k</th><th>v</th></tr><tr><td><p>user</p></td><td><p>Zq9</p></td></tr></tbody></table><p>after</p>',
      'k | v\nuser | Zq9\nafter',
    ],
    ['unclosed cells still separate', '<table><tr><td>a<td>b<tr><td>c</table>', 'a | b\nc'],
    [
      'macro parameters labelled, language dropped',
      codeMacro('body', parameter('language', 'bash') + parameter('title', 'deploy.sh')),
      'title: deploy.sh\nbody',
    ],
    [
      'jira macro parameters',
      '<ac:structured-macro ac:name="jira">' +
        parameter('server', 'System JIRA') +
        parameter('jqlQuery', 'project = ENG') +
        parameter('key', 'ENG-12') +
        '</ac:structured-macro>',
      'server: System JIRA\njqlQuery: project = ENG\nkey: ENG-12',
    ],
    [
      'unnamed default parameter',
      '<ac:structured-macro ac:name="x"><ac:parameter ac:name="">plainvalue</ac:parameter></ac:structured-macro>',
      'plainvalue',
    ],
    [
      'rich-text-body macros',
      '<ac:structured-macro ac:name="info"><ac:rich-text-body><p>inside info</p></ac:rich-text-body></ac:structured-macro>',
      'inside info',
    ],
    [
      'page link title and body',
      '<p>see <ac:link><ri:page ri:content-title="Runbook" ri:space-key="ENG"/><ac:plain-text-link-body><![CDATA[the runbook]]></ac:plain-text-link-body></ac:link> now</p>',
      'see Runbook the runbook now',
    ],
    [
      'ac:link is not a void element',
      '<p><ac:link><ri:url ri:value="https://h.test/x?t=1"/><ac:link-body>label</ac:link-body></ac:link>after</p>',
      'https://h.test/x?t=1 labelafter',
    ],
    ['attachment link file name', '<ac:link><ri:attachment ri:filename="creds.txt"/></ac:link>', 'creds.txt'],
    [
      'user mention account id',
      '<p>hi <ac:link><ri:user ri:account-id="5b10ac8d82e05b22"/></ac:link></p>',
      'hi 5b10ac8d82e05b22',
    ],
    [
      'image alt, title and source',
      '<ac:image ac:alt="diagram" ac:title="Network"><ri:attachment ri:filename="net.png"/></ac:image><ac:image><ri:url ri:value="https://h.test/i.png"/></ac:image>',
      'diagram Network net.png https://h.test/i.png',
    ],
    [
      'a href with entity decoded',
      '<p><a href="https://h.test/?a=1&amp;b=2">link</a></p>',
      'https://h.test/?a=1&b=2 link',
    ],
    ['time datetime', '<p>due <time datetime="2024-01-15"/> ok</p>', 'due 2024-01-15 ok'],
    ['placeholder text', '<ac:placeholder>Type the key here</ac:placeholder>', 'Type the key here'],
    [
      'inline comment marker text',
      '<p>a <ac:inline-comment-marker ac:ref="u-1">marked</ac:inline-comment-marker> b</p>',
      'a marked b',
    ],
    [
      'task body kept, id and status dropped',
      '<ac:task-list><ac:task><ac:task-id>7</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>rotate key</ac:task-body></ac:task></ac:task-list>',
      'rotate key',
    ],
    [
      'script and style ignored',
      '<p>a<script>var s = "<p>x</p>";</script>b<style>p { color: red }</style>c</p>',
      'abc',
    ],
    [
      'layouts',
      '<ac:layout><ac:layout-section><ac:layout-cell><p>l</p></ac:layout-cell><ac:layout-cell><p>r</p></ac:layout-cell></ac:layout-section></ac:layout>',
      'l\nr',
    ],
    ['emoticon is ignored', '<p>ok<ac:emoticon ac:name="smile"/>go</p>', 'okgo'],
    ['upper-case tags are recognised', '<P>a</P><DIV>b</DIV>', 'a\nb'],
    [
      'self-closing silent elements hide nothing after them',
      '<p>a<script/>b<ac:parameter ac:name="language"/>c</p>',
      'ab\nc',
    ],
    [
      'rendered HTML (Jira renderedFields, Confluence view)',
      '<p>Token: <tt>k9Q</tt></p><div class="code panel"><div class="codeContent panelContent"><pre class="code-bash">x=1 &amp;&amp; y=2</pre></div></div>',
      'Token: k9Q\nx=1 && y=2',
    ],
    ['comments are dropped', '<p>a<!-- hidden -->b</p>', 'ab'],
  ])('%s', (_name, input, expected) => {
    expect(storageToText(input)).toEqual({ text: expected, truncated: false });
  });
});

describe('storageToText: malformed input never throws', () => {
  it.each<[string, string, string]>([
    ['empty', '', ''],
    ['unclosed tags', '<p><b>bold<i>italic', 'bolditalic'],
    ['stray closing tags', '</div></p>text</span>', 'text'],
    ['broken attribute', '<a href="https://h.test/x>text', ''],
    ['lone < and &', 'a < b & c &bogus; d', 'a < b & c &bogus; d'],
    ['NUL and lone surrogate', '<p>a\u0000b\uD800c</p>', 'a\u0000b\uD800c'],
  ])('%s', (_name, input, expected) => {
    expect(storageToText(input).text).toBe(expected);
  });

  it.each<[string, string]>([
    ['nested', '<div>'.repeat(100_000) + 'deep' + '</div>'.repeat(100_000)],
    ['never closed', '<ac:rich-text-body><p>'.repeat(50_000) + 'deep'],
    ['closed by the wrong tags', '<div>'.repeat(100_000) + 'deep' + '</span>'.repeat(100_000)],
  ])('depth 100,000, %s', (_name, input) => {
    expect(storageToText(input).text).toBe('deep');
  });
});

describe('storageToText: limits', () => {
  it.each<[number, string, boolean]>([
    [3, 'abc', true],
    [7, 'abc\ndef', false],
    [100, 'abc\ndef', false],
  ])('maxChars %i', (maxChars, expected, truncated) => {
    expect(storageToText('<p>abc</p><p>def</p>', { maxChars })).toEqual({ text: expected, truncated });
  });
});
