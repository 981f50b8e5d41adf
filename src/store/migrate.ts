import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.ts';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a database written by a newer exposure: this binary cannot know what its tables mean. */
export function assertSupportedVersion(db: Database.Database, path: string): number {
  const version = schemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      `${path} has schema version ${version}, newer than this exposure supports (${LATEST_SCHEMA_VERSION}); ` +
        'upgrade exposure or use another --db',
    );
  }
  return version;
}

/**
 * Applies the pending migrations up to `target` (default: latest), each in its own transaction so that a failure
 * leaves the database at the last complete version.
 */
export function migrate(db: Database.Database, path: string, target = LATEST_SCHEMA_VERSION): void {
  const from = assertSupportedVersion(db, path);
  for (let version = from + 1; version <= target; version++) {
    const sql = MIGRATIONS[version - 1];
    if (sql === undefined) throw new StoreError(`no migration to schema version ${version}`);
    try {
      db.transaction(() => {
        db.exec(sql);
        db.pragma(`user_version = ${version}`);
      })();
    } catch (error) {
      throw new StoreError(`cannot migrate ${path} to schema version ${version}`, { cause: error });
    }
  }
}
