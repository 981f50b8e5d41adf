// `exposure suppress` / `exposure unsuppress`: mute a finding, a value (fingerprint) everywhere, or a rule in one
// space or project, with a reason. Suppressions persist across runs and are counted apart from the score.
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import type { Writable } from 'node:stream';
import { loadConfig } from '../config.ts';
import { EXIT, UsageError } from '../errors.ts';
import { openStore, type Store } from '../store/store.ts';
import type { SuppressionTarget } from '../store/suppressions.ts';
import { parseTarget } from './suppress-target.ts';

export interface SuppressFlags {
  reason?: string;
  rule?: string;
  container?: string;
  by?: string;
  db?: string;
  config?: string;
}

function describe(target: SuppressionTarget, flags: SuppressFlags): string {
  if (target.kind === 'finding') return `finding ${target.findingId}`;
  if (target.kind === 'fingerprint') return `fingerprint ${target.fingerprint.slice(0, 12)}…`;
  return `rule ${target.ruleId} in ${flags.container}`;
}

function withStore<T>(flags: SuppressFlags, use: (store: Store) => T): T {
  const config = loadConfig({ flags: { db: flags.db }, configFile: flags.config });
  const store = openStore(config.db, { create: false });
  try {
    return use(store);
  } finally {
    store.close();
  }
}

export function runSuppress(
  target: string | undefined,
  flags: SuppressFlags,
  io: { stdout: Writable },
): number {
  const reason = flags.reason?.trim();
  if (!reason) throw new UsageError('say why with --reason "..." (it is kept with the suppression)');
  return withStore(flags, (store) => {
    const parsed = parseTarget(store, target, flags, 'suppress');
    const changed = store.suppressions.add(parsed, { reason, by: flags.by ?? userInfo().username });
    io.stdout.write(`suppressed ${describe(parsed, flags)}: ${changed} open finding(s) now suppressed\n`);
    return EXIT.ok;
  });
}

export function runUnsuppress(
  target: string | undefined,
  flags: SuppressFlags,
  io: { stdout: Writable },
): number {
  return withStore(flags, (store) => {
    const parsed = parseTarget(store, target, flags, 'unsuppress');
    const reopened = store.suppressions.remove(parsed);
    io.stdout.write(`unsuppressed ${describe(parsed, flags)}: ${reopened} finding(s) open again\n`);
    return EXIT.ok;
  });
}

const IDS = `
Finding ids are the finding_id column of \`exposure export csv\`; fingerprints its fingerprint column (a unique
prefix of 8 or more characters is enough); rule ids are those of \`exposure rules list\`. A suppression that would
match nothing is refused (exit 2).`;
const SUPPRESS_EXAMPLES = `
Examples:
  exposure suppress 1234 --reason "test key from the vendor docs"
  exposure suppress 9f2c41d0 --reason "rotated; kept for the audit trail"   (a value everywhere, by fingerprint)
  exposure suppress --rule email --container confluence:PUB --reason "public contact page"
${IDS}`;
const UNSUPPRESS_EXAMPLES = `
Examples:
  exposure unsuppress 1234
  exposure unsuppress 9f2c41d0
  exposure unsuppress --rule email --container confluence:PUB
${IDS}`;

function targetFlags(command: Command, verb: 'suppress' | 'unsuppress'): Command {
  return command
    .argument(
      '[target]',
      'finding id, or fingerprint (hex, or a unique prefix of 8+) to cover the value everywhere',
    )
    .option('--rule <id>', `${verb} a rule in one container (with --container)`)
    .option('--container <key>', 'space or project key; jira:KEY or confluence:KEY when both exist')
    .option('--db <path>', 'SQLite database (default: data/exposure.db, env EXPOSURE_DB)')
    .option('--config <file>', 'configuration file (default: exposure.config.json or .yaml)');
}

export function register(program: Command): void {
  targetFlags(
    program.command('suppress').description('mute a finding, a value or a rule in one space/project'),
    'suppress',
  )
    .option('--reason <text>', 'why (required; kept with the suppression)')
    .option('--by <name>', 'who decided (default: your user name)')
    .addHelpText('after', SUPPRESS_EXAMPLES)
    .action((target: string | undefined, flags: SuppressFlags) => {
      process.exitCode = runSuppress(target, flags, process);
    });
  targetFlags(
    program.command('unsuppress').description('undo a suppression; its findings count again'),
    'unsuppress',
  )
    .addHelpText('after', UNSUPPRESS_EXAMPLES)
    .action((target: string | undefined, flags: SuppressFlags) => {
      process.exitCode = runUnsuppress(target, flags, process);
    });
}
