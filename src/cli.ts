#!/usr/bin/env node
// Parse argv, dispatch to a command, map errors to exit codes. No logic lives here.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerCommands } from './commands/index.ts';
import { ENVIRONMENT_VARIABLES } from './config.ts';
import { EXIT, ExposureError } from './errors.ts';
import { PACKAGE_ROOT } from './paths.ts';
import { storeErrorFrom } from './store/sqlite-errors.ts';

function version(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const OVERVIEW = `
Try it without an account:
  exposure demo                      scan the built-in fake site, print the table, write an HTML report

Your site (credentials from the environment or a .env file, never from the command line):
  ATLASSIAN_SITE=https://acme.atlassian.net ATLASSIAN_EMAIL=... ATLASSIAN_API_TOKEN=...
  exposure scan                      full the first time, then incremental
  exposure report --html report.html
  exposure export csv --out findings.csv

Environment (or .env): ${ENVIRONMENT_VARIABLES.join(', ')}.

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage/config/credential/database error,
3 incomplete coverage (unless --allow-partial).`;

export function buildProgram(): Command {
  const program = new Command('exposure')
    .description(
      'Find the secrets, personal data (PII) and health data (PHI) in your Atlassian Cloud Jira and ' +
        'Confluence that AI training data collection could take in, scored per space and project.',
    )
    .addHelpText('after', OVERVIEW)
    .version(version(), '-V, --version')
    .option('--debug', 'print stack traces of unexpected errors')
    .exitOverride();
  registerCommands(program);
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (message, write) => write(oneLineError(message, commandPath(command))),
    });
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Commander's message (`error: unknown option '--x'` and perhaps a suggestion below) as one line with a hint. */
export function oneLineError(message: string, path: string): string {
  const text = message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
  return `exposure: ${text} (see ${path} --help)\n`;
}

async function report(thrown: unknown, debug: boolean): Promise<number> {
  const error = storeErrorFrom(thrown) ?? thrown;
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help a command without its subcommand asks for: exit 2);
    // --help and --version are not errors.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof ExposureError) {
    process.stderr.write(`exposure: ${error.message}\n`);
    if (debug && error.stack) process.stderr.write(error.stack + '\n');
    return error.exitCode;
  }
  // The clients put response bodies (the very content being scanned) into their messages: name the error only.
  // (Their predicates load the clients, so only here, not at every start.)
  const { describe, isClientError } = await import('./crawl/errors.ts');
  const message = isClientError(error)
    ? `the site answered with an error: ${describe(error)}`
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`exposure: unexpected error: ${message.split('\n')[0]}\n`);
  if (debug && error instanceof Error && error.stack && !isClientError(error))
    process.stderr.write(error.stack + '\n');
  else process.stderr.write('exposure: run again with --debug for details\n');
  return EXIT.usage;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    return report(error, argv.includes('--debug'));
  }
}

/** A reader that stopped reading (`exposure export csv --out - | head -1`) got what it wanted: end quietly. */
function endQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
}

// Run only when executed as the binary, not when imported by tests.
const invokedAs = process.argv[1] ?? '';
if (/cli\.(ts|js)$/.test(invokedAs) || invokedAs.endsWith('/exposure')) {
  endQuietlyOnClosedPipe();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
