// Runs `exposure scan` from the built binary in a child process against a fake site living in the test process,
// so that a test can kill the scan (SIGKILL included) at any point and rerun it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FakeSite } from '../../src/fake-site/server.ts';
import type { Requirement } from '../support/requirement.ts';

export const CLI = resolve(import.meta.dirname, '../../dist/src/cli.js');

/** The end-to-end suites run the built binary. */
export const BUILT: Requirement = {
  what: 'the built binary dist/src/cli.js (npm run build)',
  present: existsSync(CLI),
};

export interface ScanExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

export interface RunningScan {
  child: ChildProcess;
  exited: Promise<ScanExit>;
}

/** A temp folder shared by every run of one test: the same fingerprint key, databases side by side. */
export class ScanWorkspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'exposure-e2e-'));
  readonly keyFile = join(this.dir, 'fingerprint.key');
  private readonly site: FakeSite;

  constructor(site: FakeSite) {
    this.site = site;
  }

  db(name: string): string {
    return join(this.dir, `${name}.db`);
  }

  /** Only what a scan needs: the site, its credentials and the shared fingerprint key, plus `extra`. */
  private env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: this.dir,
      ATLASSIAN_SITE: this.site.url,
      ATLASSIAN_EMAIL: this.site.email,
      ATLASSIAN_API_TOKEN: this.site.token,
      EXPOSURE_KEY_FILE: this.keyFile,
      ...extra,
    };
  }

  /** `env` adds variables (EXPOSURE_TEST_GATEWAY); `allowPartial: false` lets the exit code report gaps. */
  start(
    db: string,
    extraArgs: readonly string[] = [],
    { env = {}, allowPartial = true }: { env?: NodeJS.ProcessEnv; allowPartial?: boolean } = {},
  ): RunningScan {
    const partial = allowPartial ? ['--allow-partial'] : [];
    const args = [CLI, 'scan', '--db', db, '--quiet', ...partial, '--workers', '1', ...extraArgs];
    const child = spawn(process.execPath, args, {
      cwd: this.dir,
      env: this.env(env),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<ScanExit>((done, fail) => {
      child.once('error', fail);
      child.once('close', (code, signal) => done({ code, signal, stderr }));
    });
    return { child, exited };
  }

  /** Reruns the scan until it ends on its own (exit 0 or 3), as an operator or cron would after a crash. */
  async scanToEnd(db: string, maxRuns = 5): Promise<ScanExit[]> {
    const exits: ScanExit[] = [];
    for (let run = 0; run < maxRuns; run++) {
      const exit = await this.start(db).exited;
      exits.push(exit);
      if (exit.code === 0 || exit.code === 3) return exits;
    }
    throw new Error(`scan did not finish in ${maxRuns} runs: ${JSON.stringify(exits.map((e) => e.code))}`);
  }

  /** Runs a bash command line (pipes allowed) where `exposure` is the built binary; returns its output. */
  async shell(line: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const script = `exposure() { "${process.execPath}" "${CLI}" "$@"; }; set -o pipefail; ${line}`;
    const child = spawn('bash', ['-c', script], { cwd: this.dir, env: this.env() });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    return new Promise((done, fail) => {
      child.once('error', fail);
      child.once('close', (code) => done({ code, stdout, stderr }));
    });
  }

  remove(): void {
    if (existsSync(this.dir)) rmSync(this.dir, { recursive: true, force: true });
  }
}
