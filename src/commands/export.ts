// `exposure export csv`: one row per finding for data-cleanup teams (or one per space/project with --summary),
// streamed to a file or stdout.
import { Option, type Command } from 'commander';
import type { Writable } from 'node:stream';
import { loadConfig, type Config } from '../config.ts';
import { UsageError } from '../errors.ts';
import { writeCsv } from '../report/csv.ts';
import { buildReportData } from '../report/report-data.ts';
import { writeAtomically } from '../report/write-file.ts';
import type { FindingFilter } from '../store/findings.ts';
import type { Store } from '../store/store.ts';
import { openStore } from '../store/store.ts';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../types.ts';
import { FINDING_COLUMNS, findingRows, noRunYet, SUMMARY_COLUMNS, summaryRows } from './export-rows.ts';
import { addContributionOptions, addStoreOptions, collect } from './scan-options.ts';

interface ExportFlags {
  out?: string;
  /** Commander sets it from --bom / --no-bom; undefined: a BOM for files, none for stdout. */
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

async function exportCsv(flags: ExportFlags & Record<string, unknown>): Promise<void> {
  if (!flags.out) throw new UsageError('--out is required: a file path, or - for stdout');
  const config = loadConfig({ flags, configFile: flags.config });
  const { plan, excluded, since } = config.contribution;
  const store = openStore(config.db, { readonly: true, mmap: false });
  // A file gets a UTF-8 BOM unless --no-bom (Excel reads masked previews and names such as João right only
  // then); stdout, read by scripts, only with --bom.
  const bom = flags.bom ?? flags.out !== '-';
  try {
    const write = async (out: Writable) => {
      if (flags.summary) {
        if (store.runs.last(1, { finishedOnly: true }).length === 0) noRunYet();
        await writeCsv(out, SUMMARY_COLUMNS, summaryRows(buildReportData(store, { plan, excluded, since })), {
          bom,
        });
      } else
        await writeCsv(
          out,
          FINDING_COLUMNS,
          findingRows(store, filtersOf(flags, config, store), { plan, excluded }),
          { bom },
        );
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
  exposure export csv --out data/findings.csv                 every open finding
  exposure export csv --out - --space ENG --min-severity high   high and critical findings of ENG to stdout
  exposure export csv --out data/findings.csv --no-bom        without the UTF-8 byte order mark
  exposure export csv --out data/summary.csv --summary        one row per space and project, with its state

Files start with a UTF-8 byte order mark so Excel reads them right (--no-bom leaves it out; stdout has none
unless --bom). Cells that start with = + - @ tab or CR are prefixed with ' so spreadsheets do not run them.`;

export function register(program: Command): void {
  const exportCommand = program.command('export').description('export findings for cleanup teams');
  const csv = exportCommand
    .command('csv')
    .description('write findings (or a per-space summary) as RFC 4180 CSV')
    .option('--out <file>', 'output file, or - for stdout')
    .option('--bom', 'start with a UTF-8 byte order mark (the default for files)')
    .option('--no-bom', 'no byte order mark')
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
    );
  addContributionOptions(csv);
  addStoreOptions(csv);
  csv
    .addHelpText('after', EXAMPLES)
    .action((flags: ExportFlags & Record<string, unknown>) => exportCsv(flags));
}
