// Small helpers shared by the checksum validators.

/** The value with every non-digit removed (separators such as spaces, dashes and dots). */
export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/** The value upper-cased with spaces, dashes and dots removed. */
export function compactUpper(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

/** True when every character is the same (000000000, 111.111.111-11): reserved or placeholder values. */
export function isRepeatedDigit(digits: string): boolean {
  return /^(\d)\1*$/.test(digits);
}

/** Sum of digit * weight over the first `weights.length` digits. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return sum;
}

/** The number formed by the two digits at `at`. */
export function twoDigits(digits: string, at: number): number {
  return Number(digits.slice(at, at + 2));
}

const RUN_UP = '01234567890123456789';
const RUN_DOWN = '98765432109876543210';

/**
 * A form placeholder rather than anyone's number: one digit repeated (000000000) or a run of consecutive digits
 * (123456789, 9876543210). Judged on the whole value, so real numbers that merely contain a run stay.
 */
export function isPlaceholderDigits(digits: string): boolean {
  if (digits.length < 6) return false;
  return isRepeatedDigit(digits) || RUN_UP.includes(digits) || RUN_DOWN.includes(digits);
}

/** Value of a digit or letter in the 0-9, A=10 ... Z=35 alphabet (ISO 7064 and ICAO 9303 use it). */
export function alnumValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}
