// The grammar of person-name cues (rules/lists/person-cues.txt) for names.ts: which group each cue word
// belongs to, what kind of name each group announces, how much the word after it must prove, and which
// characters may stand between a cue and a name.
import { readGroupedList } from './word-list.ts';

export type CueGroup =
  | 'title-clinician'
  | 'title-role'
  | 'title-person'
  | 'patient'
  | 'relative'
  | 'credential'
  | 'contact'
  | 'linker'
  | 'reported';

/** How much a word must prove to be taken for a name; see NameReader.nameLike in names.ts. */
export type Strength = 'extension' | 'strong' | 'medium' | 'weak';

export const KIND_OF: Record<CueGroup, string> = {
  'title-clinician': 'clinician name',
  'title-role': 'clinician name',
  'title-person': 'person name',
  patient: 'patient name',
  relative: 'relative name',
  credential: 'clinician name',
  contact: 'person name',
  linker: 'person name',
  reported: 'person name',
};

/** What the word right after each cue must prove. */
export const STRENGTH_AFTER: Record<CueGroup, Strength> = {
  'title-clinician': 'strong',
  'title-person': 'strong',
  relative: 'strong',
  credential: 'strong',
  reported: 'strong',
  'title-role': 'medium',
  patient: 'medium',
  contact: 'weak',
  linker: 'weak',
};

// Gaps: between a title and the name ("Dr. ", "MR "), a relation and the name ("daughter (", "DAUGHTER-",
// "son, "), the words of one name ("Ann Lee", "C. Lee", "Forman-Lyons"), and names of a list (", ", " and ").
export const TITLE_GAP = /^\.?[ \t]{0,2}$/;
const RELATION_GAP = /^(?:['’]s)?[ \t]{0,2}[:,(&"-]?[ \t]{0,2}"?$/;
const PATIENT_GAP = /^[ \t]{0,2}[:-]?[ \t]{0,2}$/;
export const CONTACT_GAP = /^[ \t]{1,2}$/;
/** After a role, the name may stand in brackets ("RN (Ann)"). */
const ROLE_GAP = /^[ \t]{1,2}\(?$/;
export const NAME_GAP = /^(?: |-|\. ?)$/;
export const LIST_GAP = /^(?:, ?| ?& ?)$/;
/** Before the word "and" that joins the last name of a list. */
export const AND_GAP = /^,? $/;
export const CREDENTIAL_GAP = /^,?[ \t]{1,2}$|^,$/;
export const BEFORE_RELATION_GAP = /^[ \t]*[,(][ \t]*$/;
export const AFTER_POSSESSIVE_GAP = /^[ \t]*[,(]?[ \t]*$/;
/** What may end the text before a name that opens a clause ("... 1400. Lee aware"). */
export const CLAUSE_START = /[.;:!?\n(-][ \t"]*$|^$/;
export const PAIR_GAP = /^ $/;

/** The text allowed between a cue and the name after it (credential and reported cues follow the name). */
export const GAP_AFTER: Record<CueGroup, RegExp | undefined> = {
  'title-clinician': TITLE_GAP,
  'title-role': ROLE_GAP,
  'title-person': TITLE_GAP,
  patient: PATIENT_GAP,
  relative: RELATION_GAP,
  contact: CONTACT_GAP,
  credential: undefined,
  linker: undefined,
  reported: undefined,
};

/** Most words of a name; a run stops there. */
export const MAX_NAME_WORDS = 4;
/** Most names in one list after a cue ("sons Al, Bo and Cy"). */
export const MAX_LISTED = 4;

let cues: Map<string, CueGroup[]> | undefined;

/** Cue word -> its groups ("np" is a title and a credential). */
export function cueTable(): Map<string, CueGroup[]> {
  if (cues) return cues;
  cues = new Map();
  for (const [group, words] of readGroupedList('person-cues.txt')) {
    for (const word of words) cues.set(word, [...(cues.get(word) ?? []), group as CueGroup]);
  }
  return cues;
}
