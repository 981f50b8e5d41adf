// Attachment bytes to text, safely: which files are text at all (media type and name), a streamed read under a
// byte cap (a body that inflates past it, as a gzip bomb served with Content-Encoding does, is refused without
// being held), binary sniffing (NUL bytes: a binary labelled text/plain), and charset sniffing (byte-order mark,
// then the declared charset, then strict UTF-8, then windows-1252). Nothing is written to disk.

import type { AttachmentOutcome } from '../types.ts';

export type ContentRefusal = Exclude<AttachmentOutcome, 'read'>;
export type DecodedContent = { text: string } | { refused: ContentRefusal };

const TEXT_TYPES =
  /^(text\/|application\/(json|xml|x-yaml|yaml|sql|x-sql|javascript|x-sh|x-shellscript|toml|x-ndjson|x-properties|x-ini|csv|x-pem-file)$)|[+/](json|xml|yaml)$/i;
const BINARY_TYPES =
  /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z|x-rar|vnd\.|msword|x-msdownload)/i;
// prettier-ignore
const TEXT_EXTENSIONS = new Set([
  'txt', 'log', 'json', 'yaml', 'yml', 'xml', 'csv', 'tsv', 'env', 'properties', 'ini', 'cfg', 'conf', 'toml', 'sql',
  'md', 'markdown', 'sh', 'bash', 'zsh', 'ps1', 'py', 'js', 'mjs', 'ts', 'tsx', 'jsx', 'java', 'kt', 'go', 'rb', 'php',
  'cs', 'c', 'h', 'cpp', 'hpp', 'rs', 'swift', 'scala', 'pl', 'tf', 'tfvars', 'tfstate', 'hcl', 'gradle', 'npmrc',
  'pem', 'crt', 'cer', 'key', 'har', 'html', 'htm',
]);
/** Names without a telling extension that are text: dotfiles and build files. */
const TEXT_NAMES =
  /^(\.env(\..+)?|\.npmrc|\.netrc|\.pgpass|dockerfile|makefile|id_[a-z0-9]+|credentials|kubeconfig|config)$/i;

/** Whether a file is read for content: its media type says text, or its name does and its type is no binary family. */
export function isTextLike(name: string, mediaType: string): boolean {
  const type = mediaType.split(';')[0]!.trim();
  if (TEXT_TYPES.test(type)) return true;
  if (BINARY_TYPES.test(type)) return false;
  const base = name.trim().split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return TEXT_NAMES.test(base) || (dot > 0 && TEXT_EXTENSIONS.has(base.slice(dot + 1).toLowerCase()));
}

const SNIFF_BYTES = 8192;

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return undefined;
}

function declaredCharset(contentType: string | null): string | undefined {
  const name = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (!name) return undefined;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return undefined; // an unknown label: sniff instead
  }
}

/** Text from bytes: BOM, declared charset, strict UTF-8, else windows-1252 (which decodes any byte). */
export function decodeText(bytes: Uint8Array, contentType: string | null): DecodedContent {
  const bom = bomCharset(bytes);
  const head = bytes.subarray(0, SNIFF_BYTES);
  // UTF-16 text holds NULs by design; anything else with a NUL in its first 8 KB is binary.
  if (!bom?.charset.startsWith('utf-16') && head.includes(0)) return { refused: 'format' };
  if (bom) return { text: new TextDecoder(bom.charset).decode(bytes.subarray(bom.skip)) };
  const declared = declaredCharset(contentType);
  if (declared && declared !== 'utf-8') return { text: new TextDecoder(declared).decode(bytes) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes) };
  }
}

/**
 * Reads a download's body up to `maxBytes` decoded bytes (undici inflates Content-Encoding before we count, so a
 * bomb is stopped at the cap), then decodes it. The stream is cancelled as soon as the cap is passed or the first
 * chunk shows binary content.
 */
export async function readAttachmentText(response: Response, maxBytes: number): Promise<DecodedContent> {
  if (!response.body) return { text: '' };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) return { refused: 'too-large' };
      if (chunks.length === 0 && value.subarray(0, SNIFF_BYTES).includes(0) && !bomCharset(value))
        return { refused: 'format' };
      chunks.push(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return decodeText(Buffer.concat(chunks), response.headers.get('content-type'));
}
