// What a finished scan leaves in its database, read-only, in a form two databases can be compared by: the live
// items, the open findings and the latest scores per container, keyed by external ids (row ids differ).
import Database from 'better-sqlite3';

export interface RunRow {
  id: number;
  status: string;
  mode: string;
}

export interface ScanState {
  items: string[];
  findings: string[];
  scores: string[];
}

function readOnly<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const lines = (rows: unknown[]) => rows.map((row) => Object.values(row as object).join('|')).sort();

export function scanState(path: string): ScanState {
  return readOnly(path, (db) => ({
    items: lines(db.prepare('SELECT product, external_id, content_hash FROM items WHERE deleted = 0').all()),
    findings: lines(
      db
        .prepare(
          `SELECT i.product, i.external_id, f.field, f.field_id, f.rule_id, f.fingerprint, f.status
           FROM findings f JOIN items i ON i.id = f.item_id WHERE f.status = 'open'`,
        )
        .all(),
    ),
    scores: lines(
      db
        .prepare(
          `SELECT coalesce(c.product || ':' || c.key, 'site') AS container, s.score, s.open_findings,
                  s.distinct_values, s.items_with_findings, s.items_scanned, s.items_listed, s.coverage
           FROM scores s LEFT JOIN containers c ON c.id = s.container_id
           WHERE s.run_id = (SELECT max(run_id) FROM scores)`,
        )
        .all(),
    ),
  }));
}

/** Live issues, pages and blog posts and the open findings, each with the container it is stored under. */
export function placedState(path: string): { items: string[]; findings: string[] } {
  return readOnly(path, (db) => ({
    items: lines(
      db
        .prepare(
          `SELECT i.product, i.external_id, i.key AS item_key, c.key AS container_key
           FROM items i JOIN containers c ON c.id = i.container_id
           WHERE i.deleted = 0 AND i.kind IN ('issue', 'page', 'blogpost')`,
        )
        .all(),
    ),
    findings: lines(
      db
        .prepare(
          `SELECT i.product, i.external_id, c.key, f.field, f.fingerprint FROM findings f
           JOIN items i ON i.id = f.item_id JOIN containers c ON c.id = f.container_id WHERE f.status = 'open'`,
        )
        .all(),
    ),
  }));
}

export function runs(path: string): RunRow[] {
  return readOnly(
    path,
    (db) => db.prepare('SELECT id, status, mode FROM runs ORDER BY id').all() as RunRow[],
  );
}

/** Items stored so far, or 0 while the database or its schema does not exist yet. */
export function storedItems(path: string): number {
  try {
    return readOnly(path, (db) => (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n);
  } catch {
    return 0;
  }
}

/** Scans of all items summed: above the item count by the work a run redid after a kill. */
export function totalScans(path: string): number {
  return readOnly(path, (db) => (db.prepare('SELECT sum(scans) AS n FROM items').get() as { n: number }).n);
}
