// German identifiers: Sozialversicherungsnummer (Deutsche Rentenversicherung: area, birth date, initial, serial,
// check digit), Krankenversichertennummer (GKV-Spitzenverband, modified Luhn), lebenslange Arztnummer and
// Betriebsstättennummer (KBV), Führerscheinnummer (FeV Anlage 8: mod-11 check digit), USt-IdNr (BZSt, ISO 7064).
import { isRealDate, pastYear } from './calendar.ts';
import { alnumValue, digitsOf, isPlaceholderDigits, twoDigits, weightedSum } from './digits.ts';
import { iso7064Mod1110CheckDigit } from './germany-tax-id.ts';

const digitSum = (n: number): number => (n > 9 ? Math.floor(n / 10) + (n % 10) : n);
/** A letter as its two-digit alphabet position: A = 01 ... Z = 26. */
const letterDigits = (letter: string): string => String(letter.charCodeAt(0) - 64).padStart(2, '0');

/** Sum of the digit sums of digit * weight. */
function crossSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digitSum(Number(digits[i]) * weights[i % weights.length]!);
  return sum;
}

const RVNR_WEIGHTS = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];

/** Sozialversicherungsnummer: 2-digit area, DDMMYY, initial, 2-digit serial, check digit. */
export function isGermanSocialSecurity(value: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)$/.exec(value.replace(/\s/g, '').toUpperCase());
  if (!m) return false;
  const [, area = '', day = '', month = '', yy = '', initial = '', serial = '', check = ''] = m;
  // The day may carry 50 extra: numbers given once a birth date's serials ran out.
  if (!isRealDate(pastYear(Number(yy)), Number(month), Number(day) % 50)) return false;
  const digits = `${area}${day}${month}${yy}${letterDigits(initial)}${serial}`;
  return crossSum(digits, RVNR_WEIGHTS) % 10 === Number(check);
}

/** Krankenversichertennummer: letter, 8 digits, check digit over the letter's position and the 8 digits. */
export function isGermanKvnr(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]\d{9}$/.test(v) || isPlaceholderDigits(v.slice(1))) return false;
  return crossSum(`${letterDigits(v[0]!)}${v.slice(1, 9)}`, [1, 2]) % 10 === Number(v[9]);
}

/** LANR: 6-digit doctor number, check digit (weights 4, 9; 10 - sum mod 10), 2-digit specialty group (01-99). */
export function isGermanLanr(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || isPlaceholderDigits(d) || d.endsWith('00')) return false;
  return (10 - (weightedSum(d, [4, 9, 4, 9, 4, 9]) % 10)) % 10 === Number(d[6]);
}

/** BSNR: 9 digits led by a KV region key (never 00); no check digit, so only context makes it one. */
export function isGermanBsnr(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 9 && !isPlaceholderDigits(d) && twoDigits(d, 0) > 0;
}

/** Card licence number check: first 9 characters weighted 9..1, sum mod 11, 10 written X. */
function licenceCheckHolds(v: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += alnumValue(v[i]!) * (9 - i);
  const check = sum % 11;
  return (check === 10 ? 'X' : String(check)) === v[9];
}

const CARD_LAYOUT = /^[A-Z0-9]\d{2}[A-Z0-9]{6}[\dX][A-Z0-9]$/;

/**
 * Führerscheinnummer: a value in the card layout must carry its check digit. The authority-letters form (two
 * letters, eight digits, a check character whose derivation is not published) passes on its shape, and the rule's
 * low confidence leaves it to a licence word nearby or the value standing alone in its field.
 */
export function isGermanDrivingLicence(value: string): boolean {
  const v = value.toUpperCase();
  if (CARD_LAYOUT.test(v)) return licenceCheckHolds(v);
  return /^[A-Z]{2}\d{8}[A-Z0-9]$/.test(v);
}

/** USt-IdNr: DE and 9 digits; the last is the ISO 7064 MOD 11,10 check digit of the first 8. */
export function isGermanVatId(value: string): boolean {
  const d = digitsOf(value);
  return (
    d.length === 9 && !isPlaceholderDigits(d) && iso7064Mod1110CheckDigit(d.slice(0, 8)) === Number(d[8])
  );
}
