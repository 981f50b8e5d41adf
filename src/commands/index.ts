import type { Command } from 'commander';
import * as demo from './demo.ts';
import * as detect from './detect.ts';
import * as exportCommand from './export.ts';
import * as diff from './diff.ts';
import * as fakeSite from './fake-site.ts';
import * as report from './report.ts';
import * as rules from './rules.ts';
import * as scan from './scan.ts';
import * as suppress from './suppress.ts';

// One line per command module; each module exports `register(program)` and owns its flags and help.
const modules: Array<{ register(program: Command): void }> = [
  scan,
  report,
  exportCommand,
  diff,
  suppress,
  detect,
  rules,
  fakeSite,
  demo,
];

export function registerCommands(program: Command): void {
  for (const module of modules) module.register(program);
}
