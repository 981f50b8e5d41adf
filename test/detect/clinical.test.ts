// Health context: clinical passages by density of clinical vocabulary, in any letter case; engineering text
// that borrows a few clinical words stays out.
import { describe, expect, it } from 'vitest';
import { healthContext, isClinicalWord, mergePassages } from '../../src/detect/clinical.ts';
import { CLINICAL_NOTES, ENGINEERING_TEXTS } from './clinical-fixtures.ts';

describe('healthContext', () => {
  it.each(Object.entries(CLINICAL_NOTES))('finds the %s note clinical from end to end', (_style, note) => {
    expect(healthContext(note).passages).toEqual([{ start: 0, end: note.length }]);
  });

  it.each(Object.entries(ENGINEERING_TEXTS))('finds no clinical passage in the %s', (_kind, text) => {
    expect(healthContext(text).passages).toEqual([]);
  });

  it('keeps a clinical paragraph apart from a long engineering text around it', () => {
    const filler = 'The build step copies the assets and signs the bundle before upload. '.repeat(20);
    const text = filler + CLINICAL_NOTES.lowerCase + ' ' + filler;
    const [passage, ...rest] = healthContext(text).passages;
    expect(rest).toEqual([]);
    expect(passage!.start).toBeGreaterThan(filler.length - 400);
    expect(passage!.end).toBeLessThan(filler.length + CLINICAL_NOTES.lowerCase.length + 400);
  });

  it.each([
    ['Please refill her metformin', true, ['metformin', 'refill']],
    ['HR and BP dashboards', false, ['hr', 'bp']],
    ['nothing clinical here', false, []],
  ])('lists the terms of %j, specific ones first', (text, specific, terms) => {
    expect(healthContext(text)).toMatchObject({ passages: [], specific, terms });
  });

  it.each([
    ['cabg', true],
    ['lasix', true],
    ['hr', true],
    ['build', false],
  ])('isClinicalWord(%j) is %s', (word, expected) => {
    expect(isClinicalWord(word)).toBe(expected);
  });
});

describe('mergePassages', () => {
  it.each([
    [[], []],
    [
      [
        { start: 10, end: 20 },
        { start: 0, end: 5 },
        { start: 15, end: 30 },
      ],
      [
        { start: 0, end: 5 },
        { start: 10, end: 30 },
      ],
    ],
    [
      [
        { start: 0, end: 5 },
        { start: 5, end: 8 },
      ],
      [{ start: 0, end: 8 }],
    ],
  ])('merges %j', (input, expected) => {
    expect(mergePassages(input)).toEqual(expected);
  });
});
