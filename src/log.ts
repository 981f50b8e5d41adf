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
}

export function createLogger(options: LogOptions = {}): Logger {
  const destination = options.file
    ? fileDestination(options.file)
    : (options.stderr ?? pino.destination({ fd: 2, sync: true }));
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
