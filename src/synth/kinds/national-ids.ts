// National identifiers with their structural rules and check digits (specifications cited per generator).

import {
  codiceFiscaleCheckLetter,
  cpfCheckDigits,
  dniLetter,
  iso7064Mod1110,
  luhnCheckDigit,
  nirKey,
  tfnLastDigit,
  verhoeffCheckDigit,
} from '../checksums.ts';
import { templatedKinds, type SensitiveKind } from '../kind.ts';
import { fullName } from '../names.ts';
import { DIGITS, UPPER, type Rng } from '../rng.ts';

const name = fullName;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** SSA: area 001-899 except 666, group 01-99, serial 0001-9999. */
function usSsn(rng: Rng): string {
  let area = rng.int(1, 898);
  if (area === 666) area = 667;
  const s = `${pad(area, 3)}-${pad(rng.int(1, 99), 2)}-${pad(rng.int(1, 9999), 4)}`;
  return rng.chance(0.85) ? s : s.replace(/-/g, ' ');
}

/** HMRC NIM39110: prefix letters exclude D F I Q U V (and O second) and BG GB KN NK NT TN ZZ; suffix A-D. */
function ukNino(rng: Rng): string {
  const first = 'ABCEGHJKLMNOPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  let prefix: string;
  do prefix = rng.chars(first, 1) + rng.chars(second, 1);
  while (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(prefix));
  const digits = rng.chars(DIGITS, 6);
  const suffix = rng.chars('ABCD', 1);
  return rng.chance(0.5)
    ? `${prefix}${digits}${suffix}`
    : `${prefix} ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)} ${suffix}`;
}

/** Canada SIN: 9 digits, Luhn; first digit 1-7 (9 = temporary residents, 0 and 8 unused for people). */
function canadaSin(rng: Rng): string {
  const payload = `${rng.int(1, 7)}${rng.chars(DIGITS, 7)}`;
  const sin = payload + luhnCheckDigit(payload);
  return `${sin.slice(0, 3)} ${sin.slice(3, 6)} ${sin.slice(6)}`;
}

/** UIDAI Aadhaar: 12 digits, first 2-9, last a Verhoeff check digit; printed in groups of four. */
function aadhaar(rng: Rng): string {
  const payload = `${rng.int(2, 9)}${rng.chars(DIGITS, 10)}`;
  const n = payload + verhoeffCheckDigit(payload);
  return `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`;
}

function cpf(rng: Rng): string {
  let nine: string;
  do nine = rng.chars(DIGITS, 9);
  while (/^(\d)\1{8}$/.test(nine)); // all-equal digits are invalid by rule
  const n = nine + cpfCheckDigits(nine);
  return `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6, 9)}-${n.slice(9)}`;
}

function spainDni(rng: Rng): string {
  const n = rng.chars(DIGITS, 8);
  return `${n}${dniLetter(n)}`;
}

/** NIE: X/Y/Z stand for 0/1/2 in the control-letter computation. */
function spainNie(rng: Rng): string {
  const lead = rng.pick(['X', 'Y', 'Z']);
  const n = rng.chars(DIGITS, 7);
  return `${lead}${n}${dniLetter(String('XYZ'.indexOf(lead)) + n)}`;
}

function codiceFiscale(rng: Rng): string {
  const consonants = 'BCDFGHLMNPRSTVZ';
  const body =
    rng.chars(consonants, 3) +
    rng.chars(consonants, 3) +
    pad(rng.int(40, 99), 2) +
    rng.chars('ABCDEHLMPRST', 1) +
    pad(rng.chance(0.5) ? rng.int(1, 28) : rng.int(41, 68), 2) +
    rng.chars('ABCDEFGHILM', 1) +
    rng.chars(DIGITS, 3);
  return body + codiceFiscaleCheckLetter(body);
}

/** INSEE NIR: sex, year, month, department (01-95 minus 20), commune, order, then the mod-97 key. */
function franceNir(rng: Rng): string {
  let dept = rng.int(1, 95);
  if (dept === 20) dept = 21;
  const parts = [
    String(rng.int(1, 2)),
    pad(rng.int(40, 99), 2),
    pad(rng.int(1, 12), 2),
    pad(dept, 2),
    pad(rng.int(1, 990), 3),
    pad(rng.int(1, 999), 3),
  ];
  const key = nirKey(parts.join(''));
  return rng.chance(0.5) ? `${parts.join(' ')} ${key}` : `${parts.join('')}${key}`;
}

