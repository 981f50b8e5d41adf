// Dutch burgerservicenummer (elfproef: weights 9..2 and -1, sum divisible by 11) and Belgian national number
// (rijksregisternummer / numéro national: birth date, serial, check = 97 - number mod 97; births from 2000 on put
// a 2 before the first nine digits).
import { isRealDate } from './calendar.ts';
import { digitsOf, isPlaceholderDigits, twoDigits, weightedSum } from './digits.ts';

export function isDutchBsn(value: string): boolean {
  const d = digitsOf(value).padStart(9, '0');
  if (d.length !== 9 || isPlaceholderDigits(d)) return false;
  return (weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2]) - Number(d[8])) % 11 === 0;
}

/** Month and day may be 0 (unknown); BIS numbers add 20 or 40 to the month. */
function plausibleBirthDate(year: number, month: number, day: number): boolean {
  const realMonth = month % 20;
  if (month > 52 || realMonth > 12) return false;
  if (realMonth === 0 || day === 0) return day <= 31;
  return isRealDate(year, realMonth, day);
}

export function isBelgianNationalNumber(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || isPlaceholderDigits(d)) return false;
  const body = Number(d.slice(0, 9));
  const check = Number(d.slice(9));
  const yy = twoDigits(d, 0);
  const month = twoDigits(d, 2);
  const day = twoDigits(d, 4);
  if (97 - (body % 97) === check) return plausibleBirthDate(1900 + yy, month, day);
  return 97 - ((2_000_000_000 + body) % 97) === check && plausibleBirthDate(2000 + yy, month, day);
}
