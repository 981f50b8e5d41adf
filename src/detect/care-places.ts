// Hospital, clinic and ward names in a clinical passage. Three shapes, each anchored on a cue word
// (rules/lists/place-cues.txt), never on capitals alone since notes are often all capitals or all lower case:
// - a name before a facility word: "Mercy Hospital", "oak hill rehab", "Chester River Heart Center";
// - a name after "St."/"Saint": "St. Agnes";
// - a name after a movement and a preposition: "transferred to Harlow 4", "came from GMH", "lives in Dover".
// The name is a word that is not ordinary English nor clinical vocabulary; before a facility word, ordinary
// words that name facilities ("Sacred Heart", "General") count too.
import { isClinicalWord, type Passage } from './clinical.ts';
import { longerFirst, nonOverlapping, type Identifier } from './identifier.ts';
import { nameLexicon, type NameLexicon } from './name-lexicon.ts';
import { WordReader } from './passage-words.ts';
import { readGroupedSets } from './word-list.ts';

/** Most words of a facility's name before its facility word. */
const MAX_FACILITY_WORDS = 3;
const SPACE_GAP = /^[ \t]{1,2}$|^\.[ \t]{0,2}$|^-$/;
const SAINT_GAP = /^\.?[ \t]{1,2}$|^\.$/;

interface PlaceCues {
  facility: Set<string>;
  facilityName: Set<string>;
  namedBy: Set<string>;
  department: Set<string>;
  wardPreposition: Set<string>;
  saint: Set<string>;
  movement: Set<string>;
  preposition: Set<string>;
  notPlace: Set<string>;
}

let placeCues: PlaceCues | undefined;

function cues(): PlaceCues {
  if (placeCues) return placeCues;
  const set = readGroupedSets('place-cues.txt');
  placeCues = {
    facility: set('facility'),
    facilityName: set('facility-name'),
    namedBy: set('named-by'),
    department: set('department'),
    wardPreposition: set('ward-preposition'),
    saint: set('saint'),
    movement: set('movement'),
    preposition: set('preposition'),
    notPlace: set('not-place'),
  };
  return placeCues;
}

class PlaceReader extends WordReader {
  readonly places: Identifier[] = [];
  private readonly cues = cues();
  private readonly lexicon: NameLexicon = nameLexicon();

  private joined(left: number, right: number): boolean {
    return this.gapFits(SPACE_GAP, left, right);
  }

