import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type { Container, PlaceVisibility, Product } from '../types.ts';
import type { ContainerRef, StoredContainer } from './model.ts';

interface ContainerRow {
  id: number;
  site_id: number;
  product: Product;
  external_id: string;
  key: string;
  name: string;
  url: string;
  type: string | null;
  status: string | null;
  visibility: PlaceVisibility;
  visibility_read_at: string | null;
}

function toStored(row: ContainerRow): StoredContainer {
  return {
    id: row.id,
    siteId: row.site_id,
    product: row.product,
    externalId: row.external_id,
    key: row.key,
    name: row.name,
    url: row.url,
    type: row.type,
    status: row.status,
    visibility: row.visibility,
  };
}

/** Parses `ENG`, `jira:ENG` or `confluence:ENG` as typed by a user. */
export function parseContainerSpec(spec: string): { product?: Product; key: string } {
  const match = /^(jira|confluence):(.+)$/.exec(spec);
  return match ? { product: match[1] as Product, key: match[2] as string } : { key: spec };
}

/** Jira projects and Confluence spaces of each site. */
export class ContainerRepository {
  readonly #db: Database.Database;
  readonly #upsert: Database.Statement;
  readonly #idOf: Database.Statement<[number, string, string], { id: number }>;
  readonly #ids = new Map<string, number>();

  constructor(db: Database.Database) {
    this.#db = db;
    this.#upsert = db.prepare(`
      INSERT INTO containers (site_id, product, external_id, key, name, url, type, status)
      VALUES (@siteId, @product, @id, @key, @name, @url, @type, @status)
      ON CONFLICT (site_id, product, key) DO UPDATE SET
        external_id = excluded.external_id, name = excluded.name, url = excluded.url,
        type = excluded.type, status = excluded.status`);
    this.#idOf = db.prepare('SELECT id FROM containers WHERE site_id = ? AND product = ? AND key = ?');
  }

  upsert(siteId: number, containers: readonly Container[]): void {
    this.#db.transaction(() => {
      for (const c of containers) {
        this.#upsert.run({ ...c, siteId, type: c.type ?? null, status: c.status ?? null });
      }
    })();
  }

  /** The row id of a container; throws when the crawler has not upserted it yet. */
  idOf(siteId: number, ref: ContainerRef): number {
    const cacheKey = `${siteId}\u0000${ref.product}\u0000${ref.key}`;
    const cached = this.#ids.get(cacheKey);
    if (cached !== undefined) return cached;
    const row = this.#idOf.get(siteId, ref.product, ref.key);
    if (!row)
      throw new StoreError(`unknown ${ref.product} container ${ref.key}: upsert it before writing its items`);
    this.#ids.set(cacheKey, row.id);
    return row.id;
  }

  list(siteId?: number): StoredContainer[] {
    const rows = this.#db
      .prepare<[{ siteId: number | null }], ContainerRow>(
        'SELECT * FROM containers WHERE @siteId IS NULL OR site_id = @siteId ORDER BY product, key',
      )
      .all({ siteId: siteId ?? null });
    return rows.map(toStored);
  }

  /** The site's containers of a product that still hold live items (not deleted), of any kind. */
  holdingItems(siteId: number, product: Product): StoredContainer[] {
    return this.#db
      .prepare<[number, string], ContainerRow>(
        `SELECT * FROM containers c WHERE site_id = ? AND product = ?
           AND EXISTS (SELECT 1 FROM items i WHERE i.container_id = c.id AND i.deleted = 0)
         ORDER BY key`,
      )
      .all(siteId, product)
      .map(toStored);
  }

  /** Each container's visibility and when its permissions were last read (none before the first read), by key. */
  visibility(
    siteId: number,
    product: Product,
  ): Map<string, { visibility: PlaceVisibility; readAt?: string }> {
    const rows = this.#db
      .prepare<[number, string], Pick<ContainerRow, 'key' | 'visibility' | 'visibility_read_at'>>(
        'SELECT key, visibility, visibility_read_at FROM containers WHERE site_id = ? AND product = ?',
      )
      .all(siteId, product);
    return new Map(
      rows.map((r) => [r.key, { visibility: r.visibility, readAt: r.visibility_read_at ?? undefined }]),
    );
  }

  /** Records who may see these (stored) containers, as read at `readAt`. */
  recordVisibility(
    siteId: number,
    product: Product,
    places: ReadonlyArray<{ key: string; visibility: PlaceVisibility; readAt: string }>,
  ): void {
    const update = this.#db.prepare(
      `UPDATE containers SET visibility = @visibility, visibility_read_at = @readAt
       WHERE site_id = @siteId AND product = @product AND key = @key`,
    );
    this.#db.transaction(() => {
      for (const place of places) update.run({ ...place, siteId, product });
    })();
  }

  /** Containers matching a user's `ENG` / `jira:ENG` (several when a key exists in both products or sites). */
  find(spec: string): StoredContainer[] {
    const { product, key } = parseContainerSpec(spec);
    return this.list().filter((c) => c.key === key && (product === undefined || c.product === product));
  }
}