/** Steuer-ID (§139b AO): 11 digits, no leading 0, in the first ten one digit twice and one absent. */
function germanTaxId(rng: Rng): string {
  for (;;) {
    const digits = rng.shuffle(DIGITS.split('')).slice(0, 9);
    if (digits[0] === '0') continue;
    const at = rng.int(1, 9);
    const twice = digits[rng.int(0, 8)] as string;
    digits.splice(at, 0, twice);
    const ten = digits.join('');
    return ten + iso7064Mod1110(ten);
  }
}

function australiaTfn(rng: Rng): string {
  for (;;) {
    const eight = `${rng.int(1, 9)}${rng.chars(DIGITS, 7)}`;
    const last = tfnLastDigit(eight);
    if (last === null) continue;
    const tfn = eight + last;
    return `${tfn.slice(0, 3)} ${tfn.slice(3, 6)} ${tfn.slice(6)}`;
  }
}

/** US passport (next-generation books): one letter + 8 digits. Context is what makes it identifiable. */
const usPassport = (rng: Rng): string => `${rng.chars(UPPER, 1)}${rng.chars(DIGITS, 8)}`;

/** IRS ITIN: 9XX-XX-XXXX with the group in 50-65, 70-88, 90-92 or 94-99. */
function usItin(rng: Rng): string {
  const group = rng.pick([rng.int(50, 65), rng.int(70, 88), rng.int(90, 92), rng.int(94, 99)]);
  return `9${rng.chars(DIGITS, 2)}-${group}-${rng.chars(DIGITS, 4)}`;
}

/** State driver licence formats (AAMVA): CA letter + 7 digits, NY 9 digits, FL letter + 12, TX 8 digits. */
const usDriverLicence = (rng: Rng): string =>
  rng.pick([
    () => `${rng.chars(UPPER, 1)}${rng.chars(DIGITS, 7)}`,
    () => rng.chars(DIGITS, 9),
    () => `${rng.chars(UPPER, 1)}${rng.chars(DIGITS, 12)}`,
    () => rng.chars(DIGITS, 8),
  ])();

const idKind = templatedKinds('pii', 'national-id', name);

export const NATIONAL_ID_KINDS: readonly SensitiveKind[] = [
  idKind('us-ssn', ['us-ssn', 'us-ssn-undelimited'], usSsn, [
    'Employee SSN: {v}',
    '{name} SSN {v} for the background check',
    'social security number {v}',
    '| Name | SSN | Start date |\n|---|---|---|\n| {name} | {v} | 2025-03-01 |',
  ]),
  idKind('uk-nino', ['uk-nino'], ukNino, [
    'National Insurance number: {v}',
    '{name}, NI number {v}, starts payroll in May',
  ]),
  idKind('ca-sin', ['canada-sin'], canadaSin, ['SIN: {v}', 'Social Insurance Number for {name}: {v}']),
  idKind('in-aadhaar', ['india-aadhaar'], aadhaar, ['Aadhaar no. {v}', 'KYC: {name}, Aadhaar {v}']),
  idKind('br-cpf', ['brazil-cpf'], cpf, ['CPF: {v}', 'Cliente {name}, CPF {v}']),
  idKind('es-dni', ['spain-dni'], spainDni, ['DNI {v}', '{name} (DNI: {v})']),
  idKind('es-nie', ['spain-nie'], spainNie, ['NIE {v}', 'Número de identidad de extranjero: {v}']),
  idKind('it-codice-fiscale', ['italy-codice-fiscale'], codiceFiscale, [
    'Codice fiscale: {v}',
    'CF {v} per {name}',
  ]),
  idKind('fr-nir', ['france-nir'], franceNir, ['Numéro de sécurité sociale : {v}', 'NIR {v} ({name})']),
  idKind('de-steuer-id', ['germany-tax-id'], germanTaxId, [
    'Steuer-ID: {v}',
    'Steuerliche Identifikationsnummer {v} für {name}',
  ]),
  idKind('au-tfn', ['australia-tfn'], australiaTfn, ['TFN: {v}', 'Tax file number for {name} is {v}']),
  idKind('us-itin', ['us-itin'], usItin, [
    'ITIN {v} for the contractor payment',
    '{name} has no SSN, use ITIN: {v}',
  ]),
  idKind('us-driver-licence', ['us-driver-licence'], usDriverLicence, [
    "Driver's license number {v}, please verify for the rental",
    '{name} DL# {v}',
  ]),
  idKind('us-passport', ['us-passport'], usPassport, [
    'US passport number {v}, expires 2031',
    'Passport no: {v} ({name})',
  ]),
];
