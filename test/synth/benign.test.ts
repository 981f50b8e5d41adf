import { describe, expect, it } from 'vitest';
import { benignDocument, benignTicket } from '../../src/synth/benign.ts';
import { createRng } from '../../src/synth/rng.ts';
import { TEST_CARD_NUMBERS } from '../../src/synth/sensitive.ts';
import { isCardNumber, steuerIdValid } from './format-checks.ts';

const corpus = benignDocument(createRng(2024), 400_000);

/** RFC 1918, loopback and RFC 5737 documentation ranges are not anybody's address. */
const PUBLIC_IPV4 = (ip: string): boolean => {
  const [a, b, c] = ip.split('.').map(Number) as [number, number, number];
  const documentation =
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113);
  if (ip === '1.2.3.4') return false; // the textual look-alike, deliberately present
  return !(
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    documentation
  );
};

/** Shapes of sensitive values that must not occur in benign text (allowed placeholders excepted). */
const FORBIDDEN: [string, RegExp, (m: string) => boolean][] = [
  ['AWS key id', /\b(AKIA|ASIA)[A-Z2-7]{16}\b/g, (m) => m !== 'AKIAIOSFODNN7EXAMPLE'],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36}\b/g, () => true],
  ['Slack token', /\bxox[abpr]-\d+/g, () => true],
  ['Stripe live key', /\bsk_live_[A-Za-z0-9]{10,}/g, (m) => !/^sk_live_x+$/.test(m)],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/g, () => true],
  ['JWT', /\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{20,}/g, () => true],
  ['URL with password', /\b[a-z+]+:\/\/[^\s:/@]+:[^\s@/]+@/g, (m) => !/USER:PASSWORD@/.test(m)],
  ['email', /\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b/g, (m) => !/@example\.(com|org)$/.test(m)],
  ['public IPv4', /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g, PUBLIC_IPV4],
  ['US SSN shape', /\b\d{3}-\d{2}-\d{4}\b/g, () => true],
  ['IBAN', /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}\b/g, () => true],
  [
    'card number (issuer prefix, length, Luhn)',
    /\b\d(?:[ -]?\d){12,18}\b/g,
    (m) => isCardNumber(m) && !TEST_CARD_NUMBERS.has(m.replace(/\D/g, '')),
  ],
  ['Steuer-ID', /\b[1-9]\d{10}\b/g, steuerIdValid],
  ['patient name', /\bPatient:? [A-Z][a-z]+ [A-Z][a-z]+/g, () => true],
];

describe('benign generators', () => {
  it.each(FORBIDDEN)('contain no %s', (_name, pattern, offending) => {
    const found = [...corpus.matchAll(pattern)].map((m) => m[0]).filter(offending);
    expect(found.slice(0, 5)).toEqual([]);
  });

  it('do contain the look-alikes a detector must ignore', () => {
    for (const lookAlike of [
      /\b[0-9a-f]{40}\b/,
      /\b[0-9a-f]{8}-[0-9a-f]{4}-4/,
      /\b10\.\d+\.\d+\.\d+\b/,
      /AKIAIOSFODNN7EXAMPLE/,
      /4242 4242 4242 4242/,
      /pk_live_/,
      /arn:aws:iam::\d{12}:/,
      /Traceback/,
      /^\s+at /m,
    ]) {
      expect(corpus).toMatch(lookAlike);
    }
  });

  it('are deterministic for a seed', () => {
    expect(benignTicket(createRng(8))).toEqual(benignTicket(createRng(8)));
    expect(benignDocument(createRng(8), 20_000)).toBe(benignDocument(createRng(8), 20_000));
    expect(benignDocument(createRng(8), 20_000)).not.toBe(benignDocument(createRng(9), 20_000));
  });
});
