import type Database from 'better-sqlite3';
import type { ContainerRef } from './model.ts';

/**
 * Where a crawl stands per container (watermark instant, cursor, phase) as JSON. Written in the same transaction
 * as the batch it describes (see ScanWriter.record), so a crash never leaves a checkpoint ahead of its data.
 * Use key '' for site-wide phases.
 */
export class CheckpointRepository {
  readonly #get: Database.Statement<[number, string, string], { value: string }>;
  readonly #set: Database.Statement<[number, string, string, string, string]>;
  readonly #clear: Database.Statement<[number, string, string]>;

  constructor(db: Database.Database) {
    this.#get = db.prepare(
      'SELECT value FROM checkpoints WHERE site_id = ? AND product = ? AND container_key = ?',
    );
    this.#set = db.prepare(`
      INSERT INTO checkpoints (site_id, product, container_key, value, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (site_id, product, container_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    this.#clear = db.prepare(
      'DELETE FROM checkpoints WHERE site_id = ? AND product = ? AND container_key = ?',
    );
  }

  get<T = unknown>(siteId: number, ref: ContainerRef): T | undefined {
    const row = this.#get.get(siteId, ref.product, ref.key);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  set(siteId: number, ref: ContainerRef, value: unknown): void {
    this.#set.run(siteId, ref.product, ref.key, JSON.stringify(value), new Date().toISOString());
  }

  clear(siteId: number, ref: ContainerRef): void {
    this.#clear.run(siteId, ref.product, ref.key);
  }
}
