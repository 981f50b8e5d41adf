// Person names in clinical passages, found by cue words and name lexicons in any letter case; ordinary words
// after a cue ("Dr. aware", "daughter called") are not names.
import { describe, expect, it } from 'vitest';
import { personNames } from '../../src/detect/names.ts';

const namesIn = (text: string) =>
  personNames(text, [{ start: 0, end: text.length }]).map((id) => text.slice(id.start, id.end));

describe('personNames', () => {
  it.each([
    ['Dr. Okonkwo aware of K 5.9.', ['Okonkwo']],
    ['DR HALVORSEN AND WEXLER AT BEDSIDE', ['HALVORSEN', 'WEXLER']],
    ['per dr przybyszewski, hold lasix', ['przybyszewski']],
    ['discussed plan with Dr. Ann Lindqvist today', ['Ann Lindqvist']],
    ['Dr. B. Castellano in to see pt', ['B. Castellano']],
    ['daughter Rosalind called twice', ['Rosalind']],
    ['SONS ELIAS, MATTEO AND BRUNO VISITED', ['ELIAS', 'MATTEO', 'BRUNO']],
    ['social: dtr-priscilla at bedside', ['priscilla']],
    ['Imelda (wife) at bedside overnight', ['Imelda']],
    ['Contact is Gwendolyn Fairweather his niece', ['Gwendolyn Fairweather']],
    ['Tomasz Wierzbicki, RN', ['Tomasz Wierzbicki']],
    ['ROSALIND T. ABERNATHY RRT', ['ROSALIND T. ABERNATHY']],
    ['K 3.1 at 0400. Lindqvist aware, repleted.', ['Lindqvist']],
    ['NP Delacroix notified of rash', ['Delacroix']],
    ['Patient: Jane Roe was started on insulin', ['Jane Roe']],
    ["Patient's name - Mrs. Ines Duarte; chemotherapy cycle 2", ['Ines Duarte']],
    ['name is Barbara Ostrowski, phone in chart', ['Barbara Ostrowski']],
    ['pt seen by Yolanda Pacheco this am', ['Yolanda Pacheco']],
    ['later Marisol Quintero visited', ['Marisol Quintero']],
    ['Lungs clear. RN (Edwin) has followed up.', ['Edwin']],
    ['barbara j. okafor bsn/rn', ['barbara j. okafor']],
    ['valuables counted by nsg (d. renna and j. okafor)', ['d. renna', 'j. okafor']],
    ['Sedated, but once Natalie woke up she followed commands', ['Natalie']],
  ])('finds the names in %j', (text, expected) => {
    expect(namesIn(text)).toEqual(expected);
  });

  it.each([
    'Dr. aware, will follow.',
    'daughter called, updated on plan',
    'per protocol, labs at 0400',
    'HO aware of low u/o',
    'MD NOTIFIED. WILL RECHECK.',
    'pt denies pain, pt refused meds',
    "Vent changed per RA 10, PVC's noted",
    'wife will call tonight',
    'Pt Spanish speaking, son to translate',
    'transferred to floor, family aware',
    'Max temp 101.2 on Sunday, LUE weak',
    'natalie woke up, Pt. Agitated',
  ])('finds no name in %j', (text) => {
    expect(namesIn(text)).toEqual([]);
  });

  it.each([
    ['Dr. Okonkwo aware', 'clinician name', 'cue dr'],
    ['daughter Rosalind called', 'relative name', 'cue daughter'],
    ['Tomasz Wierzbicki, RN', 'clinician name', 'cue rn'],
    ['Patient: Jane Roe', 'patient name', 'cue patient'],
    ['later Marisol Quintero visited', 'person name', 'name lexicon'],
  ])('says what %j is and why', (text, kind, cue) => {
    expect(personNames(text, [{ start: 0, end: text.length }])[0]).toMatchObject({ kind, cue });
  });

  it('reads only inside the passages', () => {
    const text = 'Dr. Okonkwo aware. '.repeat(3);
    expect(personNames(text, [{ start: 19, end: 38 }]).map((id) => id.start)).toEqual([23]);
  });
});
