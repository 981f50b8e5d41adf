// Small and read-only file systems for fault tests: tmpfs mounts and immutable files. Both need privileges
// (root here, CAP_SYS_ADMIN / CAP_LINUX_IMMUTABLE in general); tests skip without them, and fail under CI.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: 'pipe' });

/** A tmpfs of `size` (e.g. `256k`) on a fresh temp folder. */
export class Tmpfs {
  readonly dir: string;
  private mounted = false;

  constructor(size: string) {
    this.dir = mkdtempSync(join(tmpdir(), 'exposure-tmpfs-'));
    run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', this.dir]);
    this.mounted = true;
  }

  readOnly(): void {
    run('mount', ['-o', 'remount,ro', this.dir]);
  }

  /** Safe to call twice and after a failed mount. */
  remove(): void {
    if (this.mounted) run('umount', [this.dir]);
    this.mounted = false;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Whether this process may mount a tmpfs (tried once, on a throwaway mount). */
export function canMount(): boolean {
  try {
    new Tmpfs('64k').remove();
    return true;
  } catch {
    return false;
  }
}

/** Makes `file` read-only even for root: mode 0400 and, for root (who ignores modes), the immutable flag. */
export function makeReadOnly(file: string): void {
  chmodSync(file, 0o400);
  if (process.getuid?.() === 0) run('chattr', ['+i', file]);
}

export function undoReadOnly(file: string): void {
  if (process.getuid?.() === 0) run('chattr', ['-i', file]);
  chmodSync(file, 0o600);
}

/** Whether `makeReadOnly` works here (chattr needs a file system with attributes, e.g. ext4, not tmpfs). */
export function canMakeReadOnly(dir: string): boolean {
  const probe = join(dir, 'read-only-probe');
  try {
    mkdirSync(dir, { recursive: true });
    rmSync(probe, { force: true });
    writeFileSync(probe, '');
    makeReadOnly(probe);
    undoReadOnly(probe);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { force: true });
  }
}
