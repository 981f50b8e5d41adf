import type { Command } from 'commander';

// One line per command module; each module exports `register(program)` and owns its flags and help.
const modules: Array<{ register(program: Command): void }> = [];

export function registerCommands(program: Command): void {
  for (const module of modules) module.register(program);
}
