// Korean resident and foreigner registration numbers (YYMMDD, a digit for sex and century, 6 more digits; the
// last was a mod-11 check digit until the October 2020 reform made the trailing digits random), business
// registration numbers (NTS weights 1,3,7,1,3,7,1,3,5) and driver's licence numbers (region 11-28, year, serial).
import { isRealDate } from './calendar.ts';
import { digitsOf, isPlaceholderDigits, twoDigits, weightedSum } from './digits.ts';
import type { ValidatorContext } from './index.ts';
import { saysNearby } from './nearby.ts';

const CENTURY_OF_SEX_DIGIT = [1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000, 1800];

function birthDateHolds(d: string): number | undefined {
  const year = CENTURY_OF_SEX_DIGIT[Number(d[6])]! + twoDigits(d, 0);
  return isRealDate(year, twoDigits(d, 2), twoDigits(d, 4)) ? year : undefined;
}

/** RRN: sex digit 1-4 (9 and 0 mark the 1800s: nobody living); check digit required before the 2020 reform. */
export function isKoreanRrn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 13 || !/^[1-4]$/.test(d[6]!)) return false;
  const year = birthDateHolds(d);
  if (year === undefined) return false;
  if (year >= 2020) return true;
  return (11 - (weightedSum(d, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10 === Number(d[12]);
}

/** Foreigner registration number: the same birth date, sex digit 5-8; its trailing digits are not checked. */
export function isKoreanFrn(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 13 && /^[5-8]$/.test(d[6]!) && birthDateHolds(d) !== undefined;
}

export function isKoreanBrn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10 || isPlaceholderDigits(d)) return false;
  const sum = weightedSum(d, [1, 3, 7, 1, 3, 7, 1, 3, 5]) + Math.floor((Number(d[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10 === Number(d[9]);
}

const LICENCE_WORDS = /운전면허|licen[cs]e/i;

/**
 * Driver's licence: 2-digit region (11-28), 2-digit year, 6-digit serial, 2 digits. Written 11-22-333333-44 it has
 * a shape of its own; 12 bare digits are a licence number only next to a licence word.
 */
export function isKoreanDriverLicence(value: string, context: ValidatorContext): boolean {
  const d = digitsOf(value);
  const region = twoDigits(d, 0);
  if (d.length !== 12 || region < 11 || region > 28 || isPlaceholderDigits(d)) return false;
  return /\D/.test(value) || saysNearby(context, LICENCE_WORDS);
}
