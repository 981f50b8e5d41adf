// Building blocks shared by the secret kinds: wrap slots, checksummed tokens, passwords, PEM bodies, JWTs.

import { base62, crc32 } from '../checksums.ts';
import { INTERNAL_HOSTS, SERVICES, userName } from '../names.ts';
import { ALNUM, BASE64, BASE64URL, DIGITS, UPPER, type Rng } from '../rng.ts';

export const slots = {
  service: (rng: Rng): string => rng.pick(SERVICES),
  host: (rng: Rng): string => rng.pick(INTERNAL_HOSTS),
  user: userName,
};

/** GitHub/npm style: prefix + 30 random base62 + 6-char base62 CRC-32 of the random part. */
export const checksummedToken = (prefix: string) => (rng: Rng) => {
  const random = rng.chars(ALNUM, 30);
  return `${prefix}${random}${base62(crc32(random), 6)}`;
};

/** Password characters that survive URLs, shells, YAML and XHTML unescaped. */
const PASSWORD_CHARS = `${ALNUM}!*-_.~`;

export const password = (rng: Rng): string => {
  // At least one of each class, so no generated password reads like a word.
  const core = `${rng.chars(UPPER, 2)}${rng.chars(DIGITS, 2)}${rng.chars('!*-_.~', 1)}${rng.chars(PASSWORD_CHARS, rng.int(9, 15))}`;
  return `${rng.chars('abcdefghijklmnopqrstuvwxyz', 2)}${rng.shuffle(core.split('')).join('')}`;
};

/** Base64 of `bytes` random bytes behind a fixed DER/format prefix, in 64-character lines. */
export const base64Lines = (rng: Rng, prefix: string, bytes: number): string => {
  const body = prefix + rng.chars(BASE64, Math.ceil((bytes * 4) / 3) - prefix.length);
  return (body.match(/.{1,64}/g) ?? []).join('\n');
};

export const pemBlock = (label: string, derPrefix: string, bytes: number) => (rng: Rng) =>
  `-----BEGIN ${label}-----\n${base64Lines(rng, derPrefix, bytes)}\n-----END ${label}-----`;

export const PEM_WRAPS = [
  'Key that was on the bastion, rotating it now:\n{v}',
  'Here is the deploy key for {service}:\n```\n{v}\n```',
  'cat ~/.ssh/id_deploy\n{v}\nPlease remove this from the ticket once copied.',
];

const b64url = (json: object): string => Buffer.from(JSON.stringify(json)).toString('base64url');

export function jwt(rng: Rng): string {
  const header = b64url({ alg: rng.pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' });
  const now = 1_700_000_000 + rng.int(0, 60_000_000);
  const payload = b64url({
    sub: rng.chars(DIGITS, 10),
    name: userName(rng),
    scope: rng.pick(['read:all', 'admin', 'write:orders']),
    iat: now,
    exp: now + 3600,
  });
  return `${header}.${payload}.${rng.chars(BASE64URL, 43)}`;
}
