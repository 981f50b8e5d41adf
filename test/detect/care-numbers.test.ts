// Phone, pager, record, account and bed numbers in clinical passages.
import { describe, expect, it } from 'vitest';
import { careNumbers } from '../../src/detect/care-numbers.ts';

const numbersIn = (text: string) =>
  careNumbers(text, [{ start: 0, end: text.length }]).map((id) => [id.kind, text.slice(id.start, id.end)]);

describe('careNumbers', () => {
  it.each([
    ['call dtr at 410-555-0142', [['phone number', '410-555-0142']]],
    [
      'son (212) 555 0178 or 212 - 555 - 0179',
      [
        ['phone number', '(212) 555 0178'],
        ['phone number', '212 - 555 - 0179'],
      ],
    ],
    ['daughter---301 555-0164 & home', [['phone number', '301 555-0164']]],
    [
      'Pager 48213, ext. 4471',
      [
        ['phone number', '48213'],
        ['phone number', '4471'],
      ],
    ],
    [
      'MRN: 00482913, acct # 7731-220',
      [
        ['record number', '00482913'],
        ['record number', '7731-220'],
      ],
    ],
    [
      'moved to bed 12, then bed #4B',
      [
        ['bed number', '12'],
        ['bed number', '4B'],
      ],
    ],
  ])('finds the numbers in %j', (text, expected) => {
    expect(numbersIn(text)).toEqual(expected);
  });

  it.each([
    ['BP 120/80, HR 88, 2021-08-03'],
    ['version 10.2.3.4567 build 221-553'],
    ['x2 doses, bed bath, room 4, room air'],
    ['12-31-2021 and 1234567890123'],
  ])('finds no number in %j', (text) => {
    expect(numbersIn(text)).toEqual([]);
  });
});
