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
