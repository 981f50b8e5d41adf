// Attachments of issues, pages and blog posts as pure functions of (seed, parent id): a few items carry one to
// three files (logs, configs, exports, screenshots, office documents), some with a value planted in the file name,
// the comment (Confluence only) or the text. One issue carries the hostile files a scanner must refuse: a gzip bomb
// served as a log, a binary labelled text/plain and a 50 MB log. Bodies are described, not held: the media host
// (media-host.ts) makes the bytes when a download asks for them.
import type { Category } from '../../types.ts';
import { benignLogLines, benignParagraph, sqlSnippet } from '../../synth/benign.ts';
import { createRng, type Rng } from '../../synth/rng.ts';
import type { FakeUser } from '../model.ts';
import type { PlantProfile } from './containers.ts';
import { pickKind } from './planting.ts';
import { commentId } from './ids.ts';
import { iso, laterMs } from './timeline.ts';

/** How the media host makes a file's bytes. */
export type AttachmentBody =
  | { kind: 'text'; text: string }
  /** Deterministic bytes with NULs: images, PDFs, office files (and a binary labelled as text). */
  | { kind: 'binary'; size: number }
  /** A benign log line repeated to `size` bytes, streamed. */
  | { kind: 'large-text'; size: number }
  /** A small gzip stream that inflates to `size` bytes of text, sent with Content-Encoding: gzip. */
  | { kind: 'gzip-bomb'; size: number };

export interface AttachmentRecord {
  /** Jira: numeric; Confluence: `att` + numeric, as the v2 API names them. */
  id: string;
  filename: string;
  mediaType: string;
  /** Confluence only; Jira attachments carry no comment. */
  comment: string;
  authorAccountId: string;
  created: string;
  version: number;
  /** Bytes as declared by the listing (fileSize / size). */
  size: number;
  body: AttachmentBody;
}

export interface AttachmentPlant {
  /** PlantedRecord.field: attachment:<id>:name | comment | content */
  field: string;
  kind: string;
  category: Category;
  value: string;
}

/** Local ordinals of attachment ids: comment ids of the same parent stay below this. */
const ATTACHMENT_ORDINAL = 900;
const MB = 1024 * 1024;

interface FileKind {
  extension: string;
  mediaType: string;
  text: boolean;
}

const FILE_KINDS: readonly FileKind[] = [
  { extension: 'log', mediaType: 'text/plain', text: true },
  { extension: 'txt', mediaType: 'text/plain', text: true },
  { extension: 'json', mediaType: 'application/json', text: true },
  { extension: 'yaml', mediaType: 'application/x-yaml', text: true },
  { extension: 'csv', mediaType: 'text/csv', text: true },
  { extension: 'md', mediaType: 'text/markdown', text: true },
  { extension: 'sql', mediaType: 'application/sql', text: true },
  { extension: 'png', mediaType: 'image/png', text: false },
  { extension: 'pdf', mediaType: 'application/pdf', text: false },
  {
    extension: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    text: false,
  },
];
const STEMS = ['debug-output', 'notes', 'screenshot', 'meeting', 'export', 'incident', 'config', 'trace'];
/** Files whose name alone says what they hold (the file rules' matter); text files, read for content too. */
const TELLING: ReadonlyArray<{ filename: string; mediaType: string }> = [
  { filename: '.env', mediaType: 'application/octet-stream' },
  { filename: 'server.key', mediaType: 'application/x-pem-file' },
  { filename: 'users.csv', mediaType: 'text/csv' },
  { filename: 'backup.sql', mediaType: 'application/sql' },
  { filename: 'terraform.tfstate', mediaType: 'application/json' },
];

export interface AttachmentContext {
  seed: number;
  users: readonly FakeUser[];
  /** The parent's creation instant and the site clock (ms): attachments are uploaded in between. */
  from: number;
  now: number;
  product: 'jira' | 'confluence';
  /** The container's category mix, which planted values are drawn by. */
  mix: PlantProfile['mix'];
}

export function attachmentId(product: 'jira' | 'confluence', parentId: string, ordinal: number): string {
  const id = commentId(parentId, ATTACHMENT_ORDINAL + ordinal);
  return product === 'jira' ? id : `att${id}`;
}

/** The parent id and ordinal an attachment id belongs to, for the media host and downloads. */
export function parseAttachmentId(id: string): { parentId: string; ordinal: number } | undefined {
  const digits = /^(?:att)?([1-9]\d{0,17})$/.exec(id)?.[1];
  if (!digits) return undefined;
  const n = Number(digits);
  const ordinal = (n % 1000) - ATTACHMENT_ORDINAL;
  return ordinal >= 0 ? { parentId: String(Math.floor(n / 1000)), ordinal } : undefined;
}

