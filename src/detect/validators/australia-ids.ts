// Australian Business Number (ABR: subtract 1 from the first digit, weights 10,1,3,...,19, sum divisible by 89),
// Australian Company Number (ASIC: weights 8..1, complement mod 10) and Medicare card number (Services Australia:
// first digit 2-6, check digit 9th with weights 1,3,7,9, then the issue number and optional IRN).
import { digitsOf, isPlaceholderDigits, weightedSum } from './digits.ts';

export function isAustralianAbn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || d[0] === '0' || isPlaceholderDigits(d)) return false;
  const shifted = `${Number(d[0]) - 1}${d.slice(1)}`;
  return weightedSum(shifted, [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) % 89 === 0;
}

export function isAustralianAcn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || isPlaceholderDigits(d)) return false;
  return (10 - (weightedSum(d, [8, 7, 6, 5, 4, 3, 2, 1]) % 10)) % 10 === Number(d[8]);
}

export function isAustralianMedicare(value: string): boolean {
  const d = digitsOf(value);
  if ((d.length !== 10 && d.length !== 11) || !/^[2-6]/.test(d) || d[9] === '0') return false;
  return weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === Number(d[8]);
}
