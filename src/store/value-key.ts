// A finding's value (its fingerprint) as one 64-bit integer, so that scores group the distinct values of a
// million findings by sorting 8-byte integers instead of 64-character strings (bench/store.ts). Two distinct
// values would have to collide in 64 bits to count once: about 3 in 100 million for a million distinct values.
import type Database from 'better-sqlite3';

const LOW_PRIME = 0x01000193;
const HIGH_PRIME = 0x01000197;

/** Two independent 32-bit FNV-1a passes over the UTF-16 code units, as one signed 64-bit integer. */
export function valueKey(fingerprint: string): bigint {
  let low = 0x811c9dc5;
  let high = 0x050c5d1f;
  for (let i = 0; i < fingerprint.length; i++) {
    const code = fingerprint.charCodeAt(i);
    low = Math.imul(low ^ code, LOW_PRIME);
    high = Math.imul(high ^ code, HIGH_PRIME);
  }
  return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0));
}

/** Makes `fingerprint_value_key(fingerprint)` callable from SQL, for the migration that fills the column. */
export function registerValueKey(db: Database.Database): void {
  db.function('fingerprint_value_key', { deterministic: true, safeIntegers: true }, (fingerprint: unknown) =>
    valueKey(String(fingerprint)),
  );
}

/** Migration 3 (first half): the value key column, filled from the findings already stored. */
export const V3_VALUE_KEY = `
ALTER TABLE findings ADD COLUMN value_key INTEGER NOT NULL DEFAULT 0;
UPDATE findings SET value_key = fingerprint_value_key(fingerprint);
`;
