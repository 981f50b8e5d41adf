import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { StoreError } from '../errors.ts';
import { makeFolders } from '../folders.ts';

// A lock file next to the database keeps two scans from writing the same store at once. It holds the owner's pid
// and host, so a lock left by a killed process (dead pid on this host) is taken over instead of blocking forever.

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

export interface ScanLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return undefined;
    return owner as LockOwner;
  } catch {
    return undefined;
  }
}

function tryCreate(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new StoreError(
      `cannot create the scan lock ${path} (${code ?? 'error'}): is the folder writable?`,
      {
        cause: error,
      },
    );
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

export function acquireScanLock(databasePath: string): ScanLock {
  const path = `${databasePath}.lock`;
  // A first scan into a new folder: create it owner-only, as the database would be.
  if (!existsSync(dirname(path))) {
    try {
      makeFolders(dirname(path), 0o700);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new StoreError(`cannot create the folder of ${databasePath} (${code})`, { cause: error });
    }
  }
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    token: randomUUID(),
  };
  // Two attempts: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(path, owner)) {
      return {
        path,
        release() {
          if (readOwner(path)?.token === owner.token) unlinkSync(path);
        },
      };
    }
    const holder = readOwner(path);
    if (holder && (holder.host !== owner.host || isAlive(holder.pid))) {
      throw new StoreError(
        `another scan (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}) is using this database; ` +
          `wait for it to finish, or delete ${path} if that process is gone`,
      );
    }
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new StoreError(`cannot remove stale ${path}`);
    }
  }
  throw new StoreError(`another process took the scan lock ${path} at the same moment; try again`);
}
