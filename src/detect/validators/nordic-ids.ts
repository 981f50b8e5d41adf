// Nordic personal numbers: Swedish personnummer and organisationsnummer (Skatteverket, Luhn), Finnish henkilötunnus
// (DVV, mod 31 check character), Danish CPR-nummer (CPR-kontoret: birth date and century digit; the mod-11 check was
// dropped in 2007), Norwegian fødselsnummer (Skatteetaten, two mod-11 check digits).
import { isRealDate, pastYear } from './calendar.ts';
import { digitsOf, isPlaceholderDigits, twoDigits, weightedSum } from './digits.ts';
import { luhnValid } from './luhn.ts';

/** Personnummer: (YY)YYMMDD, separator (+ for people over 100), 3-digit serial, Luhn check over the last 10 digits. */
export function isSwedishPersonnummer(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10 && d.length !== 12) return false;
  const ten = d.slice(-10);
  const yy = twoDigits(ten, 0);
  const century = d.length === 12 ? Number(d.slice(0, 2)) * 100 : undefined;
  let year = century === undefined ? pastYear(yy) : century + yy;
  if (century === undefined && value.includes('+')) year -= 100;
  const day = twoDigits(ten, 4);
  // Samordningsnummer: day + 60.
  return isRealDate(year, twoDigits(ten, 2), day > 60 ? day - 60 : day) && luhnValid(ten);
}

/** Organisationsnummer: 10 digits, third digit 2 or more (never a birth month), Luhn check digit. */
export function isSwedishOrgNumber(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 10 && Number(d[2]) >= 2 && !isPlaceholderDigits(d) && luhnValid(d);
}

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const HETU_CENTURY: Record<string, number> = { '+': 1800, '-': 1900, A: 2000 };

/** Henkilötunnus: DDMMYY, century sign, serial 002-899, check character = (DDMMYY + serial) mod 31. */
export function isFinnishHetu(value: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(value.toUpperCase());
  if (!m) return false;
  const [, day = '', month = '', yy = '', sign = '', serial = '', check = ''] = m;
  const century = HETU_CENTURY[sign] ?? (/[B-F]/.test(sign) ? 2000 : 1900);
  if (!isRealDate(century + Number(yy), Number(month), Number(day))) return false;
  const n = Number(serial);
  return n >= 2 && n <= 899 && HETU_CHECK[Number(`${day}${month}${yy}${serial}`) % 31] === check;
}

/** CPR-nummer: DDMMYY and 4 digits; the first of them gives the century. */
export function isDanishCpr(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10 || isPlaceholderDigits(d)) return false;
  const yy = twoDigits(d, 4);
  const centuryDigit = Number(d[6]);
  let year = 1900 + yy;
  if ((centuryDigit === 4 || centuryDigit === 9) && yy <= 36) year += 100;
  if (centuryDigit >= 5 && centuryDigit <= 8) year = yy <= 57 ? 2000 + yy : 1800 + yy;
  return isRealDate(year, twoDigits(d, 2), twoDigits(d, 0));
}

/** Century of a Norwegian birth year from the individual number (3 digits after the date). */
function norwegianYear(yy: number, individual: number): number {
  if (individual < 500) return 1900 + yy;
  if (individual < 750 && yy >= 54) return 1800 + yy;
  if (yy <= 39) return 2000 + yy;
  return individual >= 900 ? 1900 + yy : 1800 + yy;
}

const mod11Check = (sum: number): number => (11 - (sum % 11)) % 11;

/** Fødselsnummer (and D-number: day + 40, H-number: month + 40): DDMMYY, 3-digit individual number, 2 checks. */
export function isNorwegianBirthNumber(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || isPlaceholderDigits(d)) return false;
  const day = twoDigits(d, 0) % 40;
  const month = twoDigits(d, 2) % 40;
  if (!isRealDate(norwegianYear(twoDigits(d, 4), Number(d.slice(6, 9))), month, day)) return false;
  const k1 = mod11Check(weightedSum(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]));
  const k2 = mod11Check(weightedSum(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]));
  return k1 === Number(d[9]) && k2 === Number(d[10]);
}
