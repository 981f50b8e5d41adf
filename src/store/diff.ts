import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type { Category, Product, Severity } from '../types.ts';
import type { ContainerRef, RunInfo } from './model.ts';
import type { RunRepository } from './runs.ts';
import type { ScoreRecord, ScoreRepository } from './scores.ts';

export interface DiffFinding {
  id: number;
  ruleId: string;
  category: Category;
  severity: Severity;
  preview: string;
  product: Product;
  containerKey: string;
  itemKey: string | null;
  itemTitle: string;
  url: string;
}

export interface ScoreChange {
  from: number | null;
  to: number | null;
  delta: number | null;
}

export interface ContainerDiff {
  container: ContainerRef;
  name: string;
  score: ScoreChange;
  new: number;
  resolved: number;
  stillOpen: number;
}

export interface RunDiff {
  from: RunInfo;
  to: RunInfo;
  site: Omit<ContainerDiff, 'container' | 'name'>;
  containers: ContainerDiff[];
  newFindings: DiffFinding[];
  resolvedFindings: DiffFinding[];
}

function change(from: ScoreRecord | undefined, to: ScoreRecord | undefined): ScoreChange {
  const a = from?.score ?? null;
  const b = to?.score ?? null;
  return { from: a, to: b, delta: a !== null && b !== null ? Math.round((b - a) * 10) / 10 : null };
}

// Open at run R = first seen by R, not resolved by R, not suppressed (suppressions apply to both runs alike).
const DIFF_SQL = `
  SELECT f.id, f.rule_id AS ruleId, f.category, f.severity, f.preview, c.product, c.key AS containerKey,
    i.key AS itemKey, i.title AS itemTitle, f.url,
    (f.first_seen_run <= @from AND (f.resolved_run IS NULL OR f.resolved_run > @from)) AS atFrom,
    (f.first_seen_run <= @to AND (f.resolved_run IS NULL OR f.resolved_run > @to)) AS atTo
  FROM findings f JOIN items i ON i.id = f.item_id JOIN containers c ON c.id = i.container_id
  WHERE i.site_id = @siteId AND f.status <> 'suppressed' AND f.first_seen_run <= MAX(@from, @to)
    AND (f.resolved_run IS NULL OR f.resolved_run > MIN(@from, @to))
  ORDER BY c.product, c.key, f.id`;

/** New, resolved and still-open findings and score changes per container between two runs of one site. */
export class RunDiffer {
  readonly #db: Database.Database;
  readonly #runs: RunRepository;
  readonly #scores: ScoreRepository;

  constructor(db: Database.Database, runs: RunRepository, scores: ScoreRepository) {
    this.#db = db;
    this.#runs = runs;
    this.#scores = scores;
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

  diff(fromId?: number, toId?: number): RunDiff {
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

    const perContainer = new Map<string, ContainerDiff>();
    for (const r of [...after, ...before]) {
      if (!r.container || perContainer.has(`${r.container.product}:${r.container.key}`)) continue;
      perContainer.set(`${r.container.product}:${r.container.key}`, {
        container: { product: r.container.product, key: r.container.key },
        name: r.container.name,
        score: change(beforeById.get(r.container.id), afterById.get(r.container.id)),
        new: 0,
        resolved: 0,
        stillOpen: 0,
      });
    }
    const site = { score: change(beforeById.get(0), afterById.get(0)), new: 0, resolved: 0, stillOpen: 0 };
    const newFindings: DiffFinding[] = [];
    const resolvedFindings: DiffFinding[] = [];
    const rows = this.#db.prepare(DIFF_SQL).iterate({ from: from.id, to: to.id, siteId: from.siteId });
    for (const row of rows as IterableIterator<DiffFinding & { atFrom: number; atTo: number }>) {
      const { atFrom, atTo, ...finding } = row;
      const bucket = atFrom && atTo ? 'stillOpen' : atTo ? 'new' : atFrom ? 'resolved' : undefined;
      if (!bucket) continue;
      site[bucket]++;
      const entry = perContainer.get(`${finding.product}:${finding.containerKey}`);
      if (entry) entry[bucket]++;
      if (bucket === 'new') newFindings.push(finding);
      if (bucket === 'resolved') resolvedFindings.push(finding);
    }
    const containers = [...perContainer.values()].sort(
      (a, b) => Math.abs(b.score.delta ?? 0) - Math.abs(a.score.delta ?? 0) || b.new - a.new,
    );
    return { from, to, site, containers, newFindings, resolvedFindings };
  }
}
