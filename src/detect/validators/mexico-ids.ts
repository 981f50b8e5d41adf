// Mexican CURP (RENAPO: name letters, birth date, sex, state, consonants, century character, check digit over a
// 37-character alphabet with weights 18..2) and RFC (SAT: 4 letters for people, 3 for companies, the date of
// birth or incorporation, a 3-character homoclave).
import { isRealDate, pastYear } from './calendar.ts';

const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
// prettier-ignore
const CURP_STATES = new Set([
  'AS', 'BC', 'BS', 'CC', 'CL', 'CM', 'CS', 'CH', 'DF', 'DG', 'GT', 'GR', 'HG', 'JC', 'MC', 'MN', 'MS', 'NT', 'NL',
  'OC', 'PL', 'QT', 'QR', 'SP', 'SL', 'SR', 'TC', 'TS', 'TL', 'VZ', 'YN', 'ZS', 'NE',
]);

export function isMexicanCurp(value: string): boolean {
  const v = value.toUpperCase();
  const m =
    /^[A-Z][AEIOUX][A-Z]{2}(\d{2})(\d{2})(\d{2})[HMX]([A-Z]{2})[B-DF-HJ-NP-TV-Z]{3}([0-9A-Z])\d$/.exec(v);
  if (!m || !CURP_STATES.has(m[4]!)) return false;
  // The 17th character tells the century: a digit for births before 2000, a letter after.
  const year = (/\d/.test(m[5]!) ? 1900 : 2000) + Number(m[1]);
  if (!isRealDate(year, Number(m[2]), Number(m[3]))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_ALPHABET.indexOf(v[i]!) * (18 - i);
  return (10 - (sum % 10)) % 10 === Number(v[17]);
}

export function isMexicanRfc(value: string): boolean {
  const m = /^[A-ZÑ&]{3,4}(\d{2})(\d{2})(\d{2})[A-Z\d]{2}[\dA]$/.exec(value.toUpperCase());
  return m !== null && isRealDate(pastYear(Number(m[1])), Number(m[2]), Number(m[3]));
}
