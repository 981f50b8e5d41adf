// US health-care identifiers: NPI (CMS, Luhn over the 80840 issuer prefix), DEA registration numbers (DEA
// checksum), Medicare Beneficiary Identifier (CMS MBI format) and ICD-10-CM code structure.
import { luhnValid } from './luhn.ts';
import { compactUpper, digitsOf } from './digits.ts';

/** NPI: 10 digits starting 1 or 2; Luhn over "80840" + the 10 digits (CMS NPI check digit). */
export function isNpi(value: string): boolean {
  const d = digitsOf(value);
  return /^[12]\d{9}$/.test(d) && luhnValid(`80840${d}`);
}

// First letter: registrant type (A/B/F/G practitioners, M mid-levels, P-U distributors/manufacturers, X DATA-waived).
const DEA_REGISTRANT = /^[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}$/;

/** DEA number: registrant letter, surname initial (or 9), 7 digits; (d1+d3+d5) + 2(d2+d4+d6) ends in d7. */
export function isDeaNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!DEA_REGISTRANT.test(v)) return false;
  const d = v.slice(2).split('').map(Number) as [number, number, number, number, number, number, number];
  const sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
  return sum % 10 === d[6];
}

// MBI: 11 characters; letters exclude S, L, O, I, B, Z. Positions: C A AN N A AN N A A N N.
const MBI_LETTER = '[AC-HJKMNP-RT-Y]';
const MBI_ALNUM = '[AC-HJKMNP-RT-Y0-9]';
const MBI = new RegExp(
  `^[1-9]${MBI_LETTER}${MBI_ALNUM}\\d${MBI_LETTER}${MBI_ALNUM}\\d${MBI_LETTER}${MBI_LETTER}\\d\\d$`,
);

export function isMedicareMbi(value: string): boolean {
  return MBI.test(compactUpper(value));
}

// ICD-10-CM: letter (U is reserved for special purposes), digit, digit or letter, then optionally a dot and
// 1-4 characters (the 7th character is an extension letter or digit).
const ICD10 = /^[A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;

export function isIcd10Code(value: string): boolean {
  const v = value.toUpperCase();
  if (!ICD10.test(v)) return false;
  // Categories with a letter in third position exist only in a few chapters (e.g. C4A, C7A, D3A, M1A, Z3A).
  const third = v[2] ?? '';
  return /\d/.test(third) || /^(?:C4A|C7A|C7B|D3A|M1A|O9A|Z3A)$/.test(v.slice(0, 3));
}
