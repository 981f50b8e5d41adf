// Japanese My Number (Cabinet Office: 11 digits and a mod-11 check digit), Chinese resident identity number
// (GB 11643-1999: area, birth date, serial, ISO 7064 MOD 11-2 check character) and Thai national identification
// number (13 digits, weights 13..2, check = (11 - sum mod 11) mod 10).
import { isRealDate } from './calendar.ts';
import { digitsOf, isPlaceholderDigits, weightedSum } from './digits.ts';

export function isJapanMyNumber(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 12 || isPlaceholderDigits(d)) return false;
  // Weight of the n-th digit from the right (n = 1..11): n + 1 up to 6, n - 5 from 7 on.
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(d[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const remainder = sum % 11;
  return (remainder <= 1 ? 0 : 11 - remainder) === Number(d[11]);
}

const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_CHECK = '10X98765432';

export function isChineseResidentId(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[1-8]\d{16}[\dX]$/.test(v)) return false;
  if (!isRealDate(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return false;
  return CN_CHECK[weightedSum(v, CN_WEIGHTS) % 11] === v[17];
}

export function isThaiNationalId(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 13 || !/^[1-8]/.test(d) || isPlaceholderDigits(d)) return false;
  const sum = weightedSum(d, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return (11 - (sum % 11)) % 10 === Number(d[12]);
}
