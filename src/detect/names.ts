// Person names in a clinical passage: clinicians, patients, relatives. Notes are often all capitals or all
// lower case, so a capital letter cannot be the evidence; a cue word is (name-cues.ts: "Dr.", "daughter",
// ", RN", "spoke with", "aware"), checked against the name lexicons (name-lexicon.ts). The stronger the cue,
// the less the candidate word has to prove:
// - after a title or a relation, any word that is a listed name or not an ordinary English word;
// - before a credential or a reporting word ("Lee aware"), the same, for each word of the name;
// - after "patient" or a role ("NP"), a listed name that is not an ordinary word, or where capitals mean
//   something a capitalised word that is not ordinary;
// - after a contact word ("per", "spoke with"), only a listed name that is not an ordinary word;
// - with no cue, a listed given name followed by a listed surname, neither an ordinary word.
import { isClinicalWord, type Passage } from './clinical.ts';
import { nonOverlapping, type Identifier } from './identifier.ts';
import {
  AFTER_POSSESSIVE_GAP,
  BEFORE_RELATION_GAP,
  CLAUSE_START,
  CONTACT_GAP,
  CREDENTIAL_GAP,
  cueTable,
  GAP_AFTER,
  KIND_OF,
  AND_GAP,
  LIST_GAP,
  MAX_LISTED,
  MAX_NAME_WORDS,
  NAME_GAP,
  PAIR_GAP,
  STRENGTH_AFTER,
  TITLE_GAP,
  type CueGroup,
  type Strength,
} from './name-cues.ts';
import { nameLexicon, type NameLexicon } from './name-lexicon.ts';
import { WordReader, type Word } from './passage-words.ts';

const LEXICON_CUE = 'name lexicon';

/** One passage being read for names. */
class NameReader extends WordReader {
  readonly names: Identifier[] = [];
  private readonly lexicon: NameLexicon = nameLexicon();
  private readonly cues = cueTable();

  private cuesOf(index: number): readonly CueGroup[] {
    const word = this.words[index];
    return (word && this.cues.get(word.lower)) ?? [];
  }

  /** A single capital letter (an initial), as in "C. Lee". */
  private isInitial(index: number): boolean {
    const word = this.words[index];
    return word !== undefined && word.end - word.start === 1 && (word.capital || !this.caseMatters);
  }

  /**
   * Whether a word can be (part of) a name. Strong cues (titles, relations, credentials): a listed name (even
   * "Green") or a word that is not ordinary English, and not clinical vocabulary; the further words of a name
   * may be clinical words the census lists ("Ann Foley"). Medium ("patient", "NP"): where capitals mean
   * something, a capitalised given name ("Grace") or word that is not ordinary ("Patient Portal" is no name);
   * elsewhere a listed name that is not an ordinary word. Weak (contact words): a listed name of three letters or more that is not an
   * ordinary word, capitalised where capitals mean something.
   */
  private nameLike(index: number, strength: Strength): boolean {
    const word = this.words[index];
    if (!word || word.lower.length < 2) return false;
    const { lower } = word;
    const lex = this.lexicon;
    if (lex.notNames.has(lower) || this.cues.has(lower)) return false;
    const listed = lex.givenNames.has(lower) || lex.surnames.has(lower);
    const ordinary = lex.common.has(lower);
    const clinical = isClinicalWord(lower);
    switch (strength) {
      case 'extension':
        return listed || (!ordinary && !clinical);
      case 'strong':
        return !clinical && (listed || !ordinary);
      case 'medium':
        if (clinical || this.abbreviation(word)) return false;
        if (!this.caseMatters) return listed && !ordinary;
        return word.capital && (!ordinary || lex.givenNames.has(lower));
      case 'weak':
        // Short capitalised words after "per" or "by" are abbreviations (IV, RA, HOB) far more than names.
        if (clinical || ordinary || this.abbreviation(word) || lower.length < 3) return false;
        return listed && (word.capital || !this.caseMatters);
    }
  }

