// Canadian Social Insurance Number (ESDC): 9 digits, Luhn check digit; first digit 0 and 8 are not issued.
import { digitsOf } from './digits.ts';
import { luhnValid } from './luhn.ts';

export function isCanadaSin(value: string): boolean {
  const d = digitsOf(value);
  return /^[1-79]\d{8}$/.test(d) && luhnValid(d);
}
