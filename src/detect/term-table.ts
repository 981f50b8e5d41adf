// Finds the terms of a vocabulary (one or two words each) in a text in one pass over its code units, without
// lower-casing the text or cutting it into substrings: each word is hashed as it is read and looked up in an
// open-addressing table; only a table hit compares the actual characters. Every text a PHI-enabled scan sees
// pays this pass, engineering text included, so it must cost a few milliseconds per MB, not a regex per word.
//
// Words are runs of letters and digits (any script). A one-character word joined by `/` or `&` to the next
// run is one word, so clinical shorthand such as `s/p`, `d/c` or `a&o` stays whole while `120/80` and
// `src/main` split. A two-word term matches words separated by exactly one space or hyphen.

const SPACE = 32;
const AMPERSAND = 38;
const HYPHEN = 45;
const SLASH = 47;

let foldTable: Uint16Array | undefined;

/** The lower-case code unit of every letter or digit, 0 for everything else (surrogates included). */
function wordFold(): Uint16Array {
  if (foldTable) return foldTable;
  foldTable = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCharCode(code);
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    const lower = ch.toLowerCase();
    foldTable[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  return foldTable;
}

const mixWord = (hash: number, code: number): number => (Math.imul(hash, 31) + code) | 0;
const mixPair = (first: number, second: number): number => (Math.imul(first, 0x9e3779b1) ^ second) | 0;

/** The hash `scan` computes for a word (joiners `/` and `&` enter it as themselves). */
function hashWord(word: string): number {
  const fold = wordFold();
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = mixWord(hash, fold[word.charCodeAt(i)] || word.charCodeAt(i));
  return hash;
}

/** Words longer than this are never terms; skipping their look-up keeps long identifiers cheap. */
const MAX_WORD = 24;

export interface TermHit {
  /** Index of the term in the vocabulary. */
  term: number;
  start: number;
  end: number;
  /** Ordinal of the term's last word among the text's words, for density over a run of words. */
  word: number;
}

export interface TermScan {
  hits: TermHit[];
  /** Number of words in the text. */
  words: number;
}

export class TermTable {
  readonly terms: readonly string[];
  private readonly mask: number;
  /** Slot -> (hash | 1), 0 when empty; the term index of a slot is in `slotTerm`. */
  private readonly slots: Int32Array;
  private readonly slotTerm: Int32Array;
  /** Marks (by hash) the words that start a two-word term, so most words skip the pair look-up. */
  private readonly startsPair: Uint8Array;

  constructor(terms: readonly string[]) {
    this.terms = terms;
    let size = 16;
    while (size < terms.length * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.slotTerm = new Int32Array(size);
    this.startsPair = new Uint8Array(size);
    terms.forEach((term, index) => {
      const words = term.split(/[ -]/);
      if (words.length > 2 || words.some((w) => w === ''))
        throw new Error(`term "${term}": one or two words`);
      const hashes = words.map(hashWord);
      if (hashes.length === 2) this.startsPair[hashes[0]! & this.mask] = 1;
      this.insert(hashes.length === 1 ? hashes[0]! : mixPair(hashes[0]!, hashes[1]!), index);
    });
  }

  private insert(hash: number, term: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = hash | 1;
    this.slotTerm[slot] = term;
  }

  /** Index of the term whose hash this is and whose letters are text[start, end) folded, or -1. */
  private find(hash: number, text: string, start: number, end: number): number {
    const tagged = hash | 1;
    for (let slot = hash & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.slots[slot] !== tagged) continue;
      const term = this.slotTerm[slot]!;
      if (sameWords(this.terms[term]!, text, start, end)) return term;
    }
    return -1;
  }

  /** Whether a single word (or a two-word term written with one space) is in the vocabulary. */
  has(term: string): boolean {
    const words = term.split(' ');
    const hash = words.length === 2 ? mixPair(hashWord(words[0]!), hashWord(words[1]!)) : hashWord(term);
    return this.find(hash, term, 0, term.length) >= 0;
  }

  scan(text: string): TermScan {
    const fold = wordFold();
    const hits: TermHit[] = [];
    const length = text.length;
    let words = 0;
    // The previous word, for two-word terms: its hash and span.
    let previousHash = 0;
    let previousStart = -2;
    let previousEnd = -2;
    // Hot loop: plain locals only (no closure over them), one table load per code unit.
    for (let i = 0; i < length; i++) {
      let code = fold[text.charCodeAt(i)]!;
      if (code === 0) continue;
      const start = i;
      let hash = 0;
      for (;;) {
        hash = mixWord(hash, code);
        if (++i >= length) break;
        code = fold[text.charCodeAt(i)]!;
        if (code !== 0) continue;
        const joiner = text.charCodeAt(i);
        if (i - start !== 1 || (joiner !== SLASH && joiner !== AMPERSAND) || !fold[text.charCodeAt(i + 1)])
          break;
        code = joiner;
      }
      // i is the word's end (exclusive): a separator or the text's end.
      if (i - start <= MAX_WORD) {
        const adjacent =
          previousEnd === start - 1 &&
          this.startsPair[previousHash & this.mask] === 1 &&
          isPairGap(text.charCodeAt(previousEnd));
        const pair = adjacent ? this.find(mixPair(previousHash, hash), text, previousStart, i) : -1;
        if (pair >= 0) {
          // The pair replaces its first word's own hit: "blood pressure" is one term, not two.
          if (hits.at(-1)?.start === previousStart) hits.pop();
          hits.push({ term: pair, start: previousStart, end: i, word: words });
        } else {
          const single = this.find(hash, text, start, i);
          if (single >= 0) hits.push({ term: single, start, end: i, word: words });
        }
      }
      words++;
      previousHash = hash;
      previousStart = start;
      previousEnd = i;
    }
    return { hits, words };
  }
}

const isPairGap = (code: number): boolean => code === SPACE || code === HYPHEN;

/** Whether text[start, end), folded, spells the term (its word gap being one space or hyphen in the text). */
function sameWords(term: string, text: string, start: number, end: number): boolean {
  if (end - start !== term.length) return false;
  const fold = wordFold();
  for (let k = 0; k < term.length; k++) {
    const expected = term.charCodeAt(k);
    const actual = text.charCodeAt(start + k);
    const folded = fold[actual]! || actual;
    if (expected === SPACE || expected === HYPHEN) {
      if (!isPairGap(actual)) return false;
    } else if (folded !== expected) return false;
  }
  return true;
}