function textBody(rng: Rng, kind: FileKind, carrier: string | undefined): string {
  const filler = kind.extension === 'sql' ? sqlSnippet(rng) : benignLogLines(rng, rng.int(3, 12));
  const prose = kind.extension === 'md' ? `${benignParagraph(rng)}\n\n` : '';
  return `${prose}${filler}\n${carrier ? `${carrier}\n` : ''}${benignLogLines(rng, rng.int(1, 4))}\n`;
}

/** A value that fits a file name or a one-line comment: one line, no path separator, not too long. */
const fitsOneLine = (text: string) => !/[\n/\\]/.test(text) && text.length <= 100;

function plantedValue(rng: Rng, mix: PlantProfile['mix'], oneLine: boolean) {
  const kind = pickKind(rng, mix);
  if (!kind) return undefined;
  const value = kind.generate(rng);
  const wrapped = kind.wrap(rng, value);
  // A bare value without its context words is no finding for many rules: a name or comment takes the whole snippet.
  if (oneLine && !fitsOneLine(wrapped)) return undefined;
  return { kind, value, carrier: wrapped };
}

function oneAttachment(
  ctx: AttachmentContext,
  rng: Rng,
  id: string,
  plants: AttachmentPlant[],
): AttachmentRecord {
  if (rng.chance(0.08)) {
    const telling = rng.pick(TELLING);
    const text = benignLogLines(rng, rng.int(2, 6));
    const size = Buffer.byteLength(text);
    return { ...telling, ...common(ctx, rng), id, comment: '', size, body: { kind: 'text', text } };
  }
  const kind = rng.pick(FILE_KINDS);
  const where = rng.chance(0.15) ? rng.pick(['name', 'comment', 'content', 'content']) : undefined;
  const field = where === 'comment' && ctx.product === 'jira' ? 'content' : where;
  const usable = field === 'content' && !kind.text ? undefined : field;
  const planted = usable ? plantedValue(rng, ctx.mix, usable !== 'content') : undefined;
  if (planted && usable) {
    const { kind: k, value } = planted;
    plants.push({ field: `attachment:${id}:${usable}`, kind: k.kind, category: k.category, value });
  }
  const stem = rng.pick(STEMS);
  const filename = `${usable === 'name' && planted ? `${planted.carrier} ` : ''}${stem}.${kind.extension}`;
  const comment =
    ctx.product === 'confluence' && (usable === 'comment' || rng.chance(0.4))
      ? usable === 'comment' && planted
        ? planted.carrier
        : `Uploaded for ${stem}`
      : '';
  const text = kind.text ? textBody(rng, kind, usable === 'content' ? planted?.carrier : undefined) : '';
  const body: AttachmentBody = kind.text
    ? { kind: 'text', text }
    : { kind: 'binary', size: rng.int(2_000, 300_000) };
  const size = body.kind === 'text' ? Buffer.byteLength(text) : body.size;
  return { id, filename, mediaType: kind.mediaType, comment, ...common(ctx, rng), size, body };
}

function common(ctx: AttachmentContext, rng: Rng) {
  return {
    authorAccountId: rng.pick(ctx.users).accountId,
    created: iso(laterMs(rng, ctx.from, ctx.now)),
    version: ctx.product === 'confluence' && rng.chance(0.2) ? 2 : 1,
  };
}

/** The hostile files: refused by size, by format, or when their stream inflates past the cap. */
function hostile(ctx: AttachmentContext, parentId: string): AttachmentRecord[] {
  const base = { comment: '', authorAccountId: ctx.users[0]!.accountId, created: iso(ctx.from), version: 1 };
  const files: Array<Omit<AttachmentRecord, keyof typeof base | 'id'>> = [
    {
      filename: 'app-debug.log',
      mediaType: 'text/plain',
      size: 40_000,
      body: { kind: 'gzip-bomb', size: 200 * MB },
    },
    {
      filename: 'release-notes.txt',
      mediaType: 'text/plain',
      size: 4096,
      body: { kind: 'binary', size: 4096 },
    },
    {
      filename: 'full-trace.log',
      mediaType: 'text/plain',
      size: 50 * MB,
      body: { kind: 'large-text', size: 50 * MB },
    },
  ];
  return files.map((file, i) => ({ ...base, ...file, id: attachmentId(ctx.product, parentId, 90 + i) }));
}

/**
 * The attachments of one item and the values planted in them. `withHostile`: this item also carries the hostile
 * files (one issue of the site).
 */
export function planAttachments(
  ctx: AttachmentContext,
  parentId: string,
  withHostile = false,
): { attachments: AttachmentRecord[]; plants: AttachmentPlant[] } {
  const rng = createRng(ctx.seed).fork(`attachments/${ctx.product}/${parentId}`);
  const count = rng.chance(0.1) ? rng.int(1, 3) : 0;
  const plants: AttachmentPlant[] = [];
  const attachments = Array.from({ length: count }, (_, i) =>
    oneAttachment(ctx, rng, attachmentId(ctx.product, parentId, i), plants),
  );
  return { attachments: withHostile ? [...attachments, ...hostile(ctx, parentId)] : attachments, plants };
}
