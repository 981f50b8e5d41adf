import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import { openFailureReason, storeErrorFrom } from '../../src/store/sqlite-errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'exposure-sqlite-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error a real SQLite operation throws. */
function thrownBy(operation: () => void): unknown {
  try {
    operation();
  } catch (error) {
    return error;
  }
  throw new Error('the operation did not fail');
}

function fullDatabase(): void {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (v TEXT)');
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
}

function writeReadOnly(): void {
  const path = join(dir, 'ro.db');
  new Database(path).exec('CREATE TABLE t (v)');
  new Database(path, { readonly: true }).exec('INSERT INTO t VALUES (1)');
}

function openNotADatabase(): void {
  const path = join(dir, 'text.db');
  writeFileSync(path, 'not a database at all, just text '.repeat(100));
  new Database(path).pragma('user_version');
}

describe('storeErrorFrom', () => {
  it.each([
    ['a full disk', fullDatabase, /^the disk holding the database is full: .* \(SQLITE_FULL\)$/],
    ['a read-only database', writeReadOnly, /^the database is read-only: .* \(SQLITE_READONLY\)$/],
    [
      'a file that is not a database',
      openNotADatabase,
      /^the database file is damaged .* \(SQLITE_NOTADB\)$/,
    ],
  ])('%s is a one-line StoreError with exit code 2', (_case, operation, message) => {
    const error = storeErrorFrom(thrownBy(operation));
    expect(error).toBeInstanceOf(StoreError);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(message);
  });

  it.each([
    ['an SQL mistake', thrownBy(() => new Database(':memory:').exec('SELECT * FROM nowhere'))],
    ['a file-system error outside the database', Object.assign(new Error('x'), { code: 'EACCES' })],
    ['a non-error', 'SQLITE_FULL'],
  ])('%s is left to the caller', (_case, error) => {
    expect(storeErrorFrom(error)).toBeUndefined();
  });
});

describe('openFailureReason', () => {
  it.each([
    ['EROFS', /^the database is read-only: .* \(EROFS\)$/],
    ['EACCES', /^the database is read-only: .* \(EACCES\)$/],
    ['EPERM', /^the database is read-only: .* \(EPERM\)$/],
    ['ENOSPC', /^the disk holding the database is full: .* \(ENOSPC\)$/],
  ])('file-system code %s while opening the database', (code, message) => {
    expect(openFailureReason(Object.assign(new Error('x'), { code }))).toMatch(message);
  });

  it('an unknown code has no reason: the caller shows the message', () => {
    expect(openFailureReason(Object.assign(new Error('x'), { code: 'EMFILE' }))).toBeUndefined();
  });
});
