import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { neutralizeCell, writeCsv } from '../../src/report/csv.ts';
import { escapeHtml, safeHref, stripControl } from '../../src/report/escape.ts';

describe('untrusted site content in outputs', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['plain title', 'plain title'],
    [42, '42'],
    [null, ''],
  ])('neutralises CSV cell %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it('writes RFC 4180 CSV with CRLF, quoting and an optional BOM', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const n = await writeCsv(
      out,
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['=1+1', 'line\nbreak'],
      ],
      { bom: true },
    );
    const text = Buffer.concat(chunks).toString('utf8');
    expect(n).toBe(2);
    expect(text.startsWith('\ufeffa,b\r\n')).toBe(true);
    expect(text).toContain('"x,y","say ""hi"""\r\n');
    expect(text).toContain(`'=1+1,"line\nbreak"\r\n`);
  });

  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    [`"'&`, '&quot;&#39;&amp;'],
  ])('escapes HTML %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it.each([
    ['https://acme.atlassian.net/browse/ENG-1', 'https://acme.atlassian.net/browse/ENG-1'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<b>', undefined],
    ['not a url', undefined],
  ])('allows only http(s) links: %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it('strips terminal escape sequences, control characters and bidi overrides', () => {
    const hostile = 'Deploy\u001b[2J\u001b[31m key\u001b]0;pwned\u0007 notes\u0000\u202egnp.exe';
    expect(stripControl(hostile)).toBe('Deploy key notesgnp.exe');
  });
});
