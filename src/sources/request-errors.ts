// What the transport refuses or gives up on, as typed errors. The clients wrap them (as a network error's cause),
// so the crawler classifies a failure by walking the cause chain (crawl/errors.ts), never by reading a body.
import { ResponseTooLargeError } from './read-body.ts';

export class CrossOriginError extends Error {
  readonly target: string;
  constructor(target: string) {
    super(`refused to send credentials to another origin (${target})`);
    this.name = 'CrossOriginError';
    this.target = target;
  }
}

/** A 200 that is really a dead token: Jira serves the request anonymously (jira.js #418). */
export class LoginFailedError extends Error {
  constructor() {
    super('the site answered as anonymous (X-Seraph-LoginReason: AUTHENTICATED_FAILED)');
    this.name = 'LoginFailedError';
  }
}

export class RequestTimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`no complete response within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The gateway's `401 Unauthorized; scope does not match`: the token is valid but lacks a scope this endpoint needs.
 * Not a login failure (the run goes on); `path` is the API path without the gateway prefix.
 */
export class MissingScopeError extends Error {
  readonly method: string;
  readonly path: string;
  constructor(method: string, path: string) {
    super(`the API token lacks a scope that ${method} ${path} needs`);
    this.name = 'MissingScopeError';
    this.method = method;
    this.path = path;
  }
}

/** Atlassian says "scope does not match" in the 401 body's message and nowhere else. */
export function isScopeMismatch(status: number, body: Uint8Array): boolean {
  if (status !== 401 || body.byteLength > 4096) return false;
  try {
    const parsed = JSON.parse(Buffer.from(body).toString('utf8')) as { message?: unknown };
    return typeof parsed.message === 'string' && /scope does not match/i.test(parsed.message);
  } catch {
    return false;
  }
}

/**
 * Our own deadline, or undici's connect/headers/body timeout (same length, so either may fire first): both mean
 * the server was too slow, whatever error the stream surfaced.
 */
export function timedOut(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true;
  for (let e = error, depth = 0; e != null && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^UND_ERR_\w*TIMEOUT$/.test(code)) return true;
  }
  return false;
}

/** Network faults and timeouts are worth another try; refusals and oversize bodies are not. */
export function isRetryable(error: unknown): boolean {
  return !(
    error instanceof CrossOriginError ||
    error instanceof ResponseTooLargeError ||
    error instanceof LoginFailedError
  );
}
