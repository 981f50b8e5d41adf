// Which attachments are read as text, and how their bytes become text: BOMs, declared charsets, strict UTF-8 with
// a windows-1252 fallback, binary refused by its NUL bytes, and a streamed read cut at the cap.
import { describe, expect, it } from 'vitest';
import { decodeText, isTextLike, readAttachmentText } from '../../src/text/attachment-text.ts';

describe('isTextLike', () => {
  it.each([
    ['server.log', 'text/plain', true],
    ['data.json', 'application/json', true],
    ['deploy.yaml', 'application/octet-stream', true],
    ['.env', 'application/octet-stream', true],
    ['.env.production', '', true],
    ['Dockerfile', 'application/octet-stream', true],
    ['schema.sql', 'application/sql', true],
    ['feed.atom', 'application/atom+xml', true],
    ['app.properties', 'application/octet-stream', true],
    ['report.pdf', 'application/pdf', false],
    ['sheet.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
    ['photo.png', 'image/png', false],
    ['logs.zip', 'application/zip', false],
    ['notes.txt', 'application/zip', false], // a binary family wins over the name
    ['blob', 'application/octet-stream', false],
  ])('%s (%s) -> %s', (name, type, expected) => {
    expect(isTextLike(name, type)).toBe(expected);
  });
});

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeText', () => {
  it.each([
    ['plain UTF-8', Buffer.from('naïve café'), null, 'naïve café'],
    ['UTF-8 with a BOM', bytes(0xef, 0xbb, 0xbf, 0x61, 0x62), null, 'ab'],
    ['UTF-16LE with a BOM (its NULs are text)', bytes(0xff, 0xfe, 0x68, 0x00, 0x69, 0x00), null, 'hi'],
    ['UTF-16BE with a BOM', bytes(0xfe, 0xff, 0x00, 0x68, 0x00, 0x69), null, 'hi'],
    ['windows-1252 when UTF-8 is invalid', bytes(0x63, 0x61, 0x66, 0xe9), null, 'café'],
    ['the declared charset', bytes(0x63, 0x61, 0x66, 0xe9), 'text/plain; charset=ISO-8859-1', 'café'],
    ['an unknown declared charset: sniffed', Buffer.from('ok'), 'text/plain; charset=x-nope', 'ok'],
  ])('%s', (_, input, contentType, text) => {
    expect(decodeText(input, contentType)).toEqual({ text });
  });

  it('refuses binary content labelled as text', () => {
    expect(decodeText(bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x01), 'text/plain')).toEqual({
      refused: 'format',
    });
  });
});

/** A response streaming `chunks` chunks of `size` bytes of `fill`, counting what the reader pulled. */
function streamed(chunks: number, size: number, fill: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(fill));
    },
  });
  return { response: new Response(body), pulled: () => pulled };
}

describe('readAttachmentText', () => {
  it.each([
    ['under the cap: read whole', 4, 1024, 0x61, 8192, { text: 'a'.repeat(4096) }, 4],
    ['over the cap: cut at the first chunk past it', 1000, 1024, 0x61, 4096, { refused: 'too-large' }, 5],
    ['binary: cut at the first chunk', 1000, 1024, 0x00, 1 << 20, { refused: 'format' }, 1],
  ] as const)('%s', async (_, chunks, size, fill, cap, expected, pulledAtMost) => {
    const { response, pulled } = streamed(chunks, size, fill);
    expect(await readAttachmentText(response, cap)).toEqual(expected);
    expect(pulled()).toBeLessThanOrEqual(pulledAtMost + 1); // a stream may pull one chunk ahead
  });
});
