// `exposure report`: the per-place exposure table and shortlist in the terminal, the report as JSON (--json, see
// docs/report.schema.json), and the HTML report.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { UsageError } from '../errors.ts';
import { stripControl } from '../report/escape.ts';
import type { ReportData } from '../report/model.ts';
import { buildReportData, reportView, type ReportOptions } from '../report/report-data.ts';
import { writeAtomically } from '../report/write-file.ts';
import { openStore, type Store } from '../store/store.ts';
import { shortlistText, siteGapText, sinceNote } from './report-text.ts';
import { addContributionOptions, addStoreOptions } from './scan-options.ts';
import { placesTable } from './summary.ts';

const EXAMPLES = `
Examples:
  exposure report                                   terminal summary of the last run in data/exposure.db
  exposure report --html data/report.html           also write the self-contained HTML report
  exposure report --json > data/report.json         the report as JSON (schema: docs/report.schema.json)
  exposure report --plan free --excluded HR,LEGAL   AI-contribution view for a Free site with two spaces excluded
  exposure report --since 2026-08-17                count only content created or updated since that day`;

export interface ReportFlags {
  db?: string;
  config?: string;
  html?: string;
  json?: boolean;
  run?: string;
  [key: string]: unknown;
}

async function writeHtml(htmlPath: string, data: ReportData): Promise<string> {
  const { renderHtml } = await import('../report/html.ts'); // the chart library loads only for --html
  await writeAtomically(htmlPath, async (out) => {
    out.write(renderHtml(data));
  });
  return resolve(htmlPath);
}

/** Writes the HTML report of the last (or given) run; returns its absolute path. */
export async function writeHtmlReport(dbPath: string, htmlPath: string, options: ReportOptions) {
  const store = openStore(dbPath, { readonly: true });
  try {
    const data = buildReportData(store, options);
    return { path: await writeHtml(htmlPath, data), data };
  } finally {
    store.close();
  }
}

function runId(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError('--run expects a run number such as 3');
  return Number(value);
}

/** `--excluded` keys this database does not know: a typo would otherwise pass as "excluded". */
function unknownExclusions(store: Store, excluded: readonly string[]): string[] {
  return excluded
    .filter((spec) => store.containers.find(spec).length === 0)
    .map(
      (spec) =>
        `exposure: --excluded ${stripControl(spec)}: no such space or project in this database (ignored)\n`,
    );
}

export function register(program: Command): void {
  const command = program
    .command('report')
    .description('print the exposure per space and project, and write the HTML report')
    .option('--html <file>', 'write the self-contained HTML report to this file')
    .option('--json', 'print the report as JSON instead of the table (schema: docs/report.schema.json)')
    .option('--run <id>', 'report this run instead of the last finished one');
  addContributionOptions(command);
  addStoreOptions(command);
  command.addHelpText('after', EXAMPLES).action(async (flags: ReportFlags) => {
    const config = loadConfig({ flags, configFile: flags.config });
    const options = {
      plan: config.contribution.plan,
      excluded: config.contribution.excluded,
      since: config.contribution.since,
      runId: runId(flags.run),
    };
    const store = openStore(config.db, { readonly: true });
    try {
      for (const warning of unknownExclusions(store, options.excluded)) process.stderr.write(warning);
      // One score calculation serves the table, the shortlist and the HTML (with --since it is the expensive part).
      const view = reportView(store, options);
      const data = buildReportData(store, options, view);
      if (flags.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      else
        process.stdout.write(
          placesTable(data) +
            siteGapText(data) +
            shortlistText(data) +
            sinceNote(data.since, view.site.itemsScanned),
        );
      if (flags.html) process.stderr.write(`HTML report: ${await writeHtml(flags.html, data)}\n`);
    } finally {
      store.close();
    }
  });
}
