// Opaque continuation tokens. Jira's nextPageToken and Confluence's cursors are base64 of a small JSON object;
// the Confluence one keeps its `=` padding so that clients which forget to URL-decode it break here as on a
// real site. Tokens carry a fingerprint of the query so that a token replayed with another query is refused.
import { createHash } from 'node:crypto';

export class BadTokenError extends Error {}

export function queryFingerprint(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 10);
}

export function encodeToken(state: Record<string, number | string>, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ ...state, q: fingerprint }), 'utf8').toString('base64');
}

/** Decodes a token produced by encodeToken for the same query; throws BadTokenError otherwise. */
export function decodeToken(token: string, fingerprint: string): Record<string, number | string> {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token)) throw new Error('not base64');
    parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    throw new BadTokenError('The provided cursor was not valid.');
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { q?: unknown }).q !== fingerprint) {
    throw new BadTokenError('The provided cursor was not valid for this request.');
  }
  const { q: _q, ...state } = parsed as Record<string, number | string>;
  for (const value of Object.values(state)) {
    if (typeof value === 'number' && (!Number.isInteger(value) || value < 0))
      throw new BadTokenError('The provided cursor was not valid.');
  }
  return state;
}

/** Parses a numeric query parameter, clamped to [min, max]; `fallback` when absent or not a number. */
export function clampInt(raw: string | null | undefined, fallback: number, min: number, max: number): number {
  const value = raw == null || raw === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
