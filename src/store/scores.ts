import type Database from 'better-sqlite3';
import {
  exposure,
  exposureScore,
  findingWeightSql,
  placeCoverage,
  scoreBand,
  siteCoverage,
  type RunCoverage,
  type ScoreBand,
  PLACE_VISIBILITY_FACTOR,
  visibilityFactorSql,
} from '../score.ts';
import { CATEGORIES, SEVERITIES, type Category } from '../types.ts';
import type { ContainerRepository } from './containers.ts';
import type { CategorySeverityCounts, ContainerRef, StoredContainer } from './model.ts';
import type { PlaceReader } from './places.ts';
import type { RunRepository } from './runs.ts';
import {
  countFindings,
  emptyByCategory,
  liveFindings,
  newContainerCounts,
  RECENT_ITEM,
  type ContainerCounts,
} from './score-counts.ts';

/** One score row: a container in a run, or the site roll-up when `container` is null. */
export interface ScoreRecord {
  runId: number;
  container: StoredContainer | null;
  score: number;
  band: ScoreBand;
  weighted: number;
  openFindings: number;
  distinctValues: number;
  suppressed: number;
  counts: CategorySeverityCounts;
  itemsWithFindings: number;
  /** Live items holding an open finding of each category. */
  itemsByCategory: Record<Category, number>;
  itemsScanned: number;
  itemsListed: number | null;
  density: number | null;
  coverage: number | null;
}

export interface ScoreScope {
  /** Count only findings in items created or updated at or after this ISO instant. */
  since?: string;
}

const WEIGHT = findingWeightSql('f.severity', 'f.confidence', 'f.visibility');

interface Tally extends ContainerCounts {
  weighted: number;
  distinctValues: number;
  itemsScanned: number;
}

function newTally(): Tally {
  return { ...newContainerCounts(), weighted: 0, distinctValues: 0, itemsScanned: 0 };
}

/** Per-container score history, computed from the findings table and kept in `scores`. */
export class ScoreRepository {
  readonly #db: Database.Database;
  readonly #runs: RunRepository;
  readonly #containers: ContainerRepository;
  readonly #places: PlaceReader;

  constructor(
    db: Database.Database,
    runs: RunRepository,
    containers: ContainerRepository,
    places: PlaceReader,
  ) {
    this.#db = db;
    this.#runs = runs;
    this.#containers = containers;
    this.#places = places;
  }

