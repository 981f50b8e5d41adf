import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { valueKeySql } from '../../src/store/value-key.ts';
import { fingerprintOf } from './helpers.ts';

const hmac = fingerprintOf('a value');

describe('valueKeySql', () => {
  it.each([
    ['an HMAC in hex: its first 8 bytes', hmac, Buffer.from(hmac.slice(0, 16), 'hex')],
    ['upper-case hex alike', hmac.toUpperCase(), Buffer.from(hmac.slice(0, 16), 'hex')],
    ['a shorter fingerprint: itself', hmac.slice(1), hmac.slice(1)],
    ['64 characters that are not hex: itself', `${hmac.slice(0, 63)}z`, `${hmac.slice(0, 63)}z`],
    ['any other text: itself', 'fp-a', 'fp-a'],
  ])('keys %s', (_name, fingerprint, key) => {
    const db = new Database(':memory:');
    const sql = `SELECT ${valueKeySql('fp')} FROM (SELECT ? AS fp)`;
    expect(db.prepare(sql).pluck().get(fingerprint)).toEqual(key);
    db.close();
  });
});
