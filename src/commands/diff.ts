// `exposure diff`: what changed between two runs: new, resolved and still-open findings and score changes per
// space and project (default: the last two finished runs).
import type { Command } from 'commander';
import type { Writable } from 'node:stream';
import { loadConfig } from '../config.ts';
import { EXIT, UsageError } from '../errors.ts';
import { singleLine, stripControl } from '../report/escape.ts';
import { STATE_WORDS } from '../report/coverage-state.ts';
import type { DiffFinding, RunDiff, ScoreChange } from '../store/diff.ts';
import type { RunInfo } from '../store/model.ts';
import type { PlaceState } from '../store/places.ts';
import { openStore } from '../store/store.ts';
import { formatTable } from './text-table.ts';

export interface DiffFlags {
  from?: string;
  to?: string;
  json?: boolean;
  limit?: string;
  db?: string;
  config?: string;
}

/** Findings listed per section in text output; --json lists them all. */
const DEFAULT_LIMIT = 20;

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value))
    throw new UsageError(`${flag} expects a positive whole number, got ${stripControl(value)}`);
  return Number(value);
}

/** The score where the run read the place; its state otherwise (a place not read is no 0). */
const score = (value: number | null, state: PlaceState | null = 'scanned') =>
  value !== null ? value.toFixed(1) : state === null ? 'not listed' : STATE_WORDS[state];
const delta = (change: ScoreChange) =>
  change.delta === null ? '' : change.delta > 0 ? `+${change.delta.toFixed(1)}` : change.delta.toFixed(1);
const runLine = (run: RunInfo) => `run ${run.id} (${run.mode}, ${run.status}, ${run.startedAt})`;

/** `total`: how many findings the section has; `findings` may list only the first of them. */
function findingLines(title: string, findings: readonly DiffFinding[], total: number, limit: number): string {
  if (findings.length === 0) return '';
  const rows = findings
    .slice(0, limit)
    .map((f) => [
      f.severity,
      f.ruleId,
      `${f.product}:${stripControl(f.containerKey)}`,
      stripControl(singleLine(f.preview)),
      f.url,
    ]);
  const shown = Math.min(limit, findings.length);
  const more = total > shown ? `… and ${total - shown} more (use --json for all)\n` : '';
  return `\n${title}:\n${formatTable(['SEVERITY', 'RULE', 'CONTAINER', 'PREVIEW', 'LINK'], rows)}${more}`;
}

export function formatDiff(diff: RunDiff, limit = DEFAULT_LIMIT): string {
  const rows = diff.containers.map((c) => [
    c.container.product,
    stripControl(c.container.key),
    stripControl(c.name).slice(0, 40),
    `${score(c.score.from, c.state.from)} → ${score(c.score.to, c.state.to)}`,
    delta(c.score),
    String(c.new),
    String(c.resolved),
    String(c.stillOpen),
  ]);
  const s = diff.site;
  rows.push([
    'site',
    '*',
    'all spaces and projects',
    `${score(s.score.from)} → ${score(s.score.to)}`,
    delta(s.score),
    String(s.new),
    String(s.resolved),
    String(s.stillOpen),
  ]);
  return (
    `${runLine(diff.from)} → ${runLine(diff.to)}\n\n` +
    formatTable(['PRODUCT', 'KEY', 'NAME', 'SCORE', 'CHANGE', 'NEW', 'RESOLVED', 'OPEN'], rows) +
    `\n${s.new} new, ${s.resolved} resolved, ${s.stillOpen} still open\n` +
    findingLines('New findings', diff.newFindings, s.new, limit) +
    findingLines('Resolved findings', diff.resolvedFindings, s.resolved, limit)
  );
}

export function runDiff(flags: DiffFlags, io: { stdout: Writable }): number {
  const from = positiveInteger(flags.from, '--from');
  const to = positiveInteger(flags.to, '--to');
  const limit = positiveInteger(flags.limit, '--limit') ?? DEFAULT_LIMIT;
  const config = loadConfig({ flags: { db: flags.db }, configFile: flags.config });
  const store = openStore(config.db, { readonly: true });
  try {
    // Text output lists `limit` findings per section: only those are read.
    const diff = store.diffs.diff(from, to, flags.json ? undefined : limit);
    io.stdout.write(flags.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff, limit));
    return EXIT.ok;
  } finally {
    store.close();
  }
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('new, resolved and still-open findings and score changes between two runs')
    .option('--from <run>', 'older run id (default: the finished run before --to)')
    .option('--to <run>', 'newer run id (default: the last finished run)')
    .option('--limit <n>', `findings listed per section in text output (default ${DEFAULT_LIMIT})`)
    .option('--json', 'print the whole comparison as JSON, every finding included')
    .option('--db <path>', 'SQLite database (default: data/exposure.db, env EXPOSURE_DB)')
    .option('--config <file>', 'configuration file (default: exposure.config.json or .yaml)')
    .addHelpText(
      'after',
      '\nExamples:\n  exposure diff\n  exposure diff --from 12 --to 15 --json > diff.json',
    )
    .action((flags: DiffFlags) => {
      process.exitCode = runDiff(flags, process);
    });
}
