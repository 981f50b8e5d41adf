// Static look at a rule's regex source: how long a match can be (to size the windows the engine scans around
// keyword hits) and how the pattern starts (to refuse slow, unanchored prefixes). A small recursive reader of
// JavaScript regex syntax; it only needs to be conservative, never exact.

/**
 * How far from any character of a match the regex can look, in UTF-16 code units: the longest match plus the
 * longest lookaround (which may reach past either end). Infinity when unbounded.
 */
export function maxMatchLength(source: string, flags = ''): number {
  const unit = flags.includes('u') || flags.includes('v') ? 2 : 1;
  const reader: Reader = { source, pos: 0, unit, lookaround: 0 };
  return readAlternation(reader) + reader.lookaround;
}

interface Reader {
  source: string;
  pos: number;
  unit: number;
  /** Longest lookaround seen; it matches no characters but reads them. */
  lookaround: number;
}

function readAlternation(r: Reader): number {
  let best = readSequence(r);
  while (r.source[r.pos] === '|') {
    r.pos++;
    best = Math.max(best, readSequence(r));
  }
  return best;
}

function readSequence(r: Reader): number {
  let total = 0;
  while (r.pos < r.source.length && r.source[r.pos] !== '|' && r.source[r.pos] !== ')') {
    const atom = readAtom(r);
    const repeat = readQuantifier(r);
    total += atom === 0 ? 0 : atom * repeat.max;
  }
  return total;
}

function readAtom(r: Reader): number {
  const ch = r.source[r.pos];
  if (ch === '(') {
    r.pos++;
    const look = /^\?<?[=!]/.test(r.source.slice(r.pos, r.pos + 3));
    const outer = r.lookaround;
    if (look) r.lookaround = 0; // a lookaround nested in this one reads from inside it
    if (r.source[r.pos] === '?') skipGroupPrefix(r);
    const inner = readAlternation(r);
    r.pos++; // ')'
    if (!look) return inner;
    r.lookaround = Math.max(outer, inner + r.lookaround);
    return 0;
  }
  if (ch === '[') {
    r.pos = classEnd(r.source, r.pos);
    return r.unit;
  }
  if (ch === '\\') return readEscape(r);
  r.pos++;
  return ch === '^' || ch === '$' ? 0 : r.unit;
}

// `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`, and modifier groups `(?i:`.
function skipGroupPrefix(r: Reader): void {
  const rest = r.source.slice(r.pos);
  const prefix = /^\?(?:<[=!]|<[A-Za-z_$][\w$]*>|[=!:]|[imsx-]+:)/.exec(rest);
  r.pos += prefix ? prefix[0].length : 1;
}

function readEscape(r: Reader): number {
  const next = r.source[r.pos + 1] ?? '';
  r.pos += 2;
  if (next === 'b' || next === 'B') return 0;
  if (/[1-9]/.test(next) || next === 'k') return Infinity; // back-references repeat an earlier group
  if (next === 'u' && r.source[r.pos] === '{') r.pos = r.source.indexOf('}', r.pos) + 1;
  else if (next === 'u') r.pos += 4;
  else if (next === 'x') r.pos += 2;
  else if (next === 'c') r.pos += 1;
  else if ((next === 'p' || next === 'P') && r.source[r.pos] === '{')
    r.pos = r.source.indexOf('}', r.pos) + 1;
  return next === 'p' || next === 'P' ? 2 : r.unit;
}

/** Index just after the `]` closing the class that opens at `start`. */
export function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++; // a leading `]` is a literal only in legacy syntax; harmless either way
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

export interface Quantifier {
  min: number;
  max: number;
  lazy: boolean;
  text: string;
}

export function readQuantifier(r: { source: string; pos: number }): Quantifier {
  const rest = r.source.slice(r.pos, r.pos + 24);
  const match = /^(?:([*+?])|\{(\d+)(,(\d*))?\})(\?)?/.exec(rest);
  if (!match) return { min: 1, max: 1, lazy: false, text: '' };
  r.pos += match[0].length;
  const lazy = match[5] === '?';
  if (match[1] === '*') return { min: 0, max: Infinity, lazy, text: match[0] };
  if (match[1] === '+') return { min: 1, max: Infinity, lazy, text: match[0] };
  if (match[1] === '?') return { min: 0, max: 1, lazy, text: match[0] };
  const min = Number(match[2]);
  const max = match[3] === undefined ? min : match[4] === '' ? Infinity : Number(match[4]);
  return { min, max, lazy, text: match[0] };
}

export type AtomKind = 'anchor' | 'lookbehind' | 'literal' | 'digit-class' | 'broad' | 'group' | 'end';

export interface LeadingAtom {
  kind: AtomKind;
  quantifier: Quantifier;
}

/** The first two atoms of the pattern, after any plain opening groups. */
export function leadingAtoms(source: string): LeadingAtom[] {
  const r = { source, pos: 0 };
  const atoms: LeadingAtom[] = [];
  while (atoms.length < 2) {
    while (/^\((?:\?:|\?<[A-Za-z_$][\w$]*>|(?!\?))/.test(source.slice(r.pos))) {
      r.pos += /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(source.slice(r.pos))![0].length;
    }
    const kind = leadingKind(source, r.pos);
    if (kind === 'end' || kind === 'group') return [...atoms, { kind, quantifier: readQuantifier(r) }];
    r.pos = atomEnd(source, r.pos, kind);
    atoms.push({ kind, quantifier: readQuantifier(r) });
  }
  return atoms;
}

function leadingKind(source: string, pos: number): AtomKind {
  const rest = source.slice(pos);
  if (rest === '' || rest[0] === '|' || rest[0] === ')') return 'end';
  if (/^(?:\\b|\^)/.test(rest)) return 'anchor';
  if (/^\(\?<[=!]/.test(rest)) return 'lookbehind';
  if (rest[0] === '(') return 'group';
  if (/^(?:\\d|\[\^?\]|\[(?:\d|\d-\d|\\d)+\])/.test(rest) && !rest.startsWith('[^')) return 'digit-class';
  if (/^(?:\[|\.|\\[wWsSDpP])/.test(rest)) return 'broad';
  return 'literal';
}

function atomEnd(source: string, pos: number, kind: AtomKind): number {
  if (kind === 'lookbehind') {
    const r = { source, pos: pos + 1, unit: 1, lookaround: 0 };
    skipGroupPrefix(r);
    readAlternation(r);
    return r.pos + 1;
  }
  if (source[pos] === '[') return classEnd(source, pos);
  if (source[pos] === '\\') {
    const r = { source, pos, unit: 1, lookaround: 0 };
    readEscape(r);
    return r.pos;
  }
  return pos + 1;
}
