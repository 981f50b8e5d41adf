// `exposure report`: the per-space / per-project exposure table in the terminal, and the HTML report.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { UsageError } from '../errors.ts';
import { stripControl } from '../report/escape.ts';
import type { ReportData } from '../report/model.ts';
import { buildReportData, reportView, type ReportOptions } from '../report/report-data.ts';
import { writeAtomically } from '../report/write-file.ts';
import { openStore } from '../store/store.ts';
import { addContributionOptions, addStoreOptions } from './scan-options.ts';
import { exposureTable } from './summary.ts';
import { siteGapLines, unread } from '../report/coverage-state.ts';

const EXAMPLES = `
Examples:
  exposure report                                   terminal summary of the last run in data/exposure.db
  exposure report --html data/report.html           also write the self-contained HTML report
  exposure report --plan free --excluded HR,LEGAL   AI-contribution view for a Free site with two spaces excluded
  exposure report --since 2026-08-17                count only content created or updated since that day`;

export interface ReportFlags {
  db?: string;
  config?: string;
  html?: string;
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

export function register(program: Command): void {
  const command = program
    .command('report')
    .description('print the exposure per space and project, and write the HTML report')
    .option('--html <file>', 'write the self-contained HTML report to this file')
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
      // One score calculation serves the table, the contribution list and the HTML (with --since it is the
      // expensive part of the report).
      const view = reportView(store, options);
      const data = buildReportData(store, options, view);
      const unreadKeys = new Set(data.containers.filter(unread).map((c) => `${c.product}:${c.key}`));
      const isUnread = (c: { product: string; key: string }) => unreadKeys.has(`${c.product}:${c.key}`);
      process.stdout.write(exposureTable([...view.containers.map((c) => c.score), view.site], isUnread));
      const gaps = siteGapLines(data.run);
      if (gaps.length > 0) process.stdout.write(`\n${gaps.join('\n')}\n`);
      const contributed = data.containers.filter((c) => c.contributed && c.open > 0).slice(0, 5);
      if (contributed.length > 0) {
        process.stdout.write(`\nExclude from AI contribution first (${data.plan} plan):\n`);
        for (const c of contributed) {
          process.stdout.write(
            `  ${c.product} ${stripControl(c.key)}: score ${c.score.toFixed(0)}, ${c.open} open\n`,
          );
        }
      }
      if (flags.html) process.stderr.write(`HTML report: ${await writeHtml(flags.html, data)}\n`);
    } finally {
      store.close();
    }
  });
}
