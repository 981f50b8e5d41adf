// Storage failures the user can act on (a full disk, a read-only file or mount, a damaged file) as one-line
// StoreErrors with exit code 2, instead of an "unexpected error" and a stack trace.
import { StoreError } from '../errors.ts';

type Actions = ReadonlyArray<readonly [RegExp, string]>;

const READ_ONLY =
  'the database is read-only: check the permissions of the file and its folder, and the mount';
const DISK_FULL = 'the disk holding the database is full: free some space and run again (a scan resumes)';

const SQLITE_ACTIONS: Actions = [
  [/^SQLITE_FULL$/, DISK_FULL],
  [/^SQLITE_READONLY/, READ_ONLY],
  [/^SQLITE_CANTOPEN$/, 'the database file cannot be opened: check that its folder exists and is writable'],
  [
    /^SQLITE_IOERR/,
    'the database could not be read or written (disk I/O error): check the disk and its mount',
  ],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'the database file is damaged or is not an exposure database'],
];

/** File-system codes, meaningful only where the file is known to be the database (while opening it). */
const FILE_ACTIONS: Actions = [
  [/^(EROFS|EACCES|EPERM)$/, READ_ONLY],
  [/^ENOSPC$/, DISK_FULL],
];

function reason(error: unknown, actions: Actions): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const action = actions.find(([pattern]) => pattern.test(code))?.[1];
  return action && `${action} (${code})`;
}

const isSqliteError = (error: unknown): boolean => error instanceof Error && error.name === 'SqliteError';

/** Why opening the database failed, with its code: from SQLite or the file system; undefined for other errors. */
export function openFailureReason(error: unknown): string | undefined {
  return isSqliteError(error) ? reason(error, SQLITE_ACTIONS) : reason(error, FILE_ACTIONS);
}

/** The StoreError for an SQLite error the user can fix (a write that failed mid-run), or undefined. */
export function storeErrorFrom(error: unknown): StoreError | undefined {
  const why = isSqliteError(error) ? reason(error, SQLITE_ACTIONS) : undefined;
  return why === undefined ? undefined : new StoreError(why, { cause: error });
}
