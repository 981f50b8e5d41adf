// Which fields of a site's live items still hold open or suppressed findings, by field name: the crawler's
// input for resolving findings of comments deleted since (a deleted comment leaves its page unchanged).
import type Database from 'better-sqlite3';
import type { Product } from '../types.ts';

export interface OpenField {
  itemId: string;
  containerKey: string;
  field: string;
  fieldId: string;
}

export function openFields(
  db: Database.Database,
  siteId: number,
  product: Product,
  fields: readonly string[],
): OpenField[] {
  return db
    .prepare(
      `SELECT DISTINCT i.external_id AS itemId, c.key AS containerKey, f.field, f.field_id AS fieldId
       FROM findings f JOIN items i ON i.id = f.item_id JOIN containers c ON c.id = i.container_id
       WHERE i.site_id = ? AND i.product = ? AND i.deleted = 0 AND f.status <> 'resolved'
         AND f.field IN (SELECT value FROM json_each(?))`,
    )
    .all(siteId, product, JSON.stringify(fields)) as OpenField[];
}
