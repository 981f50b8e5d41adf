// The raw values a leak audit plants: synthetic, in each vendor's documented shape, wrapped in the prose the
// detectors expect, and the parts of each value that must never be written anywhere.
import { createRng, type Rng } from '../../src/synth/rng.ts';
import { SENSITIVE_KINDS, type SensitiveKind } from '../../src/synth/sensitive.ts';

export interface LeakValue {
  /** Where it is planted, e.g. `jira summary`, `confluence inline comment`. */
  place: string;
  kind: string;
  value: string;
  /** The value inside a realistic sentence or config line. */
  snippet: string;
}

const rng = createRng(0x1eaf);

function kindNamed(name: string): SensitiveKind {
  const kind = SENSITIVE_KINDS.find((k) => k.kind === name);
  if (!kind) throw new Error(`no synthetic kind ${name}`);
  return kind;
}

/** A fresh value of `kind` for one place; every call draws a new value so a hit names its place. */
export function leakValue(place: string, kindName: string, random: Rng = rng): LeakValue {
  const kind = kindNamed(kindName);
  const value = kind.generate(random);
  return { place, kind: kindName, value, snippet: kind.wrap(random, value) };
}

const PEM_BODY_LINE = /^[A-Za-z0-9+/=]{24,}$/;

/**
 * The strings that must not appear: the value, its digits alone (cards, SSNs are also stored normalised),
 * the password of a connection string, and every base64 line of a PEM key (a partial key is still a leak).
 */
export function secretParts(leak: LeakValue): string[] {
  const parts = [leak.value];
  const digits = leak.value.replace(/\D/g, '');
  if (/^[\d -]+$/.test(leak.value) && digits !== leak.value) parts.push(digits);
  const password = /^\w+:\/\/[^:/@\s]+:([^@\s]+)@/.exec(leak.value)?.[1];
  if (password) parts.push(password);
  if (leak.value.includes('PRIVATE KEY'))
    parts.push(...leak.value.split('\n').filter((line) => PEM_BODY_LINE.test(line)));
  return parts;
}
