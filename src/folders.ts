// Creating the missing folders of an output path, and saying in words why a file could not be written. Node's recursive mkdir spins forever on some virtual file
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

const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'the folder does not exist',
};

/** A file-system failure in words, with its code: `the file system is read-only (EROFS)`. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return error instanceof Error ? error.message : String(error);
  return FILE_PROBLEMS[code] ? `${FILE_PROBLEMS[code]} (${code})` : code;
}
