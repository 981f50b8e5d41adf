// Undoes the cheap tricks that split or disguise a value (zero-width and bidi characters, soft hyphens, exotic
// spaces, full-width ASCII, HTML entities left in plain text) so the detector sees `4111 1111...` and `ghp_...`,
// and keeps an offset map so each finding's span points back into the original text. Escapes a transport added
// (JSON strings, percent-encoding, terminal colours) are undone too: see transport-escapes.ts.
import { decodeEntity } from './entities.ts';
import { identityMap, OffsetMapBuilder, type OffsetMap } from './offset-map.ts';
import { BACKSLASH, ESCAPE, GREATER_THAN, PERCENT, undoer } from './transport-escapes.ts';

export { mapSpan, toOriginal, type OffsetMap } from './offset-map.ts';

export interface NormalizedText {
  text: string;
  map: OffsetMap;
}

// Every character the normaliser changes, plus entity-looking text; one test decides the zero-copy fast path.
const NEEDS_WORK =
  // eslint-disable-next-line no-control-regex -- ESC starts the ANSI sequences undone (transport-escapes.ts)
  /[\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u2069\u3000\uFEFF\uFF01-\uFF5E\u001B]|&#?[0-9A-Za-z]{1,32};|\\[nrt"'/\\]|%[0-9A-Fa-f]{2}|(?:^|\n)>/;
const FIRST_CHANGED_CODE = 0xa0;
const AMPERSAND = 0x26;
const SEMICOLON = 0x3b;
const LONGEST_ENTITY_BODY = 32;
/** The ASCII characters the loop looks at; every other one below FIRST_CHANGED_CODE is copied as it is. */
const ASCII_WORK = new Uint8Array(0x80);
for (const code of [AMPERSAND, BACKSLASH, PERCENT, ESCAPE, GREATER_THAN]) ASCII_WORK[code] = 1;

const REMOVED = 0;
const UNCHANGED = -1;

/** What one character becomes: a replacement code unit, REMOVED, or UNCHANGED. */
function normalizeCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x2028 || code === 0x2029) return 10;
  if (
    code === 0x00a0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  ) {
    return 32;
  }
  if (
    code === 0x00ad ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  ) {
    return REMOVED;
  }
  return UNCHANGED;
}

/** Index just past the `;` of an entity-shaped `&#?[0-9A-Za-z]{1,32};` at `start`, or `start + 1` if none. */
function entityEnd(text: string, start: number): number {
  const bodyStart = text.charCodeAt(start + 1) === 0x23 ? start + 2 : start + 1;
  const limit = Math.min(text.length, bodyStart + LONGEST_ENTITY_BODY + 1);
  for (let i = bodyStart; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === SEMICOLON) return i > bodyStart ? i + 1 : start + 1;
    const alphanumeric = (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
    if (!alphanumeric) return start + 1;
  }
  return start + 1;
}

export function normalizeForDetection(text: string): NormalizedText {
  if (!NEEDS_WORK.test(text)) return { text, map: identityMap(text.length) };
  const builder = new OffsetMapBuilder();
  const transportEscape = undoer(text);
  let copied = 0;
  // A plain loop over code units: several times faster than a global regex when disguises are frequent.
  for (let start = 0; start < text.length; start++) {
    const code = text.charCodeAt(start);
    if (code < 0x80 ? ASCII_WORK[code] === 0 : code < FIRST_CHANGED_CODE) continue;
    if (code === BACKSLASH || code === PERCENT || code === ESCAPE || code === GREATER_THAN) {
      const escape = transportEscape(start, code);
      if (!escape) continue;
      const [end, replacement] = escape;
      if (replacement === text.slice(start, end)) {
        start = end - 1;
        continue;
      }
      if (start > copied) builder.append(text.slice(copied, start));
      copied = end;
      if (replacement === '') builder.remove(start, end);
      else builder.replaceAtomically(start, end, replacement);
      start = end - 1;
      continue;
    }
    const end = code === AMPERSAND ? entityEnd(text, start) : start + 1;
    const replacement = code === AMPERSAND ? decodeEntity(text.slice(start, end)) : normalizeCode(code);
    if (replacement === undefined || replacement === UNCHANGED) continue;
    if (start > copied) builder.append(text.slice(copied, start));
    copied = end;
    if (typeof replacement === 'number') {
      if (replacement === REMOVED) builder.remove(start, end);
      else builder.append(String.fromCharCode(replacement));
    } else {
      // The decoded character gets the same treatment as a literal one: `&#8203;` hides like U+200B does.
      const decoded = replacement.length === 1 ? normalizeCode(replacement.charCodeAt(0)) : UNCHANGED;
      if (decoded === REMOVED) builder.remove(start, end);
      else
        builder.replaceAtomically(
          start,
          end,
          decoded === UNCHANGED ? replacement : String.fromCharCode(decoded),
        );
    }
    start = end - 1;
  }
  if (copied < text.length) builder.append(text.slice(copied));
  return builder.finish(text.length);
}