  /** In mixed-case text, a word in capitals of at most four letters (POA, NT, CPT'd) is shorthand. */
  private abbreviation(word: Word): boolean {
    if (!this.caseMatters) return false;
    const raw = this.text.slice(word.start, word.end);
    const letters = raw.replace(/['’][a-z]+$/i, '');
    return letters.length <= 4 && letters === letters.toUpperCase();
  }

  /** Reads a name forward from `first`; returns the index of its last word, or -1. */
  private nameFrom(first: number, strength: Strength): number {
    let last = first;
    if (this.isInitial(first) && this.gapFits(NAME_GAP, first, first + 1)) last = first + 1;
    if (!this.nameLike(last, strength)) return -1;
    while (last - first + 1 < MAX_NAME_WORDS && this.gapFits(NAME_GAP, last, last + 1)) {
      if (!this.nameLike(last + 1, 'extension') && !this.isInitial(last + 1)) break;
      last++;
    }
    // A trailing initial ("Ann L.") is part of the name only if followed by more name; drop it otherwise.
    while (last > first && this.isInitial(last)) last--;
    return last;
  }

  /** Reads a name backwards from `last` (before a credential or a relation); returns its first index, or -1. */
  private nameBefore(last: number, strength: Strength): number {
    if (!this.nameLike(last, strength)) return -1;
    let first = last;
    while (last - first + 1 < MAX_NAME_WORDS && this.gapFits(NAME_GAP, first - 1, first)) {
      if (!this.nameLike(first - 1, 'extension') && !this.isInitial(first - 1)) break;
      first--;
    }
    return first;
  }

  private add(first: number, last: number, group: CueGroup, cue: string): void {
    const start = this.words[first]!.start;
    const end = this.words[last]!.end;
    this.names.push({ start, end, kind: KIND_OF[group], cue });
  }

  /** Names after a cue word at `index`, with the list continuation relations allow. */
  private afterCue(index: number, group: CueGroup): void {
    const cue = `cue ${this.words[index]!.lower}`;
    let next = index + 1;
    let gap = GAP_AFTER[group];
    // "spoke with Ann", "Patient's name - Mrs. Ines Roe": linking words and a title between cue and name.
    while ((group === 'contact' || group === 'patient') && this.gapFits(gap, index, next)) {
      const between = this.cuesOf(next);
      if (!between.includes('linker') && !between.includes('title-person')) break;
      gap = between.includes('title-person') ? TITLE_GAP : gap;
      index = next++;
    }
    if (!this.gapFits(gap, index, next)) return;
    const strength: Strength = STRENGTH_AFTER[group];
    let last = this.nameFrom(next, strength);
    if (last < 0) return;
    this.add(next, last, group, cue);
    // "Dr. Ash and Dr. Birch" is read cue by cue; "sons Al, Bo and Cy" and "Drs Ash and Birch" here.
    for (let listed = 1; listed < MAX_LISTED && group !== 'contact'; listed++) {
      const first = this.nextInList(last);
      if (first < 0 || this.cuesOf(first).length > 0) return;
      last = this.nameFrom(first, strength);
      if (last < 0) return;
      this.add(first, last, group, cue);
    }
  }

  /** Where the next name of a list starts after the name ending at `last` (", Bo", " and Bo", " & Bo"), or -1. */
  private nextInList(last: number): number {
    const next = last + 1;
    if (this.words[next]?.lower !== 'and') return this.gapFits(LIST_GAP, last, next) ? next : -1;
    return this.gapFits(AND_GAP, last, next) && this.gapFits(CONTACT_GAP, next, next + 1) ? next + 1 : -1;
  }

  /** "Ann Lee, RN": the name ends right before the credential, on the same line. */
  private beforeCredential(index: number): void {
    if (!this.gapFits(CREDENTIAL_GAP, index - 1, index)) return;
    const first = this.nameBefore(index - 1, 'strong');
    if (first >= 0) this.add(first, index - 1, 'credential', `cue ${this.words[index]!.lower}`);
  }

  /** "Ann (daughter)", "Ann, pt's daughter", "Ann Lee his niece": a name opening with a given name, before a relation. */
  private beforeRelation(index: number): void {
    let last = index - 1;
    let gap = BEFORE_RELATION_GAP;
    if (last > 0 && /^(?:pt|pts|pt's|patient|patient's|his|her|their)$/.test(this.words[last]!.lower)) {
      last--;
      gap = AFTER_POSSESSIVE_GAP;
    }
    if (!this.gapFits(gap, last, last + 1)) return;
    const first = this.nameBefore(last, 'strong');
    if (first >= 0 && this.lexicon.givenNames.has(this.words[first]!.lower)) {
      this.add(first, last, 'relative', `cue ${this.words[index]!.lower}`);
    }
  }

  /** "Lee aware.", "K. ONO NOTIFIED": a name opening the clause that ends in a reporting word. */
  private beforeReported(index: number): void {
    if (!this.gapFits(CONTACT_GAP, index - 1, index)) return;
    const first = this.nameBefore(index - 1, 'strong');
    if (first < 0) return;
    const before = this.text.slice(Math.max(0, this.words[first]!.start - 3), this.words[first]!.start);
    const opens = CLAUSE_START.test(before) || this.words[first - 1]?.lower === 'and';
    if (opens) this.add(first, index - 1, 'reported', `cue ${this.words[index]!.lower}`);
  }

  /**
   * No cue: a listed given name and a listed surname side by side, neither an ordinary word ("irene okafor");
   * where capitals mean something, a capitalised given name alone too ("once Natalie woke up").
   */
  private uncued(index: number): void {
    const [given, surname] = [this.words[index]!, this.words[index + 1]];
    const lex = this.lexicon;
    // Most words are no given name: the cheapest test first, as this runs on every word.
    if (!lex.givenNames.has(given.lower) || lex.common.has(given.lower) || !this.nameLike(index, 'weak'))
      return;
    const paired =
      surname !== undefined &&
      lex.surnames.has(surname.lower) &&
      !lex.common.has(surname.lower) &&
      this.gapFits(PAIR_GAP, index, index + 1) &&
      this.nameLike(index + 1, 'weak');
    if (paired)
      this.names.push({ start: given.start, end: surname.end, kind: 'person name', cue: LEXICON_CUE });
    else if (this.caseMatters && given.capital) {
      this.names.push({ start: given.start, end: given.end, kind: 'person name', cue: 'given name' });
    }
  }

  read(): Identifier[] {
    for (let i = 0; i < this.words.length; i++) {
      const groups = this.cuesOf(i);
      if (groups.length === 0) this.uncued(i);
      for (const group of groups) {
        if (group === 'credential') this.beforeCredential(i);
        else if (group === 'reported') this.beforeReported(i);
        else this.afterCue(i, group);
        if (group === 'relative') this.beforeRelation(i);
      }
    }
    return this.names;
  }
}

/**
 * One identifier per name where several cues found it ("Dr. Lee aware"): the first cue read wins, and a cue
 * wins over the lexicon alone, which says less about who the person is.
 */
const cueBeforeLexicon = (a: Identifier, b: Identifier): number =>
  Number(a.cue === LEXICON_CUE) - Number(b.cue === LEXICON_CUE);

/** Person names inside the passages, one identifier per name. */
export function personNames(text: string, passages: readonly Passage[]): Identifier[] {
  return passages.flatMap(({ start, end }) =>
    nonOverlapping(new NameReader(text, start, end).read(), cueBeforeLexicon),
  );
}