  /** Scores of every container of the run's site, and the roll-up (last), without writing them. */
  calculate(runId: number, scope: ScoreScope = {}): ScoreRecord[] {
    const run = this.#runs.get(runId);
    const params = { runId, siteId: run.siteId, since: scope.since ?? null };
    const tallies = new Map<number, Tally>();
    const tally = (containerId: number): Tally => {
      let t = tallies.get(containerId);
      if (!t) tallies.set(containerId, (t = newTally()));
      return t;
    };
    const containers = new Map(this.#containers.list(run.siteId).map((c) => [c.id, c]));
    for (const id of containers.keys()) tally(id);
    for (const [id, counts] of countFindings(this.#db, params)) Object.assign(tally(id), counts);

    // Distinct values are grouped by their 8-byte key (value-key.ts). The inner ORDER BY repeats the GROUP BY,
    // so SQLite sorts once and the outer sum per container streams instead of sorting a million groups again.
    const open = `${liveFindings(scope.since !== undefined)} AND f.status <> 'suppressed'`;
    const distinct = this.#db.prepare(`
      SELECT id, SUM(w) AS weighted, COUNT(*) AS n FROM (
        SELECT f.container_id AS id, MAX(${WEIGHT}) AS w ${open}
        GROUP BY f.container_id, f.value_key ORDER BY f.container_id, f.value_key) GROUP BY id`);
    // W counts as far as the place is seen: its visibility factor (score.ts).
    for (const r of distinct.all(params) as Array<{ id: number; weighted: number; n: number }>) {
      const factor = PLACE_VISIBILITY_FACTOR[containers.get(r.id)?.visibility ?? 'unknown'];
      Object.assign(tally(r.id), { weighted: r.weighted * factor, distinctValues: r.n });
    }
    // Items in table order (through the site index, each row is a lookup: twice the time).
    const scanned = this.#db.prepare(`
      SELECT container_id AS id, COUNT(*) AS n FROM items i NOT INDEXED
      WHERE i.site_id = @siteId AND i.deleted = 0 AND i.last_scanned_run IS NOT NULL
        AND (@since IS NULL OR ${RECENT_ITEM}) GROUP BY 1`);
    for (const r of scanned.all(params) as Array<{ id: number; n: number }>) tally(r.id).itemsScanned = r.n;

    // Coverage counts only where the run read the place; the site's is over every place the run listed.
    const places = this.#places.forRun(runId);
    const runCoverage = (id: number) => {
      const place = places.get(id);
      return place?.state === 'scanned' ? place.coverage : null;
    };
    const records: ScoreRecord[] = [];
    const site = newTally();
    for (const [id, t] of tallies) {
      records.push(this.#record(runId, containers.get(id) ?? null, t, runCoverage(id)));
      for (const key of ['openFindings', 'suppressed', 'itemsWithFindings', 'itemsScanned'] as const)
        site[key] += t[key];
      for (const c of CATEGORIES) {
        site.itemsByCategory[c] += t.itemsByCategory[c];
        for (const s of SEVERITIES) site.counts[c][s] += t.counts[c][s];
      }
    }
    const visibility = new Map([...containers].map(([id, c]) => [id, c.visibility]));
    const factor = visibilityFactorSql('f.container_id', visibility);
    const union = this.#db.prepare(`
      SELECT COALESCE(SUM(w), 0) AS weighted, COUNT(*) AS n FROM (
        SELECT MAX(${WEIGHT} * ${factor}) AS w ${open} GROUP BY f.value_key)`);
    const u = union.get(params) as { weighted: number; n: number };
    Object.assign(site, { weighted: u.weighted, distinctValues: u.n });
    records.sort((a, b) => b.weighted - a.weighted);
    const read = [...places.values()].map((p) => ({
      read: p.state === 'scanned',
      coverage: p.state === 'scanned' && p.coverage ? placeCoverage(p.coverage) : null,
    }));
    const listed = [...places.values()].reduce((n, p) => n + (p.coverage?.listed ?? 0), 0);
    const siteRecord = this.#record(runId, null, site, null);
    records.push({ ...siteRecord, coverage: siteCoverage(read), itemsListed: listed });
    return records;
  }

  /** Calculates and stores the run's scores (replacing earlier ones for that run); returns them. */
  compute(runId: number): ScoreRecord[] {
    const records = this.calculate(runId);
    const insert = this.#db.prepare(`
      INSERT INTO scores (run_id, container_id, score, weighted, open_findings, distinct_values, suppressed, counts,
        items_with_findings, items_by_category, items_scanned, items_listed, density, coverage)
      VALUES (@runId, @containerId, @score, @weighted, @openFindings, @distinctValues, @suppressed, @counts,
        @itemsWithFindings, @itemsByCategory, @itemsScanned, @itemsListed, @density, @coverage)`);
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM scores WHERE run_id = ?').run(runId);
      for (const r of records) {
        const { container, band: _band, counts, itemsByCategory, ...columns } = r;
        insert.run({
          ...columns,
          containerId: container?.id ?? null,
          counts: JSON.stringify(counts),
          itemsByCategory: JSON.stringify(itemsByCategory),
        });
      }
    })();
    return records;
  }

  /**
   * The run's scores as reports read them: the stored rows (computed at the end of the scan, 1 ms to read) when
   * no `since` applies, and calculated otherwise (`since` narrows the findings to recent items, a smaller set).
   * A run whose scores were never stored (interrupted before the end) is calculated too.
   */
  forReport(runId: number, scope: ScoreScope = {}): ScoreRecord[] {
    if (scope.since === undefined) {
      const stored = this.forRun(runId);
      if (stored.length > 0) return stored;
    }
    return this.calculate(runId, scope);
  }

  /**
   * Recomputes the stored scores of each site's latest scored run, after suppressions changed which findings
   * count: reports read stored scores, and must not show a suppressed finding. Older runs keep their snapshot.
   */
  refreshLatest(): void {
    const latest = this.#db
      .prepare(
        'SELECT MAX(s.run_id) AS runId FROM scores s JOIN runs r ON r.id = s.run_id GROUP BY r.site_id',
      )
      .all() as Array<{ runId: number }>;
    for (const { runId } of latest) this.compute(runId);
  }

  /** Stored scores of a run, highest first, the site roll-up last; empty when never computed. */
  forRun(runId: number): ScoreRecord[] {
    return this.#read('WHERE s.run_id = ? ORDER BY s.container_id IS NULL, s.weighted DESC', runId);
  }

  /** A container's scores over all runs (or the site's, without a container), oldest first. */
  history(siteId: number, container?: ContainerRef): ScoreRecord[] {
    if (!container)
      return this.#read(
        'JOIN runs r ON r.id = s.run_id WHERE s.container_id IS NULL AND r.site_id = ? ORDER BY s.run_id',
        siteId,
      );
    return this.#read('WHERE s.container_id = ? ORDER BY s.run_id', this.#containers.idOf(siteId, container));
  }

  #record(
    runId: number,
    container: StoredContainer | null,
    t: Tally,
    runCoverage: RunCoverage | null,
  ): ScoreRecord {
    const e = exposure({
      weighted: t.weighted,
      itemsWithFindings: t.itemsWithFindings,
      itemsScanned: t.itemsScanned,
      runCoverage,
    });
    return { runId, container, ...t, ...e, itemsListed: runCoverage?.listed ?? null };
  }

  #read(clause: string, param: number): ScoreRecord[] {
    const byId = new Map(this.#containers.list().map((c) => [c.id, c]));
    const rows = this.#db.prepare(`SELECT s.* FROM scores s ${clause}`).all(param) as Array<
      Record<string, number | string | null>
    >;
    return rows.map((r) => {
      // The score is W itself: derived again so that runs stored under the old 0..100 scale read the same way.
      const score = exposureScore(r.weighted as number);
      const t: Tally = {
        weighted: r.weighted as number,
        distinctValues: r.distinct_values as number,
        openFindings: r.open_findings as number,
        suppressed: r.suppressed as number,
        counts: JSON.parse(r.counts as string) as CategorySeverityCounts,
        itemsWithFindings: r.items_with_findings as number,
        itemsByCategory: {
          ...emptyByCategory(),
          ...(JSON.parse(r.items_by_category as string) as Record<Category, number>),
        },
        itemsScanned: r.items_scanned as number,
      };
      const listed = r.items_listed as number | null;
      return {
        runId: r.run_id as number,
        container: r.container_id === null ? null : (byId.get(r.container_id as number) ?? null),
        ...t,
        score,
        band: scoreBand(score),
        itemsListed: listed,
        density: r.density as number | null,
        coverage: r.coverage as number | null,
      };
    });
  }
}
