// Spawns the built binary in a temp working directory with only the environment a test gives it,
// so no real home, config or credential can leak in.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../dist/src/cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
}

export class CliWorkspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'exposure-cli-'));
  readonly keyFile = join(this.dir, 'fingerprint.key');

  path(name: string): string {
    return join(this.dir, name);
  }

  files(): string[] {
    return readdirSync(this.dir).sort();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Async on purpose: a fake site served by the test process must keep answering while the child runs. */
export function runCli(ws: CliWorkspace, args: readonly string[], run: CliRun = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: ws.dir,
    EXPOSURE_KEY_FILE: ws.keyFile,
    ...run.env,
  };
  const child = spawn(process.execPath, [CLI, ...args], { cwd: run.cwd ?? ws.dir, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(run.input ?? '');
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Exit 2 with one `exposure: ...` line on stderr, no stack trace. */
export function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}
