// Italian codice fiscale (DM 23/12/1976): 15 characters and a check letter. Characters in odd positions map
// through a fixed table, even positions to their ordinal; the sum mod 26 is the check letter.
const ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
const SHAPE = /^[A-Z]{6}[\dLMNP-V]{2}[A-EHLMPR-T][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]$/;

/** Position of a character in 0-9 or A-Z (digits and letters share the same 0-based ordinals). */
function ordinal(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65;
}

export function isItalyCodiceFiscale(value: string): boolean {
  const v = value.toUpperCase();
  if (!SHAPE.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const n = ordinal(v[i] ?? '');
    // Positions are 1-based in the specification: index 0 is position 1 (odd).
    sum += i % 2 === 0 ? (ODD_VALUES[n] ?? 0) : n;
  }
  return String.fromCharCode(65 + (sum % 26)) === v[15];
}
