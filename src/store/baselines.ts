// Per-place baselines (see crawl/baselines.ts): each project's and space's own watermark, last complete read and
// whether its last read was refused; and, per run, how the run read each place and why (coverage.read_mode and
// read_reason), so ops can see why a night cost more and a resumed run keeps its plan.
import type Database from 'better-sqlite3';
import type { ContainerRepository } from './containers.ts';
import type { ContainerRef } from './model.ts';

export interface StoredBaseline {
  watermark?: string;
  completeRun?: number;
  completeAt?: string;
  forbidden: boolean;
}

/** `complete`: the run read the place to its end; a watermark only moves forward. */
export interface BaselineChange {
  complete?: true;
  watermark?: string;
  forbidden?: boolean;
}

/** How a run read a place: `reason` says why a full read. */
export interface StoredRead {
  mode: 'full' | 'incremental';
  reason?: string;
}

// Backfills the places a finished listing checkpoint shows read to their end (any earlier run, full or not), with
// the product's site watermark: an upgraded database goes on incrementally instead of reading everything again.
export const V6_BASELINES = `
CREATE TABLE baselines (
  site_id INTEGER NOT NULL REFERENCES sites(id),
  product TEXT NOT NULL,
  container_key TEXT NOT NULL,
  watermark TEXT,
  complete_run INTEGER,
  complete_at TEXT,
  forbidden INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, product, container_key)
) WITHOUT ROWID;
ALTER TABLE coverage ADD COLUMN read_mode TEXT CHECK (read_mode IN ('full', 'incremental'));
ALTER TABLE coverage ADD COLUMN read_reason TEXT;
INSERT INTO baselines (site_id, product, container_key, watermark, complete_run, complete_at)
  SELECT c.site_id, c.product, c.container_key, json_extract(s.value, '$.watermark'), r.id, r.started_at
  FROM checkpoints c
  JOIN runs r ON r.id = json_extract(c.value, '$.runId')
  LEFT JOIN checkpoints s ON s.site_id = c.site_id AND s.product = c.product AND s.container_key = ''
  WHERE c.container_key <> '' AND c.container_key NOT LIKE '#%' AND json_extract(c.value, '$.done') = 1;
`;

interface BaselineRow {
  watermark: string | null;
  complete_run: number | null;
  complete_at: string | null;
  forbidden: number;
}

export class BaselineRepository {
  readonly #db: Database.Database;
  readonly #containers: ContainerRepository;
  readonly #get: Database.Statement<[number, string, string], BaselineRow>;

  constructor(db: Database.Database, containers: ContainerRepository) {
    this.#db = db;
    this.#containers = containers;
    this.#get = db.prepare('SELECT * FROM baselines WHERE site_id = ? AND product = ? AND container_key = ?');
  }

  get(siteId: number, ref: ContainerRef): StoredBaseline | undefined {
    const row = this.#get.get(siteId, ref.product, ref.key);
    if (!row) return undefined;
    return {
      ...(row.watermark ? { watermark: row.watermark } : {}),
      ...(row.complete_run === null ? {} : { completeRun: row.complete_run }),
      ...(row.complete_at ? { completeAt: row.complete_at } : {}),
      forbidden: row.forbidden === 1,
    };
  }

  /** True once any place of the site has a baseline: auto mode reads in full only the first time. */
  any(siteId: number): boolean {
    return this.#db.prepare('SELECT 1 FROM baselines WHERE site_id = ? LIMIT 1').get(siteId) !== undefined;
  }

  /** A watermark only moves forward; a complete read clears `forbidden` and dates the read by the run's start. */
  record(siteId: number, runId: number, ref: ContainerRef, change: BaselineChange): void {
    this.#db
      .prepare(
        `INSERT INTO baselines (site_id, product, container_key, watermark, complete_run, complete_at, forbidden)
         VALUES (@siteId, @product, @key, @watermark, @completeRun,
                 (SELECT started_at FROM runs WHERE id = @completeRun), @forbidden)
         ON CONFLICT (site_id, product, container_key) DO UPDATE SET
           watermark = CASE WHEN excluded.watermark IS NULL THEN watermark
             WHEN watermark IS NULL OR excluded.watermark > watermark THEN excluded.watermark ELSE watermark END,
           complete_run = IFNULL(excluded.complete_run, complete_run),
           complete_at = IFNULL(excluded.complete_at, complete_at),
           forbidden = CASE WHEN @forbiddenGiven THEN excluded.forbidden
             WHEN excluded.complete_run IS NOT NULL THEN 0 ELSE forbidden END`,
      )
      .run({
        siteId,
        product: ref.product,
        key: ref.key,
        watermark: change.watermark ?? null,
        completeRun: change.complete ? runId : null,
        forbidden: change.forbidden ? 1 : 0,
        forbiddenGiven: change.forbidden === undefined ? 0 : 1,
      });
  }

  /** How the run reads the place (its coverage row carries it; the counts are written at the end of the run). */
  recordRead(runId: number, siteId: number, ref: ContainerRef, read: StoredRead): void {
    const containerId = this.#containers.idOf(siteId, ref);
    this.#db
      .prepare(
        `INSERT INTO coverage (run_id, container_id, listed, scanned, bytes, read_mode, read_reason)
         VALUES (@runId, @containerId, 0, 0, 0, @mode, @reason)
         ON CONFLICT (run_id, container_id) DO UPDATE SET read_mode = @mode, read_reason = @reason`,
      )
      .run({ runId, containerId, mode: read.mode, reason: read.reason ?? null });
  }

  readOf(runId: number, siteId: number, ref: ContainerRef): StoredRead | undefined {
    const row = this.#db
      .prepare<
        [number, number, string, string],
        { read_mode: StoredRead['mode'] | null; read_reason: string | null }
      >(
        `SELECT read_mode, read_reason FROM coverage JOIN containers ON containers.id = coverage.container_id
         WHERE run_id = ? AND site_id = ? AND product = ? AND key = ?`,
      )
      .get(runId, siteId, ref.product, ref.key);
    if (!row?.read_mode) return undefined;
    return { mode: row.read_mode, ...(row.read_reason ? { reason: row.read_reason } : {}) };
  }
}
