// What `detect` and `rules check` share: the rule and key options, and loading both before any scan, so a rule
// problem stops the command (exit 2, every `file: problem` listed) before a single document is read.
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import { DEFAULT_MIN_CONFIDENCE } from '../detect/engine.ts';
import { loadRules } from '../detect/load-rules.ts';
import type { CompiledRule } from '../detect/compile-rule.ts';
import { loadOrCreateKey } from '../detect/redact.ts';
import { RULES_DIR } from '../paths.ts';
import { CATEGORIES, SEVERITIES } from '../types.ts';
import type { Category, Severity } from '../types.ts';

export interface DetectorFlags {
  keyFile?: string;
  rulesDir?: string;
  category?: Category[];
  minConfidence?: string;
}

export function addDetectorOptions(command: Command): Command {
  return command
    .option(
      '--key-file <path>',
      'fingerprint key file (default: $EXPOSURE_KEY_FILE or ~/.config/exposure/fingerprint.key)',
    )
    .option(
      '--min-confidence <n>',
      `drop findings below this confidence (0..1, default ${DEFAULT_MIN_CONFIDENCE}; 0 shows every format match)`,
    )
    .option(
      '--category <list>',
      'only rules of these categories, comma-separated (secret,pii,phi)',
      parseCategories,
    )
    .addOption(new Option('--rules-dir <dir>', 'rules directory').default(RULES_DIR).hideHelp());
}

export interface DetectorInputs {
  rules: CompiledRule[];
  key: Buffer;
  categories: Category[] | undefined;
  minConfidence: number | undefined;
}

export function loadDetectorInputs(flags: DetectorFlags): DetectorInputs {
  const minConfidence = flags.minConfidence === undefined ? undefined : Number(flags.minConfidence);
  if (minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new UsageError('--min-confidence must be a number from 0 to 1');
  }
  const rules = loadRules(flags.rulesDir ?? RULES_DIR);
  return { rules, key: loadOrCreateKey(flags.keyFile), categories: flags.category, minConfidence };
}

/** `--category secret,pii`: a comma list, so it cannot swallow the file arguments that follow it. */
export function parseCategories(value: string): Category[] {
  const categories = value.split(',').map((part) => part.trim());
  const unknown = categories.filter((c) => !(CATEGORIES as readonly string[]).includes(c));
  if (unknown.length > 0) throw new InvalidArgumentError(`expected a comma list of ${CATEGORIES.join(', ')}`);
  return categories as Category[];
}

export function parseSeverity(value: string): Severity {
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
  }
  return value as Severity;
}

/** True when a finding of `severity` reaches the `--fail-on` threshold. */
export function reaches(severity: Severity, threshold: Severity | undefined): boolean {
  return threshold !== undefined && SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}
