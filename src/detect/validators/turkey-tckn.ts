// Turkish identity number (T.C. Kimlik No, NVİ): 11 digits, first not 0; digit 10 = (7 x odd-position sum - even-
// position sum) mod 10 over the first nine, digit 11 = sum of the first ten mod 10.
import { digitsOf, isPlaceholderDigits } from './digits.ts';

export function isTurkishIdentityNumber(value: string): boolean {
  const d = digitsOf(value).split('').map(Number);
  if (d.length !== 11 || d[0] === 0 || isPlaceholderDigits(d.join(''))) return false;
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = d.slice(0, 10).reduce((sum, n) => sum + n, 0) % 10;
  return tenth === d[9] && eleventh === d[10];
}
