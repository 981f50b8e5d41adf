import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import { migrate, schemaVersion } from '../../src/store/migrate.ts';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { openStore } from '../../src/store/store.ts';
import { SITE, tempDir } from './helpers.ts';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function temp() {
  const t = tempDir();
  cleanup = t.cleanup;
  return t.path;
}

/** Schema as SQLite reports it, for comparing an upgraded database with a fresh one. */
function schemaOf(db: Database.Database): string[] {
  return (
    db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').all() as Array<{
      sql: string;
    }>
  ).map((r) => r.sql.replace(/\s+/g, ' '));
}

// Data written at a given version by that version's code; add an entry when a migration changes tables.
const seedRun = (db: Database.Database) => {
  db.prepare("INSERT INTO sites (id, url, created_at) VALUES (1, ?, '2026-09-01')").run(SITE);
  db.prepare(
    "INSERT INTO runs (id, site_id, mode, ruleset_hash, started_at, status) VALUES (1, 1, 'full', 'h', '2026-09-01', 'complete')",
  ).run();
};
const checkpoint = (db: Database.Database, key: string, value: object) =>
  db
    .prepare(
      "INSERT INTO checkpoints (site_id, product, container_key, value, updated_at) VALUES (1, 'jira', ?, ?, '2026-09-01')",
    )
    .run(key, JSON.stringify(value));
const SEED: Record<number, (db: Database.Database) => void> = {
  1: seedRun,
  // Version 4: a run with the coverage of one place, written before places and people were recorded.
  4: (db) => {
    seedRun(db);
    db.prepare(
      "INSERT INTO containers (id, site_id, product, external_id, key, name, url) VALUES (1, 1, 'jira', '1', 'ENG', 'Eng', 'u')",
    ).run();
    db.prepare(
      "INSERT INTO coverage (run_id, container_id, listed, scanned, bytes, skipped) VALUES (1, 1, 3, 3, 9, '{}')",
    ).run();
  },
  // Version 5: a project read to its end, one whose listing stopped half-way, the site watermark, a comment listing.
  5: (db) => {
    seedRun(db);
    checkpoint(db, 'ENG', { runId: 1, phase: 'issues', done: true, watermark: '2026-08-30T00:00:00.000Z' });
    checkpoint(db, 'OPS', { runId: 1, phase: 'issues', cursor: 'c2', done: false });
    checkpoint(db, '', { runId: 1, phase: 'full', done: true, watermark: '2026-09-01T10:00:00.000Z' });
    checkpoint(db, '#footer-comments', { runId: 1, phase: 'footer-comments', done: true });
  },
};

const EARLIER_VERSIONS = Array.from({ length: LATEST_SCHEMA_VERSION + 1 }, (_, version) => version);

describe('schema migrations', () => {
  it.each(EARLIER_VERSIONS)('upgrades a database created at version %i to the latest schema', (version) => {
    const path = temp();
    const old = new Database(path);
    migrate(old, path, version);
    SEED[version]?.(old);
    old.close();

    const store = openStore(path);
    expect(schemaVersion(store.db)).toBe(LATEST_SCHEMA_VERSION);
    const fresh = new Database(':memory:');
    migrate(fresh, ':memory:');
    expect(schemaOf(store.db)).toEqual(schemaOf(fresh));
    if (SEED[version]) expect(store.runs.get(1)).toMatchObject({ siteUrl: SITE, status: 'complete' });
    if (version === 4) {
      // Its coverage row reads as a place read, and the run as one that did not name every place it listed.
      expect(store.runs.get(1).placesRecorded).toBe(false);
      expect(store.runs.coverage(1)).toMatchObject([{ listed: 3, scanned: 3, excluded: false }]);
      expect([...store.places.forRun(1).values()].map((p) => p.state)).toEqual(['scanned']);
    }
    if (version === 5) {
      // The project read to its end goes on incrementally from the site watermark; nothing else has a baseline.
      const baseline = (key: string) => store.baselines.get(1, { product: 'jira', key });
      expect(baseline('ENG')).toEqual({
        watermark: '2026-09-01T10:00:00.000Z',
        completeRun: 1,
        completeAt: '2026-09-01',
        forbidden: false,
      });
      expect([baseline('OPS'), baseline(''), baseline('#footer-comments')]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    }
    store.close();
    fresh.close();
  });

  it.each([false, true])('refuses a newer schema (readonly %s) with a clear message', (readonly) => {
    const path = temp();
    openStore(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStore(path, { readonly })).toThrow(StoreError);
    expect(() => openStore(path, { readonly })).toThrow(/newer than this exposure supports/);
  });

  it('refuses to read an older schema without upgrading it, and to invent a missing database', () => {
    const path = temp();
    new Database(path).close();
    expect(() => openStore(path, { readonly: true })).toThrow(/older schema/);
    expect(() => openStore(`${path}.missing`, { readonly: true })).toThrow(/no database at/);
    expect(() => openStore(`${path}.missing`, { create: false })).toThrow(/no database at/);
  });
});
