// Check-digit algorithms, written from the published specifications, used to COMPLETE generated
// identifiers (a payload in, the check digits out). Tests verify the results with independent checks.

import { VERHOEFF_MULTIPLY, VERHOEFF_PERMUTE } from '../detect/validators/verhoeff.ts';

const digitsOf = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0) - 48);

/** Luhn (ISO/IEC 7812-1): the digit that makes the whole number's Luhn sum a multiple of 10. */
export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  const ds = digitsOf(payload);
  for (let i = 0; i < ds.length; i++) {
    // Doubling starts at the rightmost payload digit, because the check digit will sit to its right.
    let d = ds[ds.length - 1 - i] as number;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** ISO 13616 IBAN check digits: 98 - (BBAN + country + "00" as a number, letters A=10..Z=35) mod 97. */
export function ibanCheckDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.toUpperCase();
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return String(98 - remainder).padStart(2, '0');
}

// The Verhoeff tables are data from the specification (Verhoeff 1969), shared with the validator; the
// completion algorithm below is written independently of the validator's check.
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

export function verhoeffCheckDigit(payload: string): string {
  let c = 0;
  const ds = digitsOf(payload).reverse();
  for (let i = 0; i < ds.length; i++) {
    c = VERHOEFF_MULTIPLY[c]![VERHOEFF_PERMUTE[(i + 1) % 8]![ds[i]!]!]!;
  }
  return String(VERHOEFF_INV[c]);
}

/** Brazil CPF: two mod-11 check digits with descending weights 10..2 then 11..2. */
export function cpfCheckDigits(nine: string): string {
  const next = (payload: string): number => {
    const ds = digitsOf(payload);
    const sum = ds.reduce((acc, d, i) => acc + d * (ds.length + 1 - i), 0);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const first = next(nine);
  return `${first}${next(nine + String(first))}`;
}

/** France NIR (INSEE number): key = 97 - (13-digit number mod 97). */
export function nirKey(thirteen: string): string {
  return String(97n - (BigInt(thirteen) % 97n)).padStart(2, '0');
}

/** Australia TFN: weights 1,4,3,7,5,8,6,9,10, weighted sum divisible by 11; null when no digit fits. */
export function tfnLastDigit(eight: string): string | null {
  const weights = [1, 4, 3, 7, 5, 8, 6, 9];
  const sum = digitsOf(eight).reduce((acc, d, i) => acc + d * (weights[i] as number), 0);
  // Last weight is 10 ≡ -1 (mod 11), so the last digit must equal sum mod 11.
  const d = sum % 11;
  return d === 10 ? null : String(d);
}

/** Germany Steuer-ID: ISO/IEC 7064 MOD 11,10 check digit over the first ten digits. */
export function iso7064Mod1110(payload: string): string {
  let product = 10;
  for (const d of digitsOf(payload)) {
    let sum = (d + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = 11 - product;
  return String(check === 10 ? 0 : check);
}

/** ABA routing number: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function abaCheckDigit(eight: string): string {
  const d = digitsOf(eight);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]!);
  return String((10 - (sum % 10)) % 10);
}

/** US NPI: Luhn over the 9 base digits prefixed with the card issuer id 80840 (CMS NPI check digit). */
export function npiCheckDigit(nine: string): string {
  return luhnCheckDigit(`80840${nine}`);
}

/** DEA registration: (d1+d3+d5) + 2·(d2+d4+d6), last digit of that sum. */
export function deaCheckDigit(six: string): string {
  const d = digitsOf(six);
  return String((d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)) % 10);
}

/** Spain DNI/NIE control letter: number mod 23 into the official letter table. */
export function dniLetter(number: string): string {
  return 'TRWAGMYFPDXBNJZSQVHLCKE'[Number(number) % 23] as string;
}

// Italy codice fiscale (DM 23/12/1976): odd positions (1st, 3rd...) map through this table, even ones
// to their plain value (0-9, A=0..Z=25); the check letter is the sum mod 26.
const CF_ODD_DIGITS = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
const CF_ODD_LETTERS = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

export function codiceFiscaleCheckLetter(fifteen: string): string {
  let sum = 0;
  for (let i = 0; i < fifteen.length; i++) {
    const ch = fifteen.charCodeAt(i);
    const isDigit = ch >= 48 && ch <= 57;
    const index = isDigit ? ch - 48 : ch - 65;
    const oddPosition = i % 2 === 0;
    sum += oddPosition ? (isDigit ? CF_ODD_DIGITS : CF_ODD_LETTERS)[index]! : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE 802.3), as GitHub and npm tokens embed over their random part. */
export function crc32(text: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < text.length; i++) c = CRC_TABLE[(c ^ text.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Base62 (0-9A-Za-z) of a number, left-padded to `width`: the encoding of token checksums. */
export function base62(value: number, width: number): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let out = '';
  let n = value;
  while (n > 0) {
    out = alphabet[n % 62]! + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, '0');
}
