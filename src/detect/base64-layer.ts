// Secrets wrapped in base64: an .env file or a config pasted as `echo ... | base64 -d`, a credential inside a
// base64 JSON blob, a Kubernetes Secret's data. In a text that says a value is encoded or decoded (base64 -d,
// b64decode, atob(, "base64-encoded", a Kubernetes Secret, a Docker config), runs of base64 that decode to text are
// scanned again, once (no nesting); what the secret rules find inside is reported on the characters that encode it
// (every 3 decoded bytes are 4 characters), fingerprinted by the decoded value. A run goes on across line breaks
// after whole quads, as the base64 tool wraps its output at 76 columns. Binary payloads (images, DER keys,
// compressed data) do not decode to text and are left alone. The gate keeps the run search off the other texts (it
// would cost about 5 % of a scan); its words ride on the engine's one keyword pass.

/** A run of base64 text (its lines, without the line breaks) and what it decodes to. */
export interface Base64Layer {
  /** [start, end) of each line of the run in the text, padding included. */
  lines: ReadonlyArray<readonly [number, number]>;
  decoded: string;
}

/**
 * Words that say a text holds a value someone encoded or will decode (found by the engine's keyword pass, lower
 * case): a decoding command or call, "base64-encoded", a Kubernetes Secret, a Docker config. A mere mention of
 * base64 (an API named TiBase64, a data: URL) is no reason to look.
 */
export const BASE64_WORDS: readonly string[] = [
  'base64 -d',
  'base64 --decode',
  'b64decode',
  'base64decode',
  'base64_decode',
  'frombase64string',
  'atob(',
  'base64-encoded',
  'base64 encoded',
  'base64:',
  '(base64)',
  'kind: secret',
  'dockerconfig',
];
const SPEAKS_OF_BASE64 = new RegExp(BASE64_WORDS.map((w) => w.replace(/[()-]/g, '\\$&')).join('|'), 'i');

/** The same test as the keyword pass makes, for a detector without it (prefilter off). */
export const speaksOfBase64 = (text: string): boolean => SPEAKS_OF_BASE64.test(text);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-';
const IN_ALPHABET = new Uint8Array(128);
for (const c of ALPHABET) IN_ALPHABET[c.charCodeAt(0)] = 1;
/** Shorter runs decode to fewer than 24 characters: too few for a secret and its name. */
const MIN_RUN = 32;
/** Longer runs are files, not pasted values; decoding them would cost more than it finds. */
const MAX_RUN = 65_536;
/** Share of the decoded characters that must be printable text for the run to be read as text. */
const TEXT_SHARE = 0.97;

const inAlphabet = (code: number) => code < 128 && IN_ALPHABET[code] === 1;

function isMostlyText(decoded: string): boolean {
  let printable = 0;
  for (let i = 0; i < decoded.length; i++) {
    const code = decoded.charCodeAt(i);
    if ((code >= 0x20 && code < 0x7f) || code === 0x09 || code === 0x0a || code === 0x0d) printable++;
  }
  return printable >= decoded.length * TEXT_SHARE;
}

/**
 * Each quad of base64 that encodes ASCII starts with a character worth less than 32 (A-Z, a-f): a byte below 0x80
 * has its top bit clear. Paths and identifiers fail this at once, before anything is decoded.
 */
function quadsStartAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 4) {
    const code = text.charCodeAt(i);
    if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x66))) return false;
  }
  return true;
}

/** Where the line of base64 starting at `start` ends, its `=` padding included. */
function lineEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && inAlphabet(text.charCodeAt(end))) end++;
  const unpadded = end;
  while (end < text.length && end - unpadded < 2 && text[end] === '=') end++;
  return end;
}

/** The line break after `at` when the run goes on past it (a wrapped line of whole quads), else undefined. */
function wrapAt(text: string, at: number): number | undefined {
  const next = text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : text[at] === '\n' ? at + 1 : undefined;
  return next !== undefined && inAlphabet(text.charCodeAt(next)) ? next : undefined;
}

/** The run of lines starting at `start`, as a layer when it is whole quads that decode to text; and its end. */
function runAt(text: string, start: number): { layer?: Base64Layer; end: number } {
  const lines: Array<[number, number]> = [];
  let length = 0;
  for (let from: number | undefined = start; from !== undefined;) {
    const end = lineEnd(text, from);
    lines.push([from, end]);
    length += end - from;
    // Padding ends a run; a line of whole quads may go on after a line break.
    const padded = text[end - 1] === '=';
    from = !padded && (end - from) % 4 === 0 ? wrapAt(text, end) : undefined;
  }
  const end = lines.at(-1)![1];
  if (length % 4 !== 0 || length < MIN_RUN || length > MAX_RUN) return { end };
  if (!lines.every(([s, e]) => quadsStartAscii(text, s, e))) return { end };
  const run = lines.map(([s, e]) => text.slice(s, e)).join('');
  // Letters only or digits only are words and numbers, not encodings.
  if (!/[0-9]/.test(run) || !/[A-Za-z]/.test(run)) return { end };
  const urlSafe = run.includes('-') || run.includes('_');
  const decoded = Buffer.from(run, urlSafe ? 'base64url' : 'base64').toString('latin1');
  return isMostlyText(decoded) ? { layer: { lines, decoded }, end } : { end };
}

/** The base64 runs of `text` that decode to text (call it for texts that speak of base64 only). */
export function base64Layers(text: string): Base64Layer[] {
  const layers: Base64Layer[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!inAlphabet(text.charCodeAt(i)) || (i > 0 && inAlphabet(text.charCodeAt(i - 1)))) continue;
    const { layer, end } = runAt(text, i);
    if (layer) layers.push(layer);
    i = end;
  }
  return layers;
}

/** The characters of the run that encode decoded [start, end): whole quads, mapped onto the run's lines. */
export function encodedSpan(layer: Base64Layer, start: number, end: number): { start: number; end: number } {
  // A start at a line's end belongs to the next line; an end there, to that line.
  const at = (offset: number, isEnd: boolean) => {
    let rest = offset;
    for (const [s, e] of layer.lines) {
      if (rest < e - s || (isEnd && rest === e - s)) return s + rest;
      rest -= e - s;
    }
    return layer.lines.at(-1)![1];
  };
  return { start: at(Math.floor(start / 3) * 4, false), end: at(Math.ceil(end / 3) * 4, true) };
}
