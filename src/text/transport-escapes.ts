// Escapes a transport adds around a value (JSON strings, URLs, terminals) glue to it and hide its word boundary:
// `\nghp_...`, `%22sk_live_...`, ESC[32mAKIA.... The detector sees them undone (see normalize.ts).
// - JSON string escapes: `\n`, `\r`, `\t`, `\"`, `\'`, `\/`; `\\` stays, so its second backslash escapes nothing.
//   In a Windows path (C:\Users\dev\node_modules, src\test\java) `\n` and `\t` start a folder's name; a run of
//   text holding a backslash that escapes nothing JSON knows (`\U`, `\j`, `\.`) is a path, and keeps them.
// - Percent-encoded delimiters (`%22`, `%20`, `%2C`...), and `%40` where no `@` follows in the same run of text
//   (`?email=ana%40corp.example`; in `https://user:p%40ss@host` it is part of the password). Not `%25`, nor `+`,
//   `/` and `=`, which tokens issued URL-encoded (Twitter bearer tokens, SAS signatures) keep encoded inside the
//   value.
// - ANSI control sequences of pasted terminal output (colours, cursor moves): removed.
// - The `> ` an e-mail reply puts before each quoted line (`> > ` when quoted twice), so a key block quoted in a
//   reply reads as the block it was.

export const PERCENT = 0x25;
export const BACKSLASH = 0x5c;
export const ESCAPE = 0x1b;
export const GREATER_THAN = 0x3e;

const JSON_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', "'": "'", '/': '/' };
/** Characters a backslash escapes in JSON text (u: \uXXXX); after any other, the backslash separates a path. */
const JSON_ESCAPED = new Set(['n', 'r', 't', '"', "'", '/', '\\', 'u', 'b', 'f']);
const PERCENT_DECODED = new Set('09 0A 0D 20 22 26 27 2C 3A 3B 3C 3E 3F 5B 5D 7B 7D'.split(' '));
// eslint-disable-next-line no-control-regex -- an ANSI sequence starts with ESC
const ANSI_SEQUENCE = /^\u001B\[[0-9;]{0,16}[A-Za-z]/;
const QUOTE_PREFIX = /^(?:> ?){1,8}/;
/** How far a run of text is followed each way to decide whether it is a path. */
const RUN_REACH = 256;

/** Where a run of non-blank, unquoted text ends, and whether it is a path; one per call of `undoer`. */
interface Run {
  from: number;
  to: number;
  path: boolean;
}

const endsRun = (code: number) =>
  code === 0x20 ||
  code === 0x09 ||
  code === 0x0a ||
  code === 0x0d ||
  code === 0x22 ||
  code === 0x27 ||
  code === 0x60;

function runAround(text: string, at: number): Run {
  let from = at;
  while (from > 0 && at - from < RUN_REACH && !endsRun(text.charCodeAt(from - 1))) from--;
  let to = at + 1;
  while (to < text.length && to - at < RUN_REACH && !endsRun(text.charCodeAt(to))) to++;
  let path = false;
  for (let i = text.indexOf('\\', from); i >= 0 && i < to; i = text.indexOf('\\', i + 2)) {
    if (!JSON_ESCAPED.has(text[i + 1] ?? '')) {
      path = true;
      break;
    }
  }
  return { from, to, path };
}

/** A literal `@` comes later in the run of text that goes on at `from`. */
function atFollows(text: string, from: number): boolean {
  for (let i = from; i < text.length && i - from < RUN_REACH; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x40) return true;
    if (endsRun(code)) return false;
  }
  return false;
}

/**
 * A function telling, for a backslash, percent, ESC or `>` at `start` of this text, what it undoes: [end,
 * replacement] (`''` removes), or undefined when nothing there is undone. It remembers the last run it judged.
 */
export function undoer(text: string): (start: number, code: number) => [number, string] | undefined {
  let run: Run | undefined;
  const inPath = (at: number) => {
    if (!run || at < run.from || at >= run.to) run = runAround(text, at);
    return run.path;
  };
  return (start, code) => {
    if (code === BACKSLASH) {
      const next = text[start + 1];
      if (next === '\\') return [start + 2, '\\\\'];
      const decoded = next === undefined ? undefined : JSON_ESCAPES[next];
      if (decoded === undefined) return undefined;
      if ((next === 'n' || next === 'r' || next === 't') && inPath(start)) return undefined;
      return [start + 2, decoded];
    }
    if (code === PERCENT) {
      const hex = text.slice(start + 1, start + 3).toUpperCase();
      const decoded = PERCENT_DECODED.has(hex) || (hex === '40' && !atFollows(text, start + 3));
      return decoded ? [start + 3, String.fromCharCode(parseInt(hex, 16))] : undefined;
    }
    if (code === GREATER_THAN) {
      if (start > 0 && text.charCodeAt(start - 1) !== 0x0a) return undefined;
      return [start + QUOTE_PREFIX.exec(text.slice(start, start + 16))![0].length, ''];
    }
    const sequence = ANSI_SEQUENCE.exec(text.slice(start, start + 20));
    return sequence ? [start + sequence[0].length, ''] : undefined;
  };
}
