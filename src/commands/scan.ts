// `exposure scan`: crawl the site, detect, record, score.
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { addContributionOptions, addLogOptions, addScanOptions, addStoreOptions } from './scan-options.ts';

const EXAMPLES = `
Credentials come from the environment or a .env file, never from the command line:
  export ATLASSIAN_SITE=https://acme.atlassian.net ATLASSIAN_EMAIL=admin@acme.example
  export ATLASSIAN_API_TOKEN=...   # https://id.atlassian.com/manage-profile/security/api-tokens
A scoped, read-only token (scopes: README, "Scoped, read-only tokens") is sent to the API gateway
(api.atlassian.com) once the site refuses it; --gateway goes there directly.

Examples:
  exposure scan                                   first run: full scan into data/exposure.db
  exposure scan --quiet --log-file scan.log --expect-forbidden FIN
                                                  nightly from cron: incremental, no progress bars;
                                                  FIN known to be refused to the token: exit 0
  exposure scan --space ENG,OPS --products confluence
  exposure scan --mode full --fail-on high        full rescan; exit 1 if high or critical findings are open
  exposure scan --gateway                         scoped token: straight to the API gateway

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage/config/credentials, 3 incomplete coverage.`;

export function register(program: Command): void {
  const command = program
    .command('scan')
    .description(
      'crawl Jira and Confluence, detect secrets/PII/PHI, and record findings and exposure scores',
    );
  addScanOptions(command);
  addContributionOptions(command);
  addStoreOptions(command);
  addLogOptions(command);
  command.addHelpText('after', EXAMPLES).action(async (flags: Record<string, unknown>) => {
    const config = loadConfig({
      flags,
      configFile: flags.config as string | undefined,
      required: ['site', 'email', 'apiToken'],
    });
    const { runScan } = await import('./scan-run.ts'); // the Atlassian clients load only when a scan runs
    process.exitCode = await runScan(config, {
      stdout: process.stdout,
      stderr: process.stderr,
      progress: !flags.quiet && process.stderr.isTTY === true,
      terminal: process.stderr.isTTY === true,
    });
  });
}
