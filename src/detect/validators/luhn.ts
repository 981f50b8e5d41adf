// Luhn (mod 10) and the payment-card issuer rules (ISO/IEC 7812; issuer ranges from the card networks'
// published BIN tables).
import { digitsOf } from './digits.ts';

/** Luhn checksum over a string of digits (the last digit is the check digit). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

interface Issuer {
  name: string;
  /** True when the PAN's leading digits belong to this issuer. */
  prefix: (pan: string) => boolean;
  lengths: readonly number[];
}

const leading = (pan: string, n: number): number => Number(pan.slice(0, n));
const within = (value: number, low: number, high: number): boolean => value >= low && value <= high;

const ISSUERS: readonly Issuer[] = [
  { name: 'visa', prefix: (p) => p.startsWith('4'), lengths: [16, 19] },
  {
    name: 'mastercard',
    prefix: (p) => within(leading(p, 2), 51, 55) || within(leading(p, 4), 2221, 2720),
    lengths: [16],
  },
  { name: 'amex', prefix: (p) => /^3[47]/.test(p), lengths: [15] },
  {
    name: 'discover',
    prefix: (p) => p.startsWith('6011') || within(leading(p, 3), 644, 649) || p.startsWith('65'),
    lengths: [16, 17, 18, 19],
  },
  { name: 'jcb', prefix: (p) => within(leading(p, 4), 3528, 3589), lengths: [16, 17, 18, 19] },
  { name: 'diners', prefix: (p) => /^(30[0-5]|36|3[89])/.test(p), lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'unionpay', prefix: (p) => p.startsWith('62'), lengths: [16, 17, 18, 19] },
  {
    name: 'maestro',
    prefix: (p) => /^(5018|5020|5038|5893|6304|6759|676[1-3])/.test(p),
    lengths: [12, 13, 14, 15, 16, 17, 18, 19],
  },
];

/** The issuer whose prefix and length fit the PAN, or undefined. */
export function cardIssuer(pan: string): string | undefined {
  return ISSUERS.find((issuer) => issuer.prefix(pan) && issuer.lengths.includes(pan.length))?.name;
}

/**
 * A payment card number: known issuer prefix and length, Luhn-valid, separators consistent. Not a run of 11
 * equal digits: issuers number no accounts that way, while register dumps are full of 4028000000000000.
 */
export function isPaymentCard(value: string): boolean {
  const separators = new Set(value.match(/\D/g) ?? []);
  if (separators.size > 1) return false;
  const pan = digitsOf(value);
  return cardIssuer(pan) !== undefined && !/(\d)\1{10}/.test(pan) && luhnValid(pan);
}
