// ICAO Doc 9303 check digit: characters valued 0-9, A=10 ... Z=35, weighted 7, 3, 1 repeating, sum mod 10. German
// identity cards and passports print it after the 9-character document number.
import { alnumValue } from './digits.ts';

const WEIGHTS = [7, 3, 1];

export function icaoCheckDigit(chars: string): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) sum += alnumValue(chars[i]!) * WEIGHTS[i % 3]!;
  return sum % 10;
}

/** A document number whose last character is the ICAO check digit of the characters before it. */
export function isIcaoDocumentNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z0-9]{2,}\d$/.test(v)) return false;
  return icaoCheckDigit(v.slice(0, -1)) === Number(v.at(-1));
}
