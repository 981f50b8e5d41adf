// Health context: where a text reads like clinical writing. One pass of the clinical vocabulary
// (rules/lists/clinical-*.txt) over the text, then a sliding window over its words: a passage is clinical when
// a window of WINDOW_WORDS words holds terms weighing at least MIN_SCORE, of MIN_DISTINCT different terms, at
// least one of them specific, and either charting shorthand or a word naming the person cared for
// (care-subjects.txt). Density, not single words, because "HR", "BP", "patch" or "stroke" also occur in
// engineering text; charting or a person, because clinic IT tickets are dense in drug and diagnosis names.
// Telegraphic notes in any letter case score the same, as matching is case-blind.
import { TermTable, type TermHit } from './term-table.ts';
import { readWordList } from './word-list.ts';

/** Words in the sliding window (a short clinical paragraph). */
const WINDOW_WORDS = 60;
/** Weighted terms a window needs: specific terms weigh 1, ambiguous ones 0.5. */
const MIN_SCORE = 2;
const MIN_DISTINCT = 2;
const SPECIFIC = 1;
const AMBIGUOUS = 0.5;
/** Characters around a clinical window that still count as its passage (a signature line, a heading). */
const PASSAGE_MARGIN = 300;

export interface Passage {
  start: number;
  end: number;
}

export interface HealthContext {
  /** Clinical passages, merged and in text order; empty when the text never reaches the density. */
  passages: Passage[];
  /** Distinct terms of the text, specific ones first, each once. */
  terms: string[];
  /** Whether the text holds at least one specific term (health information, for identifiers a rule found). */
  specific: boolean;
}

interface Vocabulary {
  table: TermTable;
  weight: Float64Array;
  /** 1 for charting shorthand. */
  charting: Uint8Array;
  /** Any word naming the person cared for. */
  subject: RegExp;
}

let vocabulary: Vocabulary | undefined;

const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function loadVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  // A term listed twice keeps its first, stronger class: charting, then topics, then ambiguous.
  const classOf = new Map<string, { weight: number; charting: number }>();
  const lists = [
    ['clinical-charting.txt', SPECIFIC, 1],
    ['clinical-topics.txt', SPECIFIC, 0],
    ['clinical-ambiguous.txt', AMBIGUOUS, 0],
  ] as const;
  for (const [file, weight, charting] of lists) {
    for (const term of readWordList(file)) if (!classOf.has(term)) classOf.set(term, { weight, charting });
  }
  const terms = [...classOf.keys()];
  const subjects = readWordList('care-subjects.txt').map(escapeRegExp);
  vocabulary = {
    table: new TermTable(terms),
    weight: Float64Array.from(terms, (term) => classOf.get(term)!.weight),
    charting: Uint8Array.from(terms, (term) => classOf.get(term)!.charting),
    subject: new RegExp(`(?<![\\p{L}\\p{N}])(?:${subjects.join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
  };
  return vocabulary;
}

/** Counts over the sliding window of words. */
class Window {
  score = 0;
  specific = 0;
  charting = 0;
  readonly counts = new Map<number, number>();
  private readonly vocabulary: Vocabulary;

  constructor(vocabulary: Vocabulary) {
    this.vocabulary = vocabulary;
  }

  add(term: number, sign: 1 | -1): void {
    const { weight, charting } = this.vocabulary;
    this.score += sign * weight[term]!;
    if (weight[term] === SPECIFIC) this.specific += sign;
    this.charting += sign * charting[term]!;
    const count = (this.counts.get(term) ?? 0) + sign;
    if (count === 0) this.counts.delete(term);
    else this.counts.set(term, count);
  }

  dense(): boolean {
    return this.score >= MIN_SCORE && this.specific > 0 && this.counts.size >= MIN_DISTINCT;
  }
}

/**
 * Whether text[start, end) holds a word naming the person cared for (read in place: edges are mid-word). Asked for
 * windows whose starts never go back, so the first match at or after a start is searched for once and kept until a
 * window starts past it: one pass over the text, not one per dense window (which was quadratic on long notes).
 */
function subjectFinder(text: string, subject: RegExp): (start: number, end: number) => boolean {
  let next: { index: number; end: number } | null | undefined;
  return (start, end) => {
    if (next === undefined || (next !== null && next.index < start)) {
      subject.lastIndex = start;
      const found = subject.exec(text);
      next = found && { index: found.index, end: found.index + found[0].length };
    }
    return next !== null && next.end <= end;
  };
}

/** Passages where a window of words reaches the density, widened by the margin and merged. */
function densePassages(text: string, hits: readonly TermHit[], vocabulary: Vocabulary): Passage[] {
  const passages: Passage[] = [];
  const window = new Window(vocabulary);
  const namesSubject = subjectFinder(text, vocabulary.subject);
  let first = 0;
  for (const hit of hits) {
    window.add(hit.term, 1);
    for (let old = hits[first]!; hit.word - old.word >= WINDOW_WORDS; old = hits[++first]!)
      window.add(old.term, -1);
    if (!window.dense()) continue;
    const start = Math.max(0, hits[first]!.start - PASSAGE_MARGIN);
    const end = Math.min(text.length, hit.end + PASSAGE_MARGIN);
    if (window.charting > 0 || namesSubject(start, end)) passages.push({ start, end });
  }
  return mergePassages(passages);
}

/** Overlapping or touching passages joined, in order of start. */
export function mergePassages(passages: readonly Passage[]): Passage[] {
  const merged: Passage[] = [];
  for (const { start, end } of [...passages].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

export function healthContext(text: string): HealthContext {
  const vocabulary = loadVocabulary();
  const { table, weight } = vocabulary;
  const { hits } = table.scan(text);
  if (hits.length === 0) return { passages: [], terms: [], specific: false };
  const distinct = [...new Set(hits.map((h) => h.term))].sort((a, b) => weight[b]! - weight[a]!);
  return {
    passages: densePassages(text, hits, vocabulary),
    terms: distinct.map((term) => table.terms[term]!),
    specific: weight[distinct[0]!] === SPECIFIC,
  };
}

/** Whether a lower-case word is clinical vocabulary (so not a name or a place). */
export function isClinicalWord(word: string): boolean {
  return loadVocabulary().table.has(word);
}
