// Credential checks and the real 401 shapes. Jira and Confluence answer a bad token with a plain-text body and
// X-Seraph-LoginReason; Jira's anonymous-capable endpoints instead serve the request as anonymous (jira.js #418).
import { timingSafeEqual } from 'node:crypto';
import type { AuthOutcome, Reply } from './router.ts';

export interface Credentials {
  email: string;
  token: string;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Basic `email:token` or Bearer `token`; `none` when no Authorization header was sent. */
export function checkAuthorization(header: string | undefined, expected: Credentials): AuthOutcome {
  if (!header) return 'none';
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return same(value, expected.token) ? 'ok' : 'bad';
  if (scheme?.toLowerCase() !== 'basic') return 'bad';
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'bad';
  const emailOk = decoded.slice(0, colon).toLowerCase() === expected.email.toLowerCase();
  return same(decoded.slice(colon + 1), expected.token) && emailOk ? 'ok' : 'bad';
}

const AUTH_FAILED_HEADERS = { 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED' };

/** Headers of an answer served anonymously: only a failed login (not a missing one) is flagged. */
export function anonymousHeaders(auth: AuthOutcome): Record<string, string> | undefined {
  return auth === 'bad' ? AUTH_FAILED_HEADERS : undefined;
}

export function unauthorized(): Reply {
  return {
    status: 401,
    text: 'Client must be authenticated to access this resource.',
    contentType: 'text/plain;charset=UTF-8',
    headers: {
      ...AUTH_FAILED_HEADERS,
      'WWW-Authenticate': 'OAuth realm="https%3A%2F%2Fexample.atlassian.net"',
    },
  };
}
