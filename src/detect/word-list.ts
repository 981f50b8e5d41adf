// Reads a word list shipped under rules/lists/: one entry per line, lower-cased; blank lines and lines starting
// with # are ignored. Lists are data so that a reviewer can read and extend them without touching code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_DIR } from '../paths.ts';

export const LISTS_DIR = join(RULES_DIR, 'lists');

export function readWordList(name: string): string[] {
  return readFileSync(join(LISTS_DIR, name), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** A list of named groups, one group per line: `name: word word word`. */
export function readGroupedList(name: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const line of readWordList(name)) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`${name}: "${line}" is not "group: words"`);
    const group = line.slice(0, colon).trim();
    groups.set(group, [
      ...(groups.get(group) ?? []),
      ...line
        .slice(colon + 1)
        .trim()
        .split(/\s+/),
    ]);
  }
  return groups;
}

/** The groups of a grouped list as sets; a group the file lacks is an empty set. */
export function readGroupedSets(name: string): (group: string) => Set<string> {
  const groups = readGroupedList(name);
  return (group) => new Set(groups.get(group));
}
