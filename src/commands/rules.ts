// `exposure rules list` shows the loaded rules; `exposure rules check "text"` shows which rules fire on a text
// and why (keyword, entropy, validator, context), with masked previews only.
import { Option } from 'commander';
import type { Command } from 'commander';
import { createDetector } from '../detect/engine.ts';
import { loadRules } from '../detect/load-rules.ts';
import { PHI_HEALTH_CONTEXT } from '../detect/phi.ts';
import { EXIT } from '../errors.ts';
import { RULES_DIR } from '../paths.ts';
import type { Category } from '../types.ts';
import type { CommandIO } from './detect.ts';
import { addDetectorOptions, loadDetectorInputs, parseCategories } from './detector-setup.ts';
import type { DetectorFlags } from './detector-setup.ts';
import { formatTable } from './text-table.ts';

type Output = Pick<CommandIO, 'stdout'>;

export function runRulesList(flags: { category?: Category[]; rulesDir?: string }, io: Output): number {
  const rules = loadRules(flags.rulesDir ?? RULES_DIR).filter(
    (rule) => !flags.category || flags.category.includes(rule.spec.category),
  );
  // The health-context pass is a detector without a rule file; list it with the rules it builds on.
  const derived = [PHI_HEALTH_CONTEXT].filter((d) => !flags.category || flags.category.includes(d.category));
  const rows = [
    ...rules.map(({ spec }) => [spec.id, spec.category, spec.severity, spec.title]),
    ...derived.map((d) => [d.ruleId, d.category, d.severity, d.title]),
  ];
  io.stdout.write(formatTable(['ID', 'CATEGORY', 'SEVERITY', 'TITLE'], rows));
  io.stdout.write(`${rows.length} rule${rows.length === 1 ? '' : 's'}\n`);
  return EXIT.ok;
}

export function runRulesCheck(text: string, flags: DetectorFlags, io: Output): number {
  const inputs = loadDetectorInputs(flags);
  const findings = createDetector(inputs.rules, inputs).scan(text);
  if (findings.length === 0) {
    io.stdout.write('no rule fired\n');
    return EXIT.ok;
  }
  for (const f of findings) {
    io.stdout.write(`${f.ruleId} (${f.category}, ${f.severity}, confidence ${f.confidence.toFixed(2)})\n`);
    io.stdout.write(`  at ${f.start}-${f.end}: ${f.preview}\n  why: ${f.explanation}\n`);
  }
  return EXIT.ok;
}

export function register(program: Command): void {
  const rules = program
    .command('rules')
    .description('list the detection rules, or check which fire on a text');
  rules
    .command('list')
    .description('list the rules: id, category, severity, title')
    .option('--category <list>', 'only these categories, comma-separated (secret,pii,phi)', parseCategories)
    .addOption(new Option('--rules-dir <dir>', 'rules directory').default(RULES_DIR).hideHelp())
    .addHelpText('after', '\nExamples:\n  exposure rules list\n  exposure rules list --category phi,pii')
    .action((flags: { category?: Category[]; rulesDir?: string }) => {
      process.exitCode = runRulesList(flags, process);
    });
  const check = rules
    .command('check')
    .description('show which rules fire on a text and why')
    .argument('<text>', 'the text to check')
    .addHelpText(
      'after',
      '\nExamples:\n  exposure rules check "db url postgres://app:Sup3rS3cret@db:5432/app"\n  exposure rules check --category pii "call me on +44 20 7946 0958"',
    );
  addDetectorOptions(check).action((text: string, flags: DetectorFlags) => {
    process.exitCode = runRulesCheck(text, flags, process);
  });
}
