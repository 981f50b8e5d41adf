import type { Command } from 'commander';
import * as detect from './detect.ts';
import * as fakeSite from './fake-site.ts';
import * as rules from './rules.ts';

// One line per command module; each module exports `register(program)` and owns its flags and help.
const modules: Array<{ register(program: Command): void }> = [detect, fakeSite, rules];

export function registerCommands(program: Command): void {
  for (const module of modules) module.register(program);
}
