import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type { ContainerRepository } from './containers.ts';
import type { Product } from '../types.ts';
import type { ContainerRef, Coverage, FinishedRunStatus, RunInfo, RunMode, RunStatus } from './model.ts';

export interface BeginRun {
  /** Site base URL, e.g. https://example.atlassian.net */
  site: string;
  mode: RunMode;
  /** The effective scan options, kept for the run history (must hold no credentials). */
  options: unknown;
  rulesetHash: string;
}

interface RunRow {
  id: number;
  site_id: number;
  site_url: string;
  mode: RunMode;
  options: string;
  ruleset_hash: string;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
  listed: number;
  scanned: number;
  bytes: number;
  skipped: string;
  site_gaps: string;
  places_recorded: number;
}

function toRunInfo(row: RunRow): RunInfo {
  return {
    id: row.id,
    siteId: row.site_id,
    siteUrl: row.site_url,
    mode: row.mode,
    options: JSON.parse(row.options) as unknown,
    rulesetHash: row.ruleset_hash,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    listed: row.listed,
    scanned: row.scanned,
    bytes: row.bytes,
    skipped: JSON.parse(row.skipped) as Coverage['skipped'],
    siteGaps: JSON.parse(row.site_gaps) as RunInfo['siteGaps'],
    placesRecorded: row.places_recorded === 1,
  };
}

function addSkips(total: Coverage['skipped'], more: Coverage['skipped']): void {
  for (const [reason, count] of Object.entries(more)) total[reason] = (total[reason] ?? 0) + count;
}

const RUN_SELECT = 'SELECT runs.*, sites.url AS site_url FROM runs JOIN sites ON sites.id = runs.site_id';

/** Run history and per-container coverage of each run. */
export class RunRepository {
  readonly #db: Database.Database;
  readonly #containers: ContainerRepository;
  readonly #coverage: Database.Statement;
  readonly #placesRecorded: Database.Statement<[number]>;

