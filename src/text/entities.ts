// HTML entities that survive into plain text (a field pasted from HTML, a double-encoded body). Only what cannot
// change meaning is decoded: terminated references (`&copy` in a URL query stays as it is), the few names that
// hide or disguise characters, and numeric references to printable characters (never NUL, controls or surrogates).

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  shy: '\u00AD',
  zwj: '\u200D',
  zwnj: '\u200C',
  ZeroWidthSpace: '\u200B',
  NoBreak: '\u2060',
  lrm: '\u200E',
  rlm: '\u200F',
};

function isPrintable(codePoint: number): boolean {
  if (codePoint === 9 || codePoint === 10 || codePoint === 13) return true;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return false;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  return codePoint <= 0x10ffff;
}

function decodeNumeric(body: string): string | undefined {
  const hex = body[0] === 'x' || body[0] === 'X';
  const digits = hex ? body.slice(1) : body;
  if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  const codePoint = Number.parseInt(digits, hex ? 16 : 10);
  return isPrintable(codePoint) ? String.fromCodePoint(codePoint) : undefined;
}

/** `&amp;` -> `&`, `&#x41;` -> `A`; undefined for anything unknown or unsafe. `token` includes `&` and `;`. */
export function decodeEntity(token: string): string | undefined {
  const body = token.slice(1, -1);
  if (body.startsWith('#')) return decodeNumeric(body.slice(1));
  return Object.hasOwn(NAMED, body) ? NAMED[body] : undefined;
}
