// Irish PPS number (Revenue: 7 digits weighted 8..2, the optional second letter weighted 9, mod 23 gives the
// check letter) and Swiss AHV/AVS number (756 and 10 digits with an EAN-13 check digit).
import { digitsOf, isPlaceholderDigits, weightedSum } from './digits.ts';

const PPS_LETTERS = 'WABCDEFGHIJKLMNOPQRSTUV';

export function isIrishPpsn(value: string): boolean {
  const m = /^(\d{7})([A-W])([A-Z]?)$/.exec(value.replace(/[\s-]/g, '').toUpperCase());
  if (!m || isPlaceholderDigits(m[1]!)) return false;
  const [, digits = '', check = '', second = ''] = m;
  // Since 2013 a second letter A, B or H counts (A = 1); W, T, X are older suffixes that do not.
  const secondValue = /[ABH]/.test(second) ? second.charCodeAt(0) - 64 : 0;
  return PPS_LETTERS[(weightedSum(digits, [8, 7, 6, 5, 4, 3, 2]) + 9 * secondValue) % 23] === check;
}

export function isSwissAhv(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 13 || !d.startsWith('756')) return false;
  const sum = weightedSum(d, [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]);
  return (10 - (sum % 10)) % 10 === Number(d[12]);
}
