// Parsers for configuration values. Each returns the parsed value or throws a short reason that config.ts
// prefixes with the setting's path (`scan.concurrency: must be an integer 1-64`).
import { SEVERITIES, type Severity } from './types.ts';

export type Parser<T> = (raw: unknown) => T;

export const integer =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new Error(`must be an integer ${min}-${max}`);
    }
    return value;
  };

export const boolean: Parser<boolean> = (raw) => {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string' && /^(true|1|yes)$/i.test(raw)) return true;
  if (typeof raw === 'string' && /^(false|0|no)$/i.test(raw)) return false;
  throw new Error('must be true or false');
};

export const text: Parser<string> = (raw) => {
  if (typeof raw !== 'string' || raw.trim() === '') throw new Error('must be a non-empty string');
  return raw.trim();
};

export const oneOf =
  <T extends string>(values: readonly T[]): Parser<T> =>
  (raw) => {
    if (typeof raw !== 'string' || !values.includes(raw as T))
      throw new Error(`must be one of ${values.join(', ')}`);
    return raw as T;
  };

export const severityOrNone: Parser<Severity | 'none'> = oneOf([...SEVERITIES, 'none'] as const);

/** A list from a YAML/JSON array, or a comma-separated string from a flag or the environment. */
export const list =
  <T>(item: Parser<T>): Parser<T[]> =>
  (raw) => {
    const items =
      typeof raw === 'string'
        ? raw
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : raw;
    if (!Array.isArray(items)) throw new Error('must be a list');
    return items.map((entry, index) => {
      try {
        return item(entry);
      } catch (error) {
        throw new Error(`item ${index + 1} ${(error as Error).message}`, { cause: error });
      }
    });
  };

const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/**
 * An Atlassian site URL: https (http only on a loopback address, such as the fake site: anywhere else it would
 * send the token in clear), no credentials, no query; returned without a trailing slash.
 */
export const siteUrl: Parser<string> = (raw) => {
  const value = text(raw);
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    throw new Error('must be a URL such as https://your-site.atlassian.net');
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname))
    throw new Error(
      'must use https:// (http would send the API token in clear; it is only for a loopback test site)',
    );
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('must use https://');
  if (url.username || url.password) throw new Error('must not contain credentials; use ATLASSIAN_API_TOKEN');
  if (url.search || url.hash) throw new Error('must not contain a query or fragment');
  return url.origin + url.pathname.replace(/\/+$/, '');
};

export const email: Parser<string> = (raw) => {
  const value = text(raw);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value)) throw new Error('must be an email address');
  return value;
};

export const isoDate: Parser<string> = (raw) => {
  const value = text(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new Error('must be a date such as 2026-08-17');
  }
  return new Date(value).toISOString();
};
