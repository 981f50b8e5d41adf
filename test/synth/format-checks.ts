// Independent format checks for generated values: each VALIDATES a whole value (rather than completing a
// payload like src/synth/checksums.ts), so a bug in a generator's arithmetic cannot hide in both places.

import { isValidIBAN } from 'ibantools';
import { isValidPhoneNumber } from 'libphonenumber-js/max';

const digits = (s: string): string => s.replace(/\D/g, '');
const nums = (s: string): number[] => Array.from(s, Number);

export function luhnValid(value: string): boolean {
  const ds = nums(digits(value)).reverse();
  const sum = ds.reduce((acc, d, i) => acc + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return ds.length > 1 && sum % 10 === 0;
}

const VD = [
  '0123456789',
  '1234067895',
  '2340178956',
  '3401289567',
  '4012395678',
  '5987604321',
  '6598710432',
  '7659821043',
  '8765932104',
  '9876543210',
].map((row) => nums(row));
const VP = [
  '0123456789',
  '1576283094',
  '5803796142',
  '8916043527',
  '9453126870',
  '4286573901',
  '2793806415',
  '7046913258',
].map((row) => nums(row));

export function verhoeffValid(value: string): boolean {
  let c = 0;
  nums(digits(value))
    .reverse()
    .forEach((d, i) => (c = VD[c]![VP[i % 8]![d]!]!));
  return c === 0;
}

export function cpfValid(value: string): boolean {
  const d = nums(digits(value));
  if (d.length !== 11 || new Set(d).size === 1) return false;
  const check = (n: number): number => {
    const r = (d.slice(0, n).reduce((acc, x, i) => acc + x * (n + 1 - i), 0) * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === d[9] && check(10) === d[10];
}

export const dniValid = (value: string): boolean => {
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(value);
  if (!m) return false;
  const n = Number(`${m[1] ? 'XYZ'.indexOf(m[1]) : ''}${m[2]}`);
  return 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23] === m[3];
};

export function codiceFiscaleValid(value: string): boolean {
  if (!/^[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]$/.test(value)) return false;
  const odd = '1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23'.split(',').map(Number);
  const val = (ch: string): number => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65);
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += i % 2 === 0 ? odd[val(value[i]!)]! : val(value[i]!);
  return String.fromCharCode(65 + (sum % 26)) === value[15];
}

export const nirValid = (value: string): boolean => {
  const d = digits(value);
  return d.length === 15 && 97n - (BigInt(d.slice(0, 13)) % 97n) === BigInt(d.slice(13));
};

export function steuerIdValid(value: string): boolean {
  const d = nums(value);
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const counts = new Map<number, number>();
  d.slice(0, 10).forEach((x) => counts.set(x, (counts.get(x) ?? 0) + 1));
  const repeated = [...counts.values()].filter((c) => c > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  let product = 10;
  for (const x of d.slice(0, 10)) {
    const sum = (x + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === d[10];
}

export const tfnValid = (value: string): boolean => {
  const d = nums(digits(value));
  const w = [1, 4, 3, 7, 5, 8, 6, 9, 10];
  return d.length === 9 && d.reduce((acc, x, i) => acc + x * w[i]!, 0) % 11 === 0;
};

export const abaValid = (value: string): boolean => {
  const d = nums(value);
  const w = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const prefix = Number(value.slice(0, 2));
  return (
    d.length === 9 &&
    d.reduce((acc, x, i) => acc + x * w[i]!, 0) % 10 === 0 &&
    (prefix <= 12 || (prefix >= 21 && prefix <= 32))
  );
};

export const npiValid = (value: string): boolean => /^[12]\d{9}$/.test(value) && luhnValid(`80840${value}`);

export const deaValid = (value: string): boolean => {
  const m = /^[ABFGM][A-Z](\d{7})$/.exec(value);
  if (!m) return false;
  const d = nums(m[1]!);
  return (d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)) % 10 === d[6];
};

export const ssnValid = (value: string): boolean => {
  const m = /^(\d{3})[- ](\d{2})[- ](\d{4})$/.exec(value);
  if (!m) return false;
  const area = Number(m[1]);
  return area > 0 && area !== 666 && area < 900 && m[2] !== '00' && m[3] !== '0000';
};

export const ninoValid = (value: string): boolean =>
  /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/.test(value);

export const mbiValid = (value: string): boolean =>
  /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}$/.test(
    value,
  );

export const ibanValid = (value: string): boolean => isValidIBAN(value.replace(/ /g, ''));
export const phoneValid =
  (country: 'US' | 'GB' | 'DE' | 'FR' | 'IN') =>
  (value: string): boolean =>
    isValidPhoneNumber(value, country);

const CARD_SHAPES: Record<string, RegExp> = {
  'card-visa': /^4\d{15}$/,
  'card-mastercard': /^(5[1-5]\d{14}|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12})$/,
  'card-amex': /^3[47]\d{13}$/,
  'card-discover': /^(6011|65\d\d|64[4-9]\d)\d{12}$/,
  'card-jcb': /^35(2[89]|[3-8]\d)\d{12}$/,
  'card-diners': /^3(0[0-5]|[68]\d)\d{11}$/,
  'card-unionpay': /^62\d{14}$/,
};

export const cardValid =
  (kind: string) =>
  (value: string): boolean =>
    CARD_SHAPES[kind]!.test(digits(value)) && luhnValid(value);

/** A card number by any issuer's prefix and length, with a valid Luhn digit. */
export const isCardNumber = (value: string): boolean =>
  Object.values(CARD_SHAPES).some((shape) => shape.test(digits(value))) && luhnValid(value);

export { digits };
