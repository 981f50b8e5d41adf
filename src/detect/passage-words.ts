// The words of a passage with their offsets and letter case, for the recognisers that read clinical passages
// word by word (names, places). Letter case is evidence only where the passage is written in mixed case: in an
// all-capitals or all-lower-case note a capital says nothing.

export interface Word {
  start: number;
  end: number;
  lower: string;
  /** The first letter is a capital. */
  capital: boolean;
}

// Letters with inner apostrophes (O'Rourke, pt's), not glued to digits (1st, q4h, 2L). A hyphenated name is two
// words for the recognisers to join.
const WORD = /(?<![\p{L}\p{N}])\p{L}(?:\p{L}|['’](?=\p{L}))*(?![\p{L}\p{N}])/gu;

export function wordsIn(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
    const lower = m[0].toLowerCase();
    words.push({ start: m.index, end: m.index + m[0].length, lower, capital: m[0][0] !== lower[0] });
  }
  return words;
}

/**
 * Whether capitals carry meaning in these words: the text capitalises some words (sentence starts, names)
 * and is not written in capitals. A lower-case note with a few "BP" or "RR" is not mixed case.
 */
export function caseIsInformative(text: string, words: readonly Word[]): boolean {
  let capitalised = 0;
  let allCaps = 0;
  for (const word of words) {
    if (!word.capital || word.end - word.start < 2) continue;
    const raw = text.slice(word.start, word.end);
    if (raw === raw.toUpperCase()) allCaps++;
    else capitalised++;
  }
  return capitalised >= Math.max(1, words.length * 0.04) && allCaps < words.length * 0.5;
}

/** What the recognisers that read a passage word by word share: its words, its letter case, the gaps. */
export class WordReader {
  protected readonly text: string;
  protected readonly words: readonly Word[];
  /** Whether capitals carry meaning here (see caseIsInformative). */
  protected readonly caseMatters: boolean;

  constructor(text: string, start: number, end: number) {
    this.text = text;
    this.words = wordsIn(text, start, end);
    this.caseMatters = caseIsInformative(text, this.words);
  }

  /** Whether both words exist and the text between them fits the gap pattern. */
  protected gapFits(pattern: RegExp | undefined, left: number, right: number): boolean {
    const [a, b] = [this.words[left], this.words[right]];
    return (
      a !== undefined &&
      b !== undefined &&
      pattern !== undefined &&
      pattern.test(this.text.slice(a.end, b.start))
    );
  }
}
