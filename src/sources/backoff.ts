// How long to wait before retrying a throttled or failed request. Pure functions, so the policy is testable.

export interface BackoffPolicy {
  /** First retry delay for failures without a server hint. */
  initialMs: number;
  /** Growth per attempt. */
  factor: number;
  /** No single wait is longer than this, whatever the server says. */
  maxWaitMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, factor: 2, maxWaitMs: 60_000 };

/** Parses `Retry-After` (seconds or an HTTP date) relative to `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** `X-RateLimit-Reset` is an ISO instant (minute precision) at which the budget refills. */
function parseResetInstant(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The server's own hint, in the order Atlassian documents them. */
export function serverWaitHint(headers: Headers, now: number): number | undefined {
  return (
    parseRetryAfter(headers.get('retry-after'), now) ??
    parseRetryAfter(headers.get('beta-retry-after'), now) ??
    parseResetInstant(headers.get('x-ratelimit-reset'), now)
  );
}

/**
 * Exponential backoff with full jitter on top of the server hint: the hint is a floor (never retry earlier than
 * asked), jitter spreads concurrent retries so they do not stampede together.
 */
export function retryDelay(
  attempt: number,
  hintMs: number | undefined,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.initialMs * policy.factor ** Math.max(0, attempt - 1);
  const jitter = random() * exponential;
  const base = hintMs === undefined ? jitter : hintMs + jitter * 0.1;
  return Math.min(policy.maxWaitMs, Math.round(base));
}
