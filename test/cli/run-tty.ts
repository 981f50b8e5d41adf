// Runs the built binary under a real pseudo-terminal (util-linux `script`), so stdout and stderr are TTYs as in
// an admin's shell. The terminal is widened first: a fresh pty has no size and the bars would be cut.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import headless from '@xterm/headless';
import type { CliWorkspace } from './run-cli.ts';

const CLI = resolve(import.meta.dirname, '../../dist/src/cli.js');

export interface TtyResult {
  code: number | null;
  /** Everything the terminal received, escape sequences included. */
  raw: string;
  /** The screen updates with escape sequences removed, one per line or carriage return. */
  lines: string[];
}

// CSI sequences (cursor moves, erase, show/hide cursor) and the odd two-byte escape: each ends a screen update.
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]/g;

const COLUMNS = 200;
const ROWS = 50;

const shellQuote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

export function runInTty(
  ws: CliWorkspace,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<TtyResult> {
  const command = [process.execPath, CLI, ...args].map(shellQuote).join(' ');
  const child = spawn('script', ['-qec', `stty cols ${COLUMNS} rows ${ROWS}; exec ${command}`, '/dev/null'], {
    cwd: ws.dir,
    env: {
      PATH: process.env.PATH,
      HOME: ws.dir,
      SHELL: '/bin/sh',
      TERM: 'xterm-256color',
      EXPOSURE_KEY_FILE: ws.keyFile,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let raw = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => {
      const lines = raw
        .split(ANSI)
        .flatMap((part) => part.split(/[\r\n]+/))
        .filter((line) => line.trim() !== '');
      done({ code, raw, lines });
    });
  });
}

/** What the user sees at the end, scrollback included: the output replayed through a headless xterm. */
export async function finalScreen(raw: string): Promise<string[]> {
  const terminal = new headless.Terminal({
    cols: COLUMNS,
    rows: ROWS,
    scrollback: 100_000,
    allowProposedApi: true,
  });
  await new Promise<void>((done) => terminal.write(raw, done));
  const buffer = terminal.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < buffer.length; y += 1) rows.push(buffer.getLine(y)?.translateToString(true) ?? '');
  terminal.dispose();
  return rows.filter((row) => row.trim() !== '');
}
