// Custom field names by id (masked where a name holds a finding), as the last field catalogue read gave them: the
// findings CSV names the field a value sits in, not only its id.
import type Database from 'better-sqlite3';
import type { Product } from '../types.ts';

export class FieldNameRepository {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Records (or renames) the given fields of a site; fields not named keep their last known name. */
  record(siteId: number, product: Product, fields: ReadonlyArray<{ id: string; name: string }>): void {
    const upsert = this.#db.prepare(`
      INSERT INTO field_names (site_id, product, field_id, name) VALUES (?, ?, ?, ?)
      ON CONFLICT (site_id, product, field_id) DO UPDATE SET name = excluded.name`);
    this.#db.transaction(() => {
      for (const f of fields) upsert.run(siteId, product, f.id, f.name);
    })();
  }

  /** Names by `siteId:product:fieldId`. */
  all(): Map<string, string> {
    const rows = this.#db
      .prepare('SELECT site_id, product, field_id, name FROM field_names')
      .raw()
      .all() as Array<[number, string, string, string]>;
    return new Map(rows.map(([site, product, id, name]) => [`${site}:${product}:${id}`, name]));
  }
}
