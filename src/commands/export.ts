// `exposure export csv`: one row per finding for data-cleanup teams (or one per space/project with --summary),
// streamed to a file or stdout.
import { Option, type Command } from 'commander';
import type { Writable } from 'node:stream';
import { loadConfig, type Config } from '../config.ts';
import { loadRules } from '../detect/load-rules.ts';
import { UsageError } from '../errors.ts';
import { writeCsv } from '../report/csv.ts';
import { writeAtomically } from '../report/write-file.ts';
import type { FindingFilter } from '../store/findings.ts';
import type { Store } from '../store/store.ts';
import { openStore } from '../store/store.ts';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../types.ts';
import { addStoreOptions, collect } from './scan-options.ts';

export const FINDING_COLUMNS = [
  'site',
  'product',
  'container_key',
  'container_name',
  'item',
  'item_title',
  'url',
  'field',
  'field_id',
  'rule_id',
  'rule_title',
  'category',
  'severity',
  'confidence',
  'preview',
  'first_seen',
  'last_seen',
  'status',
  'fingerprint',
  // Last, so that scripts reading the earlier columns by position keep working; `exposure suppress <id>` takes it.
  'finding_id',
] as const;

export const SUMMARY_COLUMNS = [
  'site',
  'product',
  'container_key',
  'container_name',
  'score',
  'open',
  'suppressed',
  'secret',
  'pii',
  'phi',
  'critical',
  'high',
  'medium',
  'low',
  'items_scanned',
  'items_listed',
  'density',
  'coverage',
] as const;

interface ExportFlags {
  out?: string;
  bom?: boolean;
  summary?: boolean;
  space?: string[];
  category?: Category;
  minSeverity?: Severity;
  status?: FindingFilter['status'];
  since?: string;
  db?: string;
  config?: string;
}

function* findingRows(store: Store, filters: FindingFilter[]): Generator<unknown[]> {
  const titles = new Map(loadRules().map((r) => [r.spec.id, r.spec.title]));
  const sites = new Map<number, string>();
  const runs = new Map<number, string>();
  const startedAt = (id: number) => {
    if (!runs.has(id)) runs.set(id, store.runs.get(id).startedAt);
    return runs.get(id);
  };
  const names = new Map(
    store.containers.list().map((c) => [`${c.product}:${c.key}`, { name: c.name, siteId: c.siteId }]),
  );
  for (const filter of filters) {
    for (const f of store.findings.iterate(filter)) {
      const container = names.get(`${f.product}:${f.containerKey}`);
      if (container && !sites.has(container.siteId))
        sites.set(container.siteId, store.runs.get(f.firstSeenRun).siteUrl);
      yield [
        container ? sites.get(container.siteId) : '',
        f.product,
        f.containerKey,
        container?.name ?? '',
        f.itemKey ?? f.itemId,
        f.itemTitle,
        f.url,
        f.field,
        f.fieldId,
        f.ruleId,
        titles.get(f.ruleId) ?? '',
        f.category,
        f.severity,
        f.confidence.toFixed(2),
        f.preview,
        startedAt(f.firstSeenRun),
        startedAt(f.lastSeenRun),
        f.status,
        f.fingerprint,
        f.id,
      ];
    }
  }
}

function* summaryRows(store: Store, since: string | undefined): Generator<unknown[]> {
  const run = store.runs.last(1, { finishedOnly: true })[0];
  if (!run) throw new UsageError('no finished run in this database yet: run `exposure scan` first');
  for (const s of store.scores.forReport(run.id, { since })) {
    const byCategory = (c: Category) => Object.values(s.counts[c]).reduce((a, b) => a + b, 0);
    const bySeverity = (v: Severity) => CATEGORIES.reduce((a, c) => a + s.counts[c][v], 0);
    yield [
      run.siteUrl,
      s.container?.product ?? 'site',
      s.container?.key ?? '*',
      s.container?.name ?? 'all spaces and projects',
      s.score.toFixed(1),
      s.openFindings,
      s.suppressed,
      ...CATEGORIES.map(byCategory),
      ...[...SEVERITIES].reverse().map(bySeverity),
      s.itemsScanned,
      s.itemsListed ?? '',
      s.density === null ? '' : s.density.toFixed(4),
      s.coverage === null ? '' : s.coverage.toFixed(4),
    ];
  }
}

function filtersOf(flags: ExportFlags, config: Config, store: Store): FindingFilter[] {
  const base: FindingFilter = {
    category: flags.category,
    minSeverity: flags.minSeverity,
    status: flags.status ?? 'open',
    since: config.contribution.since,
  };
  if (!flags.space?.length) return [base];
  return flags.space.flatMap((spec) => {
    const found = store.containers.find(spec);
    if (found.length === 0)
      throw new UsageError(`--space ${spec}: no such space or project in this database`);
    return found.map((c) => ({ ...base, container: { product: c.product, key: c.key } }));
  });
}

async function exportCsv(flags: ExportFlags): Promise<void> {
  if (!flags.out) throw new UsageError('--out is required: a file path, or - for stdout');
  const config = loadConfig({ flags: { db: flags.db, since: flags.since }, configFile: flags.config });
  const store = openStore(config.db, { readonly: true, mmap: false });
  try {
    const write = async (out: Writable) => {
      if (flags.summary)
        await writeCsv(out, SUMMARY_COLUMNS, summaryRows(store, config.contribution.since), {
          bom: !!flags.bom,
        });
      else
        await writeCsv(out, FINDING_COLUMNS, findingRows(store, filtersOf(flags, config, store)), {
          bom: !!flags.bom,
        });
    };
    if (flags.out === '-') await write(process.stdout);
    else {
      await writeAtomically(flags.out, write);
      process.stderr.write(`wrote ${flags.out}\n`);
    }
  } finally {
    store.close();
  }
}

const EXAMPLES = `
Examples:
  exposure export csv --out findings.csv                      every open finding
  exposure export csv --out - --space ENG --min-severity high   high and critical findings of ENG to stdout
  exposure export csv --out findings.csv --bom                Excel-friendly UTF-8
  exposure export csv --out summary.csv --summary             one row per space and project

Cells that start with = + - @ tab or CR are prefixed with ' so spreadsheets do not run them as formulas.`;

export function register(program: Command): void {
  const exportCommand = program.command('export').description('export findings for cleanup teams');
  const csv = exportCommand
    .command('csv')
    .description('write findings (or a per-space summary) as RFC 4180 CSV')
    .option('--out <file>', 'output file, or - for stdout')
    .option('--bom', 'start with a UTF-8 byte order mark (for Excel)')
    .option('--summary', 'one row per space/project instead of one per finding')
    .option(
      '--space <key>',
      'only these spaces or projects (repeatable, comma-separated; jira:KEY or confluence:KEY to disambiguate)',
      collect,
    )
    .addOption(new Option('--category <category>', 'only this category').choices([...CATEGORIES]))
    .addOption(
      new Option('--min-severity <severity>', 'only findings at or above this severity').choices([
        ...SEVERITIES,
      ]),
    )
    .addOption(
      new Option('--status <status>', 'finding status (default open)').choices([
        'open',
        'resolved',
        'suppressed',
        'all',
      ]),
    )
    .option('--since <date>', 'only items created or updated since this date (YYYY-MM-DD)');
  addStoreOptions(csv);
  csv.addHelpText('after', EXAMPLES).action((flags: ExportFlags) => exportCsv(flags));
}
