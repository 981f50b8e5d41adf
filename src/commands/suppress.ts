// `exposure suppress` / `exposure unsuppress`: mute a finding, a value (fingerprint) everywhere, or a rule in one
// space or project, with a reason. Suppressions persist across runs and are counted apart from the score.
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import type { Writable } from 'node:stream';
import { loadConfig } from '../config.ts';
import { EXIT, UsageError } from '../errors.ts';
import { openStore, type Store } from '../store/store.ts';
import type { SuppressionTarget } from '../store/suppressions.ts';

export interface SuppressFlags {
  reason?: string;
  rule?: string;
  container?: string;
  by?: string;
  db?: string;
  config?: string;
}

const FINDING_ID = /^[1-9]\d*$/;
const FINGERPRINT = /^[0-9a-f]{16,128}$/i;

export function parseTarget(
  store: Store,
  target: string | undefined,
  flags: SuppressFlags,
): SuppressionTarget {
  if (target !== undefined && (flags.rule || flags.container)) {
    throw new UsageError('give either a finding id / fingerprint, or --rule with --container, not both');
  }
  if (target === undefined) {
    if (!flags.rule || !flags.container) {
      throw new UsageError('name a finding id or fingerprint, or a rule with --rule <id> --container <key>');
    }
    const matches = store.containers.find(flags.container);
    if (matches.length === 0) throw new UsageError(`no space or project ${flags.container} in the database`);
    if (matches.length > 1) {
      throw new UsageError(`${flags.container} names several containers: write jira:KEY or confluence:KEY`);
    }
    return { kind: 'rule', ruleId: flags.rule, containerId: matches[0]!.id };
  }
  if (FINDING_ID.test(target)) return { kind: 'finding', findingId: Number(target) };
  if (FINGERPRINT.test(target)) return { kind: 'fingerprint', fingerprint: target.toLowerCase() };
  throw new UsageError(`${target} is neither a finding id (a number) nor a fingerprint (hexadecimal)`);
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
    const parsed = parseTarget(store, target, flags);
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
    const parsed = parseTarget(store, target, flags);
    const reopened = store.suppressions.remove(parsed);
    io.stdout.write(`unsuppressed ${describe(parsed, flags)}: ${reopened} finding(s) open again\n`);
    return EXIT.ok;
  });
}

const IDS = `
Finding ids are the finding_id column of \`exposure export csv\`; fingerprints its fingerprint column.`;
const SUPPRESS_EXAMPLES = `
Examples:
  exposure suppress 1234 --reason "test key from the vendor docs"
  exposure suppress 9f2c41d0a7b3e5f1 --reason "rotated; kept for the audit trail"     (a value everywhere)
  exposure suppress --rule email-address --container confluence:PUB --reason "public contact page"
${IDS}`;
const UNSUPPRESS_EXAMPLES = `
Examples:
  exposure unsuppress 1234
  exposure unsuppress 9f2c41d0a7b3e5f1
  exposure unsuppress --rule email-address --container confluence:PUB
${IDS}`;

function targetFlags(command: Command, verb: 'suppress' | 'unsuppress'): Command {
  return command
    .argument('[target]', 'finding id, or fingerprint (hex) to cover the value wherever it appears')
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
