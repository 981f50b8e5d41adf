// United States identifiers with structural rules or checksums: SSN, ITIN, EIN (IRS/SSA numbering rules) and the
// ABA routing transit number (ABA checksum 3-7-1).
import { digitsOf, isPlaceholderDigits, weightedSum } from './digits.ts';

// Numbers the SSA voided after they were published (advertising and the Woolworth wallet card).
const VOIDED_SSNS = new Set(['078051120', '219099999']);

/** SSN structure: area not 000, 666 or 900-999; group not 00; serial not 0000. */
export function isUsSsn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || VOIDED_SSNS.has(d)) return false;
  const area = d.slice(0, 3);
  return area !== '000' && area !== '666' && d[0] !== '9' && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

/** ITIN: starts with 9, group (digits 4-5) in 50-65, 70-88, 90-92 or 94-99. */
export function isUsItin(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || d[0] !== '9') return false;
  const group = Number(d.slice(3, 5));
  return (
    (group >= 50 && group <= 65) ||
    (group >= 70 && group <= 88) ||
    (group >= 90 && group <= 92) ||
    group >= 94
  );
}

/** ABA routing number: Federal Reserve prefix (00-12, 21-32, 61-72, 80) and the 3-7-1 weighted checksum. */
export function isAbaRouting(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9) return false;
  const prefix = Number(d.slice(0, 2));
  const prefixOk =
    prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  return prefixOk && d !== '000000000' && weightedSum(d, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0;
}

// EIN prefixes the IRS has never assigned to a campus or the online application.
const UNUSED_EIN_PREFIXES = new Set([
  '00',
  '07',
  '08',
  '09',
  '17',
  '18',
  '19',
  '28',
  '29',
  '49',
  '69',
  '70',
  '78',
  '79',
  '89',
  '96',
  '97',
]);

/** EIN: 9 digits written NN-NNNNNNN, with an assigned 2-digit prefix. */
export function isUsEin(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 9 && !UNUSED_EIN_PREFIXES.has(d.slice(0, 2)) && !isPlaceholderDigits(d);
}
