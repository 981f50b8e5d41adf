// Dates of care in every written form, ages over 89, and the slash pairs of clinical text that are not dates.
import { describe, expect, it } from 'vitest';
import { careDates } from '../../src/detect/care-dates.ts';

const datesIn = (text: string) =>
  careDates(text, [{ start: 0, end: text.length }]).map((id) => text.slice(id.start, id.end));

describe('careDates', () => {
  it.each([
    ['admitted 7/22 with sob', ['7/22']],
    ['s/p stent 08/03/21, cath 8-3-2021', ['08/03/21', '8-3-2021']],
    ['labs since 2021-08-03', ['2021-08-03']],
    ['cultures from 10/15-10/16 pending', ['10/15', '10/16']],
    ['PTCA to LAD 12/82', ['12/82']],
    ['extubated on 3-4, weaned since 11-2', ['3-4', '11-2']],
    ['seen July 22nd and 22 Jul', ['July 22nd', '22 Jul']],
    ['MARCH OF 1993 AND DEC. 5, 2019', ['MARCH OF 1993', 'DEC. 5, 2019']],
    ['hospitalized in August for pneumonia', ['August']],
    ['line placed on the 11th', ['11th']],
    ["PMH: CABG '92, MI 88', HTN", ["'92", "88'"]],
    ['smoked until the 1980s; quit in 1999', ['1980s', '1999']],
    ['94 yo woman, age 101, 96-year-old', ['94', '101', '96']],
  ])('finds the dates and ages in %j', (text, expected) => {
    expect(datesIn(text)).toEqual(expected);
  });

  it.each([
    ['PSV 10/5, PEEP 5/5 overnight'],
    ['BIPAP overnight 12/6, FiO2 40%'],
    ['BP 90/50, HR 110'],
    ['D5 1/2 NS at 75/hr, 3/4 strength tube feeds'],
    ['c/o 6/10 chest pain, later 3/10 pain'],
    ['blood cx 2/4 bottles positive'],
    ['2-3 L NC, increased to 3-4 L'],
    ['Dec 5 mg, may 2 units more'],
    ['K 3.1, Mg 1.8, 12:30 and 1400'],
    ['88 yo man, age 45'],
    ['may consider it in march'],
  ])('finds no date in %j', (text) => {
    expect(datesIn(text)).toEqual([]);
  });

  it.each([
    ['admitted 7/22', 'date of care', 'month/day'],
    ['94 yo woman', 'age over 89', 'age'],
  ])('says what %j holds and which form', (text, kind, cue) => {
    expect(careDates(text, [{ start: 0, end: text.length }])[0]).toMatchObject({ kind, cue });
  });
});
