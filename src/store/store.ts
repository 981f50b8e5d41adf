// The store's entry point: `openStore(path)` gives one object per concern, all on one SQLite connection.
//
//   const store = openStore('data/exposure.db', { scanLock: true });
//   const { runId, siteId } = store.runs.begin({ site, mode: 'full', options, rulesetHash });
//   store.containers.upsert(siteId, containers);
//   store.scans.record(runId, batch, { container, value: checkpoint });   // one transaction per batch
//   store.runs.recordCoverage(runId, container, coverage);
//   store.runs.finish(runId, 'complete');
//   store.scores.compute(runId);
//   store.close();
import type Database from 'better-sqlite3';
import { BaselineRepository } from './baselines.ts';
import { CheckpointRepository } from './checkpoints.ts';
import { ContainerRepository } from './containers.ts';
import { contributionView, type ContributionOptions, type ContributionView } from './contribution.ts';
import { openDatabase, type OpenOptions } from './db.ts';
import { RunDiffer } from './diff.ts';
import { FieldNameRepository } from './field-names.ts';
import { FindingReader } from './findings.ts';
import { acquireScanLock, type ScanLock } from './lock.ts';
import { PlaceReader } from './places.ts';
import { RunRepository } from './runs.ts';
import { ScanWriter } from './scans.ts';
import { ScoreRepository } from './scores.ts';
import { SuppressionRepository } from './suppressions.ts';

export const DEFAULT_DB_PATH = 'data/exposure.db';

export interface StoreOptions extends OpenOptions {
  /** Take the scan lock: refused while another live process holds it. Needed by anything that crawls. */
  scanLock?: boolean;
}

export interface Store {
  readonly path: string;
  readonly runs: RunRepository;
  readonly containers: ContainerRepository;
  readonly checkpoints: CheckpointRepository;
  /** Per place: watermark, last complete read, refused or not; per run: how each place was read. */
  readonly baselines: BaselineRepository;
  /** Crawler write side. */
  readonly scans: ScanWriter;
  /** Report read side. */
  readonly findings: FindingReader;
  readonly suppressions: SuppressionRepository;
  /** Custom field names by id, for the findings CSV. */
  readonly fieldNames: FieldNameRepository;
  readonly scores: ScoreRepository;
  /** The state of each place in a run: scanned, not read, excluded, never scanned. */
  readonly places: PlaceReader;
  readonly diffs: RunDiffer;
  contribution(options: ContributionOptions): ContributionView;
  /** The raw connection, for benchmarks and tests; application code goes through the repositories. */
  readonly db: Database.Database;
  close(): void;
}

export function openStore(path: string = DEFAULT_DB_PATH, options: StoreOptions = {}): Store {
  const lock: ScanLock | undefined = options.scanLock ? acquireScanLock(path) : undefined;
  let db: Database.Database;
  try {
    db = openDatabase(path, options);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const containers = new ContainerRepository(db);
  const runs = new RunRepository(db, containers);
  const checkpoints = new CheckpointRepository(db);
  const places = new PlaceReader(db, runs, containers);
  const scores = new ScoreRepository(db, runs, containers, places);
  return {
    path,
    db,
    runs,
    containers,
    checkpoints,
    baselines: new BaselineRepository(db, containers),
    scans: new ScanWriter(db, containers, runs, checkpoints),
    findings: new FindingReader(db),
    suppressions: new SuppressionRepository(db, () => scores.refreshLatest()),
    fieldNames: new FieldNameRepository(db),
    scores,
    places,
    diffs: new RunDiffer(db, runs, scores, containers, places),
    contribution: (contributionOptions) => contributionView(runs, scores, contributionOptions),
    close() {
      try {
        db.close();
      } finally {
        lock?.release();
      }
    },
  };
}
