// The only two things derived from a raw value that may leave the engine: a masked preview and a keyed
// fingerprint. The fingerprint is an HMAC under a per-installation key, never a plain hash: SSNs and card
// numbers have so few possible values that a plain hash is reversed by enumeration.
import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.ts';
import type { MaskStyle, Normalization } from './rule-schema.ts';

const KEY_BYTES = 32;
const DOT = '•';

/** Characters visible at each end: at most 4, and together at most a third of the value. */
function visiblePerSide(length: number): number {
  return Math.min(4, Math.floor(length / 6));
}

/** At most this many stars between the visible ends: a 190-character token must not fill a terminal line. */
const MAX_STARS = 20;

function maskEdges(value: string): string {
  const keep = visiblePerSide(value.length);
  const stars = '*'.repeat(Math.min(MAX_STARS, value.length - 2 * keep));
  return keep === 0 ? stars : value.slice(0, keep) + stars + value.slice(-keep);
}

/** Keeps separators and the last few letters or digits: `•••• •••• •••• 0004`. */
function maskLast4(value: string): string {
  const alnum = value.replace(/[^\p{L}\p{N}]/gu, '').length;
  let visible = Math.min(4, Math.floor(alnum / 3));
  let out = '';
  for (let i = value.length - 1; i >= 0; i--) {
    const ch = value[i]!;
    if (!/[\p{L}\p{N}]/u.test(ch)) out = ch + out;
    else if (visible-- > 0) out = ch + out;
    else out = DOT + out;
  }
  return out;
}

/** `j•••@e•••.com`: first character of each long enough part, and the top-level domain. */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return maskEdges(value);
  const initial = (part: string) => (part.length >= 3 ? part[0]! : '') + DOT.repeat(3);
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${initial(value.slice(0, at))}@${initial(dot > 0 ? domain.slice(0, dot) : domain)}${tld}`;
}

export function maskValue(value: string, style: MaskStyle): string {
  switch (style) {
    case 'edges':
      return maskEdges(value);
    case 'last4':
      return maskLast4(value);
    case 'email':
      return maskEmail(value);
    case 'full':
      return DOT.repeat(Math.min(value.length, 12));
  }
}

export function normalizeValue(value: string, normalization: Normalization): string {
  switch (normalization) {
    case 'none':
      return value;
    case 'digits':
      return value.replace(/\D/g, '');
    case 'lower':
      return value.toLowerCase();
    case 'alnum':
      return value.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  }
}

/** Hex HMAC-SHA256 of the normalised value. */
export function fingerprintValue(key: Buffer, value: string, normalization: Normalization): string {
  return createHmac('sha256', key).update(normalizeValue(value, normalization), 'utf8').digest('hex');
}

export function defaultKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EXPOSURE_KEY_FILE) return env.EXPOSURE_KEY_FILE;
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(configHome, 'exposure', 'fingerprint.key');
}

/** Reads the fingerprint key, creating it (32 random bytes, mode 0600, directory 0700) on first use. */
export function loadOrCreateKey(path: string = defaultKeyPath()): Buffer {
  try {
    return readKey(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // `wx` fails if another process created the key meanwhile; that key then wins.
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, randomBytes(KEY_BYTES));
    closeSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new ConfigError(`cannot create fingerprint key ${path}: ${(error as Error).message}`);
    }
  }
  return readKey(path);
}

function readKey(path: string): Buffer {
  const mode = statSync(path).mode;
  if ((mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8);
    throw new ConfigError(
      `fingerprint key ${path} is readable by others (mode ${octal}); run: chmod 600 ${path}`,
    );
  }
  const key = readFileSync(path);
  if (key.length !== KEY_BYTES) {
    throw new ConfigError(`fingerprint key ${path} must hold ${KEY_BYTES} bytes, found ${key.length}`);
  }
  return key;
}
