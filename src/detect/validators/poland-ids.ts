// Polish PESEL (birth date with the century in the month, check digit with weights 1,3,7,9) and NIP (tax number,
// weights 6,5,7,2,3,4,5,6,7 mod 11).
import { isRealDate } from './calendar.ts';
import { digitsOf, isPlaceholderDigits, twoDigits, weightedSum } from './digits.ts';

/** Month offsets by century: +80 for the 1800s, +0 1900s, +20 2000s, +40 2100s, +60 2200s. */
const CENTURY_OF_OFFSET = [1900, 2000, 2100, 2200, 1800];

export function isPolishPesel(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || isPlaceholderDigits(d)) return false;
  const codedMonth = twoDigits(d, 2);
  const century = CENTURY_OF_OFFSET[Math.floor(codedMonth / 20)];
  if (century === undefined || !isRealDate(century + twoDigits(d, 0), codedMonth % 20, twoDigits(d, 4)))
    return false;
  return (10 - (weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10 === Number(d[10]);
}

export function isPolishNip(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10 || isPlaceholderDigits(d)) return false;
  return weightedSum(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === Number(d[9]);
}
