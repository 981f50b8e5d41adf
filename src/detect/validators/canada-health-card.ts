// Canadian provincial health card numbers: Ontario (10 digits, Luhn, optional 2-letter version code), British
// Columbia PHN (9 and 9 digits, mod 11 with weights 2,4,8,5,10,9,7,3) and Québec RAMQ (4 letters, then the
// birth date with 50 added to the month for women, and 2 digits).
import { isRealDate, pastYear } from './calendar.ts';
import { digitsOf, isPlaceholderDigits, twoDigits, weightedSum } from './digits.ts';
import { luhnValid } from './luhn.ts';

function isBritishColumbiaPhn(d: string): boolean {
  const check = 11 - (weightedSum(d.slice(1), [2, 4, 8, 5, 10, 9, 7, 3]) % 11);
  return check === Number(d[9]);
}

function isQuebecRamq(v: string): boolean {
  const d = v.slice(4);
  return isRealDate(pastYear(twoDigits(d, 0)), twoDigits(d, 2) % 50, twoDigits(d, 4));
}

export function isCanadaHealthCard(value: string): boolean {
  const v = value.replace(/[\s-]/g, '').toUpperCase();
  if (/^[A-Z]{4}\d{8}$/.test(v)) return isQuebecRamq(v);
  const d = digitsOf(v);
  if (!/^\d{10}(?:[A-Z]{2})?$/.test(v) || isPlaceholderDigits(d)) return false;
  return d.startsWith('9') ? isBritishColumbiaPhn(d) || luhnValid(d) : luhnValid(d);
}