  constructor(db: Database.Database, containers: ContainerRepository) {
    this.#db = db;
    this.#containers = containers;
    this.#coverage = db.prepare(`
      INSERT INTO coverage (run_id, container_id, listed, scanned, bytes, skipped, excluded)
      VALUES (@runId, @containerId, @listed, @scanned, @bytes, @skipped, @excluded)
      ON CONFLICT (run_id, container_id) DO UPDATE SET
        listed = excluded.listed, scanned = excluded.scanned, bytes = excluded.bytes, skipped = excluded.skipped,
        excluded = excluded.excluded`);
    this.#placesRecorded = db.prepare(
      'UPDATE runs SET places_recorded = 1 WHERE id = ? AND places_recorded = 0',
    );
  }

  begin(input: BeginRun): { runId: number; siteId: number } {
    const now = new Date().toISOString();
    return this.#db.transaction(() => {
      const site = this.#db
        .prepare<[string, string], { id: number }>(
          'INSERT INTO sites (url, created_at) VALUES (?, ?) ON CONFLICT (url) DO UPDATE SET url = url RETURNING id',
        )
        .get(input.site, now);
      if (!site) throw new StoreError(`cannot record site ${input.site}`);
      const runId = this.#db
        .prepare('INSERT INTO runs (site_id, mode, options, ruleset_hash, started_at) VALUES (?, ?, ?, ?, ?)')
        .run(
          site.id,
          input.mode,
          JSON.stringify(input.options ?? {}),
          input.rulesetHash,
          now,
        ).lastInsertRowid;
      return { runId: Number(runId), siteId: site.id };
    })();
  }

  /** Closes a run. Without totals, the run's totals are the sum of its per-container coverage. */
  finish(runId: number, status: FinishedRunStatus, totals?: Coverage): void {
    const sum = totals ?? this.#sumCoverage(runId);
    const changed = this.#db
      .prepare(
        `UPDATE runs SET status = ?, finished_at = ?, listed = ?, scanned = ?, bytes = ?, skipped = ? WHERE id = ?`,
      )
      .run(
        status,
        new Date().toISOString(),
        sum.listed,
        sum.scanned,
        sum.bytes,
        JSON.stringify(sum.skipped),
        runId,
      );
    if (changed.changes === 0) throw new StoreError(`no run ${runId}`);
  }

  /** Resumes an interrupted run: it is running again and will be finished by a later `finish`. */
  reopen(runId: number): void {
    const changed = this.#db
      .prepare("UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?")
      .run(runId).changes;
    if (changed === 0) throw new StoreError(`no run ${runId}`);
  }

  /** Replaces what the run could not read of one product's site-wide listings (nothing: an empty record). */
  recordSiteGaps(runId: number, product: Product, skipped: Coverage['skipped']): void {
    const gaps = Object.fromEntries(Object.entries(skipped).filter(([, n]) => n > 0));
    const changed = this.#db
      .prepare(
        `UPDATE runs SET site_gaps = CASE WHEN json(@gaps) = '{}' THEN json_remove(site_gaps, @path)
           ELSE json_set(site_gaps, @path, json(@gaps)) END WHERE id = @runId`,
      )
      .run({ runId, path: `$.${product}`, gaps: JSON.stringify(gaps) }).changes;
    if (changed === 0) throw new StoreError(`no run ${runId}`);
  }

  /**
   * Replaces the coverage recorded for one container in a run (call it again as the numbers grow). `excluded`: the
   * run listed the place but its options left it out. The crawler records every place it listed at once, so a run
   * with coverage rows is marked as naming all its places (see places.ts).
   */
  recordCoverage(runId: number, container: ContainerRef, coverage: Coverage, excluded = false): void {
    const containerId = this.#containers.idOf(this.get(runId).siteId, container);
    const skipped = JSON.stringify(coverage.skipped);
    this.#coverage.run({ runId, containerId, ...coverage, skipped, excluded: excluded ? 1 : 0 });
    this.#placesRecorded.run(runId);
  }

  coverage(
    runId: number,
  ): Array<Coverage & { container: ContainerRef; containerId: number; excluded: boolean }> {
    const rows = this.#db
      .prepare<
        [number],
        { container_id: number; product: ContainerRef['product']; key: string; excluded: number } & Omit<
          Coverage,
          'skipped'
        > & {
            skipped: string;
          }
      >(
        `SELECT coverage.*, containers.product, containers.key FROM coverage
         JOIN containers ON containers.id = coverage.container_id WHERE run_id = ? ORDER BY product, key`,
      )
      .all(runId);
    return rows.map((r) => ({
      container: { product: r.product, key: r.key },
      containerId: r.container_id,
      listed: r.listed,
      scanned: r.scanned,
      bytes: r.bytes,
      skipped: JSON.parse(r.skipped) as Coverage['skipped'],
      excluded: r.excluded === 1,
    }));
  }

  get(runId: number): RunInfo {
    const row = this.#db.prepare<[number], RunRow>(`${RUN_SELECT} WHERE runs.id = ?`).get(runId);
    if (!row) throw new StoreError(`no run ${runId} in this database`);
    return toRunInfo(row);
  }

  /** The newest runs first; only finished ones when `finishedOnly`. */
  last(count: number, options: { siteId?: number; finishedOnly?: boolean } = {}): RunInfo[] {
    return this.#db
      .prepare<[{ siteId: number | null; finishedOnly: number; count: number }], RunRow>(
        `${RUN_SELECT} WHERE (@siteId IS NULL OR runs.site_id = @siteId) AND (@finishedOnly = 0 OR runs.status <> 'running')
         ORDER BY runs.id DESC LIMIT @count`,
      )
      .all({ siteId: options.siteId ?? null, finishedOnly: options.finishedOnly ? 1 : 0, count })
      .map(toRunInfo);
  }

  /** Totals of the containers' coverage, plus the site-wide gaps. */
  #sumCoverage(runId: number): Coverage {
    const total: Coverage = { listed: 0, scanned: 0, bytes: 0, skipped: {} };
    for (const skipped of Object.values(this.get(runId).siteGaps)) addSkips(total.skipped, skipped);
    for (const c of this.coverage(runId)) {
      if (c.excluded) continue;
      total.listed += c.listed;
      total.scanned += c.scanned;
      total.bytes += c.bytes;
      addSkips(total.skipped, c.skipped);
    }
    return total;
  }
}
