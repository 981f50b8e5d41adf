// French numéro fiscal (SPI: 13 digits, the last 3 = first 10 mod 511), Italian partita IVA (Luhn over 11 digits;
// digits 8-10 are the provincial office) and Portuguese NIF (mod 11 over 9 digits, first digit by taxpayer type).
import { digitsOf, isPlaceholderDigits, weightedSum } from './digits.ts';
import { luhnValid } from './luhn.ts';

export function isFrenchTaxNumber(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 13 || !/^[0-3]/.test(d) || isPlaceholderDigits(d)) return false;
  return Number(d.slice(0, 10)) % 511 === Number(d.slice(10));
}

/** Provincial office codes of the Agenzia delle Entrate: 001-100, 120, 121, and 888/999 for special cases. */
function isItalianOffice(code: number): boolean {
  return (code >= 1 && code <= 100) || code === 120 || code === 121 || code === 888 || code === 999;
}

export function isItalianVat(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || isPlaceholderDigits(d) || /^0{7}/.test(d)) return false;
  return isItalianOffice(Number(d.slice(7, 10))) && luhnValid(d);
}

/** First digits the Autoridade Tributária issues: 1-3 people, 5 companies, 6 public bodies, 8-9 others, 45/7x. */
const PT_FIRST = /^(?:[1235689]|45|7[0-24-9])/;

export function isPortugueseNif(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || !PT_FIRST.test(d) || isPlaceholderDigits(d)) return false;
  const check = 11 - (weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return (check >= 10 ? 0 : check) === Number(d[8]);
}
