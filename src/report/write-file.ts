// Outputs are written to a temporary file beside the target and renamed into place, so a failure never leaves
// a half-written report or export behind.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.ts';
import { fileProblem, makeFolders } from '../folders.ts';

export async function writeAtomically(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const target = resolve(path);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    makeFolders(dirname(target));
  } catch (error) {
    throw new UsageError(`cannot create the folder of ${path}: ${fileProblem(error)}`);
  }
  const out = createWriteStream(temp, { mode: 0o600 });
  const failed = new Promise<never>((_, reject) =>
    out.once('error', (error: NodeJS.ErrnoException) =>
      reject(new UsageError(`cannot write ${path}: ${fileProblem(error)}`)),
    ),
  );
  try {
    await Promise.race([write(out), failed]);
    out.end();
    await Promise.race([finished(out), failed]);
    renameSync(temp, target);
  } catch (error) {
    out.destroy();
    rmSync(temp, { force: true });
    throw error;
  }
}
