import { chmodSync, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import pino, { type Logger } from 'pino';
import { ConfigError } from './errors.ts';
import { makeFolders } from './folders.ts';

// Backstop redaction: code must never log tokens or document text in the first place.
const REDACT_PATHS = [
  'authorization',
  'headers.authorization',
  '*.authorization',
  '*.headers.authorization',
  'token',
  '*.token',
  'apiToken',
  '*.apiToken',
  'password',
  '*.password',
  'body',
  '*.body',
  'text',
  '*.text',
];

export interface LogOptions {
  level?: string;
  /** File path; undefined logs to stderr. */
  file?: string;
  /** Where stderr logs go instead of fd 2 (the progress bars print them above themselves). */
  stderr?: { write(line: string): void };
  /** Stderr is a terminal: log lines are written for a person (`warn: ...`), not as JSON. */
  human?: boolean;
}

const LEVEL_NAMES: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
const NOT_SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

/** One pino JSON line as a person reads it: `warn: project not fully readable (project=FIN, error=403)`. */
export function humanLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = LEVEL_NAMES[record.level as number] ?? String(record.level);
  const fields = Object.entries(record)
    .filter(([key]) => !NOT_SHOWN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return `${level}: ${String(record.msg ?? '')}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}\n`;
}

export function createLogger(options: LogOptions = {}): Logger {
  const stderr = options.stderr ?? pino.destination({ fd: 2, sync: true });
  const terminal = options.human ? { write: (line: string) => stderr.write(humanLine(line)) } : stderr;
  const destination = options.file ? fileDestination(options.file) : terminal;
  return pino(
    { level: options.level ?? 'warn', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    destination,
  );
}

// Owner-only like the database: logs hold no values, but they do name the site, its spaces and its items. A new
// file is created 0600; an existing one (a log from last night, or made by `touch` under a lax umask) keeps its
// mode when appended to, so it is tightened first, and refused when it cannot be (another user's file).
function fileDestination(file: string) {
  makeFolders(dirname(file));
  if (existsSync(file)) tighten(file);
  return pino.destination({ dest: file, mode: 0o600, sync: true });
}

function tighten(file: string): void {
  if ((statSync(file).mode & 0o077) === 0) return;
  try {
    chmodSync(file, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(
      `the log file ${file} is readable by other users and cannot be made private (${code}): ` +
        'fix its permissions or choose another --log-file',
      { cause: error },
    );
  }
}

/** A logger that writes nothing, for library use and tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
