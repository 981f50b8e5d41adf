// The state of each place (project, space, site configuration) in a run, so that no report shows a place the run
// did not read as clean:
//   scanned        the run read it (perhaps with gaps, counted by reason);
//   not-read       the run could read none of it: refused, failed, or the run stopped first (reasons say which);
//   excluded       the run listed it but its options left it out: its last known findings stand, dated;
//   never-scanned  known, but no run up to this one has read it.
// Places a run did not list at all (deleted, or hidden from the token since) are not part of that run.
import type Database from 'better-sqlite3';
import { unreadUnits, type RunCoverage } from '../score.ts';
import type { ContainerRepository } from './containers.ts';
import type { RunInfo, StoredContainer } from './model.ts';
import type { RunRepository } from './runs.ts';

export const PLACE_STATES = ['scanned', 'not-read', 'excluded', 'never-scanned'] as const;
export type PlaceState = (typeof PLACE_STATES)[number];

export interface PlaceStatus {
  container: StoredContainer;
  state: PlaceState;
  /** Units the run could not read, by reason (`forbidden`, `error`, `interrupted`...); empty when none. */
  gaps: Record<string, number>;
  /** What the run listed and scanned there; null when it did not read the place or recorded no counts. */
  coverage: RunCoverage | null;
  /** The last run up to this one that read the place (this run when scanned): the date of its findings. */
  lastRead: { runId: number; startedAt: string } | null;
}

interface CoverageRow {
  run_id: number;
  container_id: number;
  listed: number;
  scanned: number;
  skipped: string;
  excluded: number;
}

const gapsOf = (skipped: Record<string, number>) =>
  Object.fromEntries(Object.entries(skipped).filter(([reason, n]) => reason !== 'truncated' && n > 0));

/** Whether a coverage row shows the place read (some of it, or all of an empty place). */
const wasRead = (row: CoverageRow) => {
  const skipped = JSON.parse(row.skipped) as Record<string, number>;
  return row.excluded === 0 && (row.scanned > 0 || unreadUnits(skipped) === 0);
};

const STOPPED = new Set(['running', 'interrupted', 'failed']);

/** Reads place states from the coverage rows of a run and of the runs before it. */
export class PlaceReader {
  readonly #db: Database.Database;
  readonly #runs: RunRepository;
  readonly #containers: ContainerRepository;

  constructor(db: Database.Database, runs: RunRepository, containers: ContainerRepository) {
    this.#db = db;
    this.#runs = runs;
    this.#containers = containers;
  }

  /** The places of run `runId`, by container id, in the containers' order. */
  forRun(runId: number): Map<number, PlaceStatus> {
    const run = this.#runs.get(runId);
    const rows = this.#db
      .prepare<[number, number], CoverageRow>(
        `SELECT run_id, container_id, listed, scanned, skipped, excluded FROM coverage
         WHERE run_id <= ? AND container_id IN (SELECT id FROM containers WHERE site_id = ?)`,
      )
      .all(runId, run.siteId);
    const current = new Map(rows.filter((r) => r.run_id === runId).map((r) => [r.container_id, r]));
    const lastRead = this.#lastRead(run, rows);
    const places = new Map<number, PlaceStatus>();
    for (const container of this.#containers.list(run.siteId)) {
      const place = this.#place(run, container, current.get(container.id), lastRead);
      if (place) places.set(container.id, place);
    }
    return places;
  }

  #place(
    run: RunInfo,
    container: StoredContainer,
    row: CoverageRow | undefined,
    lastRead: (containerId: number) => PlaceStatus['lastRead'],
  ): PlaceStatus | undefined {
    const previous = () => lastRead(container.id);
    const thisRun = { runId: run.id, startedAt: run.startedAt };
    const leftOut = (): PlaceStatus => {
      const last = previous();
      return {
        container,
        state: last ? 'excluded' : 'never-scanned',
        gaps: {},
        coverage: null,
        lastRead: last,
      };
    };
    if (row) {
      if (row.excluded) return leftOut();
      const skipped = JSON.parse(row.skipped) as Record<string, number>;
      const coverage = { listed: row.listed, scanned: row.scanned, skipped };
      if (wasRead(row))
        return { container, state: 'scanned', gaps: gapsOf(skipped), coverage, lastRead: thisRun };
      return { container, state: 'not-read', gaps: gapsOf(skipped), coverage, lastRead: previous() };
    }
    const products = (run.options as { products?: unknown } | null)?.products;
    if (Array.isArray(products) && !products.includes(container.product)) return leftOut();
    const listingGaps = gapsOf(run.siteGaps[container.product] ?? {});
    if (Object.keys(listingGaps).length > 0)
      return { container, state: 'not-read', gaps: listingGaps, coverage: null, lastRead: previous() };
    // A run that names all its places did not list this one: it is gone from the site, or from the token's view.
    if (run.placesRecorded) return undefined;
    // Runs before schema 5: no row for places without changes; a stopped run may not have reached the place.
    if (STOPPED.has(run.status))
      return { container, state: 'not-read', gaps: { interrupted: 1 }, coverage: null, lastRead: previous() };
    return { container, state: 'scanned', gaps: {}, coverage: null, lastRead: thisRun };
  }

  /** The last run before `run` that read each place: from coverage rows, else (older runs) from its items. */
  #lastRead(run: RunInfo, rows: readonly CoverageRow[]): (containerId: number) => PlaceStatus['lastRead'] {
    const byCoverage = new Map<number, number>();
    for (const r of rows) {
      if (r.run_id < run.id && wasRead(r) && r.run_id > (byCoverage.get(r.container_id) ?? 0))
        byCoverage.set(r.container_id, r.run_id);
    }
    let byItems: Map<number, number> | undefined;
    const fromItems = () =>
      (byItems ??= new Map(
        (
          this.#db
            .prepare(
              `SELECT container_id, MAX(last_scanned_run) FROM items
               WHERE site_id = ? AND last_scanned_run < ? GROUP BY container_id`,
            )
            .raw()
            .all(run.siteId, run.id) as Array<[number, number]>
        ).map(([id, runId]) => [id, runId]),
      ));
    const started = new Map<number, string>();
    return (containerId) => {
      const runId = byCoverage.get(containerId) ?? fromItems().get(containerId);
      if (runId === undefined) return null;
      if (!started.has(runId)) started.set(runId, this.#runs.get(runId).startedAt);
      return { runId, startedAt: started.get(runId)! };
    };
  }
}
