// The vocabulary scanner behind health context: whole words, any letter case, clinical shorthand kept whole.
import { describe, expect, it } from 'vitest';
import { TermTable } from '../../src/detect/term-table.ts';

const table = new TermTable(['cabg', 's/p', 'a&o', 'bp', 'blood pressure', 'self-harm', 'müller']);
const termsIn = (text: string) => table.scan(text).hits.map((h) => table.terms[h.term]);

describe('TermTable.scan', () => {
  it.each([
    ['PMH: CABG x3, BP stable', ['cabg', 'bp']],
    ['pt s/p cabg, a&o x3', ['s/p', 'cabg', 'a&o']],
    ['Blood Pressure 120/80', ['blood pressure']],
    ['blood-pressure and blood  pressure', ['blood pressure']],
    ['history of self harm', ['self-harm']],
    ['Frau MÜLLER', ['müller']],
    ['cabgs, bpm, subpressure, xs/p, 2cabg', []],
    ['src/p and 120/80 and s/pa', []],
    ['', []],
  ])('finds %j', (text, expected) => {
    expect(termsIn(text)).toEqual(expected);
  });

  it.each([
    ['one two three', 3],
    ['s/p CABG', 2],
    ['  ', 0],
    ['naïve café 😀 word', 3],
  ])('counts the words of %j', (text, words) => {
    expect(table.scan(text).words).toBe(words);
  });

  it('gives each hit its offsets and word ordinal', () => {
    expect(table.scan('note: BP low, s/p CABG').hits).toEqual([
      { term: 3, start: 6, end: 8, word: 1 },
      { term: 1, start: 14, end: 17, word: 3 },
      { term: 0, start: 18, end: 22, word: 4 },
    ]);
  });

  it.each([
    ['cabg', true],
    ['blood pressure', true],
    ['blood', false],
    ['cab', false],
  ])('has(%j) is %s', (term, expected) => {
    expect(table.has(term)).toBe(expected);
  });

  it.each([['three words term'], ['a  b'], ['-x']])('rejects the malformed term %j', (term) => {
    expect(() => new TermTable([term])).toThrow(/one or two words/);
  });
});
