// Creating the missing folders of an output path. Node's recursive mkdir spins forever on some virtual file
// systems (a path under /proc), where one plain mkdir fails at once: so one level at a time.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Creates `dir` and its missing parents, each with `mode` (less the umask). */
export function makeFolders(dir: string, mode = 0o777): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeFolders(parent, mode);
  mkdirSync(dir, { mode });
}