  /**
   * A word that can name a place: not clinical vocabulary, and either not ordinary English or, where capitals
   * mean something, a capitalised name from the lexicons ("Franklin", "White").
   */
  private proper(index: number): boolean {
    const word = this.words[index];
    if (!word || word.lower.length < 2) return false;
    const bare = word.lower.replace(/['’]s$/, '');
    if (this.cues.notPlace.has(bare) || this.lexicon.notNames.has(bare) || isClinicalWord(bare)) return false;
    if (!this.lexicon.common.has(bare)) return true;
    const listed = this.lexicon.surnames.has(bare) || this.lexicon.givenNames.has(bare);
    return listed && this.caseMatters && word.capital;
  }

  /** A listed given name or surname that is not ordinary English ("Agnes", "Mary's"). */
  private listedName(index: number): boolean {
    const bare = this.words[index]!.lower.replace(/['’]s$/, '');
    const { givenNames, surnames, common } = this.lexicon;
    return (givenNames.has(bare) || surnames.has(bare)) && !common.has(bare) && !isClinicalWord(bare);
  }

  private add(first: number, last: number, cue: string, kind = 'hospital or clinic'): void {
    this.places.push({ start: this.words[first]!.start, end: this.words[last]!.end, kind, cue });
  }

  /** "General", "Sacred", "Memorial": ordinary words that name a facility on their own. */
  private facilityName(index: number): boolean {
    const word = this.words[index];
    return word !== undefined && this.cues.facilityName.has(word.lower.replace(/['’]s$/, ''));
  }

  /** A word that may stand in a facility's name: not a function word, a filler ("the", "outside") or clinical. */
  private nameWord(index: number): boolean {
    const word = this.words[index];
    if (!word) return false;
    const bare = word.lower.replace(/['’]s$/, '');
    if (this.cues.notPlace.has(bare) || isClinicalWord(bare)) return false;
    return bare === 'of' || !this.lexicon.notNames.has(bare);
  }

  /**
   * "Mercy Hospital", "University of Maryland hospital", "taken to Union Hospital": up to three words before the
   * facility word at `index`. One of them must name it (a proper word, or "General", "Sacred"...), unless the
   * words follow "to", "from", "at" or "in": "medical center" alone names nothing.
   */
  private beforeFacility(index: number): void {
    let first = index;
    while (index - first < MAX_FACILITY_WORDS && this.joined(first - 1, first) && this.nameWord(first - 1))
      first--;
    while (first < index && this.words[first]!.lower === 'of') first++;
    if (first === index) return;
    let named = this.afterPreposition(first);
    for (let k = first; k < index; k++) named ||= this.proper(k) || this.facilityName(k);
    if (named) this.add(first, index, `cue ${this.words[index]!.lower}`);
  }

  /** "to Harlow 4", "from KENT 2": a proper word and a ward number after "to" or "from" at `index`. */
  private ward(index: number): void {
    const next = index + 1;
    if (!this.joined(index, next) || !this.proper(next)) return;
    const after = this.text.slice(this.words[next]!.end, this.words[next]!.end + 6);
    if (/^ {1,2}\d{1,2}(?![\d%:/]|\.\d)(?! ?(?:mg|mcg|ml|cc|l|units?|hrs?|hours?|days?|x)\b)/i.test(after)) {
      this.add(next, next, 'ward number', 'ward');
    }
  }

  /** Whether the word at `index` follows "to", "from", "at" or "in". */
  private afterPreposition(index: number): boolean {
    return this.joined(index - 1, index) && this.cues.preposition.has(this.words[index - 1]!.lower);
  }

  /** "at Holy Cross", "to Sacred Heart": a facility's opening word, after a preposition, and the word after it. */
  private namedBy(index: number): void {
    const next = index + 1;
    if (!this.afterPreposition(index) || !this.joined(index, next) || !this.nameWord(next)) return;
    if (this.lexicon.notNames.has(this.words[next]!.lower)) return;
    if (this.caseMatters && !(this.words[index]!.capital && this.words[next]!.capital)) return;
    this.add(index, next, `cue ${this.words[index]!.lower}`);
  }

  /** "to GMH cath lab", "presented to Oakdale ED": a proper word owning the department at `index`. */
  private beforeDepartment(index: number): void {
    const owner = index - 1;
    if (!this.joined(owner, index) || !this.proper(owner)) return;
    if (!this.cues.preposition.has(this.words[owner - 1]?.lower ?? '') || !this.joined(owner - 1, owner))
      return;
    this.add(owner, owner, `cue ${this.words[index]!.lower}`);
  }

  /**
   * "St. Agnes", "Saint Luke's": a listed name after the cue at `index`. Only a listed name, because "ST" is
   * also sinus tachycardia and the ST segment ("ST no ectopy", "ST changes").
   */
  private afterSaint(index: number): void {
    const next = index + 1;
    if (!this.gapFits(SAINT_GAP, index, next) || !this.listedName(next)) return;
    if (this.caseMatters && !this.words[next]!.capital) return;
    this.add(index, next, 'cue saint');
  }

  /** "transferred to Harlow 4", "came from GMH": the name after a movement word and a preposition. */
  private afterMovement(index: number): void {
    let next = index + 1;
    if (!this.joined(index, next) || !this.cues.preposition.has(this.words[next]!.lower)) return;
    if (this.words[next + 1]?.lower === 'the' && this.joined(next, next + 1)) next++;
    next++;
    if (!this.joined(next - 1, next) || !this.proper(next)) return;
    let last = next;
    while (last - next < 2 && this.joined(last, last + 1) && this.proper(last + 1)) last++;
    this.add(next, last, `cue ${this.words[index]!.lower}`, 'place');
  }

  read(): Identifier[] {
    for (let i = 0; i < this.words.length; i++) {
      const lower = this.words[i]!.lower;
      if (this.cues.facility.has(lower)) this.beforeFacility(i);
      if (this.cues.saint.has(lower)) this.afterSaint(i);
      if (this.cues.movement.has(lower)) this.afterMovement(i);
      if (this.cues.wardPreposition.has(lower)) this.ward(i);
      if (this.cues.namedBy.has(lower)) this.namedBy(i);
      if (this.cues.department.has(lower)) this.beforeDepartment(i);
    }
    return this.places;
  }
}

export function carePlaces(text: string, passages: readonly Passage[]): Identifier[] {
  return passages.flatMap(({ start, end }) =>
    nonOverlapping(new PlaceReader(text, start, end).read(), longerFirst),
  );
}
