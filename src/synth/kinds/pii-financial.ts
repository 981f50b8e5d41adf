// Financial PII: payment cards (issuer prefixes, lengths, Luhn), IBANs (mod 97), ABA routing + account.

import { abaCheckDigit, ibanCheckDigits, luhnCheckDigit } from '../checksums.ts';
import { wrapWith, type SensitiveKind } from '../kind.ts';
import { fullName } from '../names.ts';
import { DIGITS, UPPER, type Rng } from '../rng.ts';

/** Documented processor test numbers: never emitted as "real" card values (benign text uses them). */
export const TEST_CARD_NUMBERS = new Set([
  '4111111111111111',
  '4242424242424242',
  '4012888888881881',
  '5555555555554444',
  '5105105105105100',
  '378282246310005',
  '371449635398431',
  '6011111111111117',
  '3530111333300000',
  '30569309025904',
]);

interface Issuer {
  kind: string;
  prefixes: (rng: Rng) => string;
  length: number;
  groups: number[];
}

const ISSUERS: Issuer[] = [
  { kind: 'card-visa', prefixes: () => '4', length: 16, groups: [4, 4, 4, 4] },
  {
    kind: 'card-mastercard',
    prefixes: (r) => (r.chance(0.7) ? String(r.int(51, 55)) : String(r.int(2221, 2720))),
    length: 16,
    groups: [4, 4, 4, 4],
  },
  { kind: 'card-amex', prefixes: (r) => r.pick(['34', '37']), length: 15, groups: [4, 6, 5] },
  {
    kind: 'card-discover',
    prefixes: (r) => r.pick(['6011', '65', '644', '649']),
    length: 16,
    groups: [4, 4, 4, 4],
  },
  { kind: 'card-jcb', prefixes: (r) => String(r.int(3528, 3589)), length: 16, groups: [4, 4, 4, 4] },
  { kind: 'card-diners', prefixes: (r) => r.pick(['36', '38', '300', '305']), length: 14, groups: [4, 6, 4] },
  { kind: 'card-unionpay', prefixes: () => '62', length: 16, groups: [4, 4, 4, 4] },
];

function cardNumber(rng: Rng, issuer: Issuer): string {
  for (;;) {
    const prefix = issuer.prefixes(rng);
    const payload = prefix + rng.chars(DIGITS, issuer.length - 1 - prefix.length);
    const pan = payload + luhnCheckDigit(payload);
    if (TEST_CARD_NUMBERS.has(pan)) continue;
    const separator = rng.pick([' ', ' ', '-', '']);
    let at = 0;
    return issuer.groups.map((g) => pan.slice(at, (at += g))).join(separator);
  }
}

const CARD_WRAPS = [
  'Customer {name} paid with card {v} exp 08/29, please refund the duplicate charge.',
  'Card number: {v} CVV on the back, cardholder {name}',
  'The checkout log shows pan={v} in plain text, see attached.',
  'Can you update my card to {v}? Thanks, {name}',
  'order_id,customer,card_number,amount\n10442,{name},{v},129.00',
];

const cardKind = (issuer: Issuer): SensitiveKind => ({
  kind: issuer.kind,
  category: 'pii',
  family: 'card',
  ruleIds: ['payment-card'],
  generate: (rng) => cardNumber(rng, issuer),
  wrap: wrapWith(CARD_WRAPS, { name: fullName }),
});

// BBAN layouts (ISO 13616 registry) for countries whose BBAN has no extra national check digit.
const IBAN_LAYOUTS: Record<string, (rng: Rng) => string> = {
  DE: (r) => r.chars(DIGITS, 18),
  GB: (r) => `${r.pick(['NWBK', 'BARC', 'LOYD', 'MIDL'])}${r.chars(DIGITS, 14)}`,
  AT: (r) => r.chars(DIGITS, 16),
  CH: (r) => r.chars(DIGITS, 17),
  IE: (r) => `${r.pick(['AIBK', 'BOFI'])}${r.chars(DIGITS, 14)}`,
  LU: (r) => `${r.chars(DIGITS, 3)}${r.chars(`${UPPER}${DIGITS}`, 13)}`,
  DK: (r) => r.chars(DIGITS, 14),
  SE: (r) => r.chars(DIGITS, 20),
};

function iban(rng: Rng): string {
  const country = rng.pick(Object.keys(IBAN_LAYOUTS));
  const bban = IBAN_LAYOUTS[country]!(rng);
  const compact = `${country}${ibanCheckDigits(country, bban)}${bban}`;
  return rng.chance(0.5) ? compact : (compact.match(/.{1,4}/g) ?? []).join(' ');
}

function routingNumber(rng: Rng): string {
  // Federal Reserve routing symbol: 01-12 (banks) or 21-32 (thrift institutions).
  const district = rng.chance(0.7) ? rng.int(1, 12) : rng.int(21, 32);
  const payload = String(district).padStart(2, '0') + rng.chars(DIGITS, 6);
  return payload + abaCheckDigit(payload);
}

export const PII_FINANCIAL_KINDS: readonly SensitiveKind[] = [
  ...ISSUERS.map(cardKind),
  {
    kind: 'iban',
    category: 'pii',
    family: 'bank',
    ruleIds: ['iban'],
    generate: iban,
    wrap: wrapWith(
      ['Please wire the deposit refund to IBAN {v} ({name}).', 'Bank details: {name}, {v}', 'iban: {v}'],
      { name: fullName },
    ),
  },
  {
    kind: 'bank-account-number',
    category: 'pii',
    family: 'bank',
    ruleIds: ['bank-account-number'],
    generate: (rng) => rng.chars(DIGITS, rng.int(8, 12)),
    wrap: wrapWith(
      [
        'Refund failed: account number {v} was closed by the bank.',
        'Payroll change for {name}: acct no. {v}',
      ],
      { name: fullName },
    ),
  },
  {
    kind: 'us-bank-routing',
    category: 'pii',
    family: 'bank',
    ruleIds: ['aba-routing-number'],
    generate: routingNumber,
    wrap: (rng, v) =>
      rng.pick([
        `Direct deposit form: routing number ${v}, account number ${rng.chars(DIGITS, 10)}`,
        `ABA ${v} / acct ${rng.chars(DIGITS, 9)} for ${fullName(rng)}'s payroll`,
      ]),
  },
];
