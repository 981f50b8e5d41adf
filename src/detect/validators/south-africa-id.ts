// South African identity number (Department of Home Affairs): YYMMDD, 4-digit sequence (sex), citizenship digit
// (0 citizen, 1 permanent resident, 2 refugee), a digit (formerly race, now 8 or 9), Luhn check digit.
import { isRealDate, pastYear } from './calendar.ts';
import { digitsOf, isPlaceholderDigits, twoDigits } from './digits.ts';
import { luhnValid } from './luhn.ts';

export function isSouthAfricanId(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 13 || !/^[012]$/.test(d[10]!) || isPlaceholderDigits(d)) return false;
  return isRealDate(pastYear(twoDigits(d, 0)), twoDigits(d, 2), twoDigits(d, 4)) && luhnValid(d);
}
