// Hospital, clinic and ward names in clinical passages, anchored on facility, saint and movement cues.
import { describe, expect, it } from 'vitest';
import { carePlaces } from '../../src/detect/care-places.ts';

const placesIn = (text: string) =>
  carePlaces(text, [{ start: 0, end: text.length }]).map((id) => text.slice(id.start, id.end));

describe('carePlaces', () => {
  it.each([
    ['Transferred from Oakhaven Memorial Hospital for cath', ['Oakhaven Memorial Hospital']],
    ['pt came from university of vermontia hospital overnight', ['university of vermontia hospital']],
    ['TAKEN TO UNION HOSPITAL WHERE EKG POSITIVE', ['UNION HOSPITAL']],
    ['to go to Sacred Heart hospital tomorrow', ['Sacred Heart hospital']],
    ['works at Brackwell Memorial as an aide', ['Brackwell Memorial']],
    ['to transfer to St. Agnes after weaning', ['St. Agnes']],
    ["will go back to Saint Luke's", ["Saint Luke's"]],
    ['med-flighted to GMH for emergent cath', ['GMH']],
    ['admitted from Thornbury rehab with pneumonia', ['Thornbury rehab']],
    ['PLAN: TRANSFER TO HARLOWE 4 WHEN BED AVAILABLE', ['HARLOWE']],
    ['pt to kestrelton 2 this am', ['kestrelton']],
    ['belongings found from kestrelton 5. will call', ['kestrelton']],
    ['PLAN: TRANSFER HARLOWE 2.', ['HARLOWE']],
    ['had a valve replaced at Holy Cross last year', ['Holy Cross']],
    ['presented to GMH cath lab with chest pain', ['GMH']],
  ])('finds the places in %j', (text, expected) => {
    expect(placesIn(text)).toEqual(expected);
  });

  it.each([
    ['HR 110s ST no ectopy, ST changes on EKG'],
    ['on 1st step mattress'],
    ['transferred to floor, then to the hospital'],
    ['sent to lab and radiology, return to ICU'],
    ['went to outside hospital first'],
    ['pt to bed 2 after lunch'],
    ['increase to neo 2 mcg'],
    ['medical center staff aware'],
    ['a holy mess, then to the ICU'],
    ['pt to ccu, then to ED'],
    ['increase to 2.5 mcg, titrate to levo 2'],
  ])('finds no place in %j', (text) => {
    expect(placesIn(text)).toEqual([]);
  });

  it.each([
    ['Oakhaven Memorial Hospital', 'hospital or clinic', 'cue hospital'],
    ['to transfer to St. Agnes', 'hospital or clinic', 'cue saint'],
    ['med-flighted to GMH', 'place', 'cue flighted'],
    ['TRANSFER TO HARLOWE 4', 'place', 'cue transfer'],
    ['pt to kestrelton 2 this am', 'ward', 'ward number'],
  ])('says what %j is and why', (text, kind, cue) => {
    expect(carePlaces(text, [{ start: 0, end: text.length }]).at(-1)).toMatchObject({ kind, cue });
  });
});
