// UK identifiers: NHS number (NHS Data Dictionary, modulus 11), Unique Taxpayer Reference (HMRC, modulus 11 with
// the check digit first), DVLA driving licence number (date of birth inside), and postcode structure (Royal Mail).
import { isRealDate } from './calendar.ts';
import { digitsOf, isPlaceholderDigits, weightedSum } from './digits.ts';

/** NHS number: weights 10..2 on the first nine digits; check = 11 - sum mod 11 (11 is 0, 10 is never issued). */
export function isNhsNumber(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10 || isPlaceholderDigits(d)) return false;
  const check = 11 - (weightedSum(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return (check === 11 ? 0 : check) === Number(d[9]);
}

const UTR_CHECK = '21987654321';

/** UTR: 10 digits (13 with a leading office code); the first digit checks the other nine (weights 6..2). */
export function isUkUtr(value: string): boolean {
  const all = digitsOf(value);
  if (all.length !== 10 && all.length !== 13) return false;
  const d = all.slice(-10);
  if (isPlaceholderDigits(d)) return false;
  return UTR_CHECK[weightedSum(d.slice(1), [6, 7, 8, 9, 10, 5, 4, 3, 2]) % 11] === d[0];
}

/**
 * DVLA licence number: 5 surname characters, decade, month (+50 for women), day, year digit, 2 initials, a digit
 * and 2 check characters. The birth month and day must be real (checked against a leap year).
 */
export function isUkDrivingLicence(value: string): boolean {
  const v = value.replace(/\s/g, '').toUpperCase();
  const m = /^[A-Z9]{5}\d(\d{2})(\d{2})\d[A-Z9]{2}\d[A-Z0-9]{2}(?:\d{2})?$/.exec(v);
  if (!m) return false;
  const month = Number(m[1]) % 50;
  return Number(m[1]) < 63 && isRealDate(2000, month, Number(m[2]));
}

// Outward code: A9, A99, AA9, AA99, A9A or AA9A; inward code 9AA. Letters each position may hold (Royal Mail).
const POSTCODE =
  /^(?:[A-PR-UWYZ](?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?)) ?\d[ABD-HJLNP-UW-Z]{2}$|^GIR ?0AA$/;

export function isUkPostcode(value: string): boolean {
  return POSTCODE.test(value.toUpperCase());
}
