import { dirname } from 'node:path';
import pino, { type Logger } from 'pino';
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

// Owner-only like the database: logs hold no values, but they do name the site, its spaces and its items.
function fileDestination(file: string) {
  makeFolders(dirname(file));
  return pino.destination({ dest: file, mode: 0o600, sync: true });
}

/** A logger that writes nothing, for library use and tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
