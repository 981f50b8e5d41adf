// The options shared by commands that read configuration (scan, demo, report...): each maps to a setting in
// config.ts, so flags > environment > config file > defaults holds for all of them.
import { Option, type Command } from 'commander';

/** Repeated or comma-separated values: `--project ENG --project OPS` or `--project ENG,OPS`. */
export const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];

export function addStoreOptions(command: Command): Command {
  return command
    .option('--db <path>', 'SQLite database (default: data/exposure.db, env EXPOSURE_DB)')
    .option(
      '--config <file>',
      'configuration file (default: exposure.config.json or .yaml in the working directory)',
    );
}

export function addLogOptions(command: Command): Command {
  return command
    .option('--log-file <path>', 'write JSON logs to this file instead of stderr (env EXPOSURE_LOG_FILE)')
    .addOption(
      new Option('--log-level <level>', 'log level (default: warn, env EXPOSURE_LOG_LEVEL)').choices([
        'fatal',
        'error',
        'warn',
        'info',
        'debug',
        'trace',
        'silent',
      ]),
    )
    .option('-q, --quiet', 'no progress bars (they are also off when stderr is not a terminal)');
}

export function addContributionOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--plan <plan>',
        'your Atlassian plan, for the AI-contribution view (default: standard)',
      ).choices(['free', 'standard', 'premium', 'enterprise']),
    )
    .option(
      '--excluded <keys>',
      'spaces/projects already excluded from AI contribution (comma-separated)',
      collect,
    )
    .option('--since <date>', 'only count content created or updated since this date (YYYY-MM-DD)');
}

export function addScanOptions(command: Command): Command {
  return command
    .option('--site <url>', 'Atlassian Cloud site, e.g. https://acme.atlassian.net (env ATLASSIAN_SITE)')
    .option('--email <address>', 'account email of the API token (env ATLASSIAN_EMAIL)')
    .option(
      '--gateway',
      'call the API gateway (api.atlassian.com) directly: scoped tokens; by default it is used when the site refuses the token',
    )
    .addOption(
      new Option('--mode <mode>', 'full, incremental, or auto (default)').choices([
        'auto',
        'full',
        'incremental',
      ]),
    )
    .option('--products <list>', 'jira, confluence or both (default: jira,confluence)')
    .option('--project <key>', 'only these Jira projects (repeatable or comma-separated)', collect)
    .option('--space <key>', 'only these Confluence spaces (repeatable or comma-separated)', collect)
    .option('--exclude-project <key>', 'skip these Jira projects', collect)
    .option('--exclude-space <key>', 'skip these Confluence spaces', collect)
    .option('--archived', 'also scan archived projects, spaces and pages')
    .option(
      '--include-history',
      'also scan former versions of pages and blog posts (one request per edited page)',
    )
    .option('--concurrency <n>', 'HTTP requests in flight (1-64, default 8)')
    .option('--workers <n>', 'detector worker threads (0 = one per core, default)')
    .option('--timeout <seconds>', 'per-request timeout including the body (default 60)')
    .option(
      '--max-body-mb <n>',
      'largest response accepted; larger bodies are recorded as not scanned (default 20)',
    )
    .addOption(
      new Option(
        '--attachments <mode>',
        'metadata (default: names, comments, types) or content (also read text-like files)',
      ).choices(['metadata', 'content']),
    )
    .option('--attachment-max-mb <n>', 'with --attachments content: largest file read (default 5)')
    .option('--attachment-budget-mb <n>', 'with --attachments content: bytes read per run (default 500)')
    .option(
      '--reconcile-days <n>',
      'in auto mode, a full scan (which also detects deletions) after this many days (default 7)',
    )
    .option('--allow-partial', 'exit 0 even when some content could not be read')
    .option(
      '--expect-forbidden <keys>',
      'projects/spaces known to be refused to the token (FIN, jira:FIN): reported as expected, exit 0',
      collect,
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when open findings reach this severity').choices([
        'low',
        'medium',
        'high',
        'critical',
        'none',
      ]),
    )
    .option(
      '--key-file <path>',
      'fingerprint key (default: $EXPOSURE_KEY_FILE or ~/.config/exposure/fingerprint.key)',
    );
}
