import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type { ContainerRepository } from './containers.ts';
import type { ContainerRef, RunInfo } from './model.ts';
import type { PlaceReader, PlaceState, PlaceStatus } from './places.ts';
import type { RunRepository } from './runs.ts';
import { countFindings } from './score-counts.ts';
import { changedFindings, type DiffFinding } from './diff-changes.ts';
import type { ScoreRecord, ScoreRepository } from './scores.ts';

export type { DiffFinding } from './diff-changes.ts';

/** The score (W, the quantity that ranks) at each run where the run read the place, and its change. */
export interface ScoreChange {
  from: number | null;
  to: number | null;
  delta: number | null;
}

export interface ContainerDiff {
  container: ContainerRef;
  name: string;
  /** The place's state at each run; null when that run did not list it. */
  state: { from: PlaceState | null; to: PlaceState | null };
  score: ScoreChange;
  new: number;
  resolved: number;
  stillOpen: number;
}

export interface RunDiff {
  from: RunInfo;
  to: RunInfo;
  site: Omit<ContainerDiff, 'container' | 'name' | 'state'>;
  containers: ContainerDiff[];
  newFindings: DiffFinding[];
  resolvedFindings: DiffFinding[];
}

type Bucket = 'new' | 'resolved' | 'stillOpen';
const BUCKETS: readonly Bucket[] = ['new', 'resolved', 'stillOpen'];

/** A score counts only where the run read the place: a place not read (or left out) is no 0. */
const measured = (score: ScoreRecord | undefined, place?: PlaceStatus) =>
  score && (place === undefined || place.state === 'scanned') ? score.score : null;

function change(a: number | null, b: number | null): ScoreChange {
  return { from: a, to: b, delta: a !== null && b !== null ? Math.round((b - a) * 10) / 10 : null };
}

/** New, resolved and still-open findings and score changes per container between two runs of one site. */
export class RunDiffer {
  readonly #db: Database.Database;
  readonly #runs: RunRepository;
  readonly #scores: ScoreRepository;
  readonly #containers: ContainerRepository;
  readonly #places: PlaceReader;

  constructor(
    db: Database.Database,
    runs: RunRepository,
    scores: ScoreRepository,
    containers: ContainerRepository,
    places: PlaceReader,
  ) {
    this.#db = db;
    this.#runs = runs;
    this.#scores = scores;
    this.#containers = containers;
    this.#places = places;
  }

  /** Defaults: `to` = the last finished run, `from` = the finished run of the same site before `to`. */
  resolveRuns(fromId?: number, toId?: number): { from: RunInfo; to: RunInfo } {
    const to = toId !== undefined ? this.#runs.get(toId) : this.#runs.last(1, { finishedOnly: true })[0];
    if (!to) throw new StoreError('no finished run in this database yet');
    const from =
      fromId !== undefined
        ? this.#runs.get(fromId)
        : this.#runs.last(1000, { siteId: to.siteId, finishedOnly: true }).find((r) => r.id < to.id);
    if (!from) throw new StoreError(`no finished run before run ${to.id} to compare with; pass --from`);
    if (from.siteId !== to.siteId)
      throw new StoreError(`runs ${from.id} and ${to.id} scanned different sites`);
    return { from, to };
  }

  /**
   * `list` caps the new and the resolved findings listed (default: all); the counts always cover every finding.
   * A re-scan that changed a hundred thousand findings lists them in seconds, and a summary needs a few.
   */
  diff(fromId?: number, toId?: number, list?: number): RunDiff {
    const { from, to } = this.resolveRuns(fromId, toId);
    const scoresOf = (runId: number) => {
      const stored = this.#scores.forRun(runId);
      return stored.length ? stored : this.#scores.calculate(runId);
    };
    const before = scoresOf(from.id);
    const after = scoresOf(to.id);
    const keyOf = (r: ScoreRecord) => (r.container ? r.container.id : 0);
    const beforeById = new Map(before.map((r) => [keyOf(r), r]));
    const afterById = new Map(after.map((r) => [keyOf(r), r]));
    const placesBefore = this.#places.forRun(from.id);
    const placesAfter = this.#places.forRun(to.id);

    const perContainer = new Map<string, ContainerDiff>();
    for (const r of [...after, ...before]) {
      if (!r.container || perContainer.has(`${r.container.product}:${r.container.key}`)) continue;
      const id = r.container.id;
      const [a, b] = [placesBefore.get(id), placesAfter.get(id)];
      if (!a && !b) continue;
      perContainer.set(`${r.container.product}:${r.container.key}`, {
        container: { product: r.container.product, key: r.container.key },
        name: r.container.name,
        state: { from: a?.state ?? null, to: b?.state ?? null },
        score: change(measured(beforeById.get(id), a), measured(afterById.get(id), b)),
        new: 0,
        resolved: 0,
        stillOpen: 0,
      });
    }
    const siteScore = change(measured(beforeById.get(0)), measured(afterById.get(0)));
    const site = { score: siteScore, new: 0, resolved: 0, stillOpen: 0 };
    const refs = new Map(this.#containers.list(from.siteId).map((c) => [c.id, `${c.product}:${c.key}`]));
    // Open at the later run = still open + changed findings open at that run (new ones, or resolved ones when
    // --from is the later run): the open counts of the latest run come from the items, not a million findings.
    const later = Math.max(from.id, to.id);
    const openAtLater = countFindings(this.#db, { runId: later, siteId: from.siteId, since: null });
    const changed = changedFindings(this.#db, { from: from.id, to: to.id, siteId: from.siteId }, list);
    for (const id of new Set([...openAtLater.keys(), ...changed.counts.keys()])) {
      const { new: added, resolved } = changed.counts.get(id) ?? { new: 0, resolved: 0 };
      const open = openAtLater.get(id)?.openFindings ?? 0;
      const counts = { new: added, resolved, stillOpen: open - (later === to.id ? added : resolved) };
      const entry = perContainer.get(refs.get(id) ?? '');
      for (const bucket of BUCKETS) {
        site[bucket] += counts[bucket];
        if (entry) entry[bucket] += counts[bucket];
      }
    }
    const { newFindings, resolvedFindings } = changed;
    const containers = [...perContainer.values()].sort(
      (a, b) => Math.abs(b.score.delta ?? 0) - Math.abs(a.score.delta ?? 0) || b.new - a.new,
    );
    return { from, to, site, containers, newFindings, resolvedFindings };
  }
}
