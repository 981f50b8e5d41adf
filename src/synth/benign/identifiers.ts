// Benign identifiers that look random or numeric but are not sensitive: hashes, ids, versions, builds,
// timestamps, private addresses, harmless URLs and base64 payloads.

import { SERVICES } from '../names.ts';
import { BASE64, DIGITS, HEX, type Rng } from '../rng.ts';

export const gitSha = (rng: Rng): string => rng.chars(HEX, 40);
export const shortSha = (rng: Rng): string => rng.chars(HEX, rng.int(7, 12));
export const sha256 = (rng: Rng): string => rng.chars(HEX, 64);

export function uuid(rng: Rng): string {
  const h = rng.chars(HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${rng.pick(['8', '9', 'a', 'b'])}${h.slice(17, 20)}-${h.slice(20)}`;
}

export const semver = (rng: Rng): string =>
  `${rng.int(0, 14)}.${rng.int(0, 40)}.${rng.int(0, 30)}${rng.chance(0.2) ? `-${rng.pick(['rc', 'beta', 'alpha'])}.${rng.int(1, 9)}` : ''}`;

/** Dotted build and version numbers with many digit groups, the kind phone finders confuse. */
export const dottedBuild = (rng: Rng): string =>
  rng.pick([
    `${rng.int(1, 9)}.${rng.int(0, 30)}.${rng.int(0, 99)}.${rng.int(1000, 99999)}`,
    `${rng.int(2022, 2026)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}.${rng.int(1, 40)}`,
    `1.2.840.${rng.int(10000, 113549)}.${rng.int(1, 9)}.${rng.int(1, 20)}`,
  ]);

export const buildNumber = (rng: Rng): string => `#${rng.int(100, 99999)}`;
export const ticketKey = (rng: Rng): string =>
  `${rng.pick(['ENG', 'OPS', 'SUP', 'WEB', 'API', 'INFRA'])}-${rng.int(1, 9999)}`;
export const orderNumber = (rng: Rng): string =>
  rng.pick([
    `ORD-${rng.int(2019, 2026)}-${rng.chars(DIGITS, 6)}`,
    `PO${rng.chars(DIGITS, 7)}`,
    `INV-${rng.chars(DIGITS, 5)}`,
  ]);

/** ISO 8601 timestamp in the two years before 2026. */
export function isoTimestamp(rng: Rng): string {
  const ms = Date.UTC(2024, 0, 1) + rng.int(0, 730 * 24 * 3600) * 1000 + rng.int(0, 999);
  return new Date(ms).toISOString();
}

export const isoDate = (rng: Rng): string => isoTimestamp(rng).slice(0, 10);

/** RFC 1918, loopback and link-local addresses only. */
export const privateIp = (rng: Rng): string =>
  rng.pick([
    `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    `192.168.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    `172.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    '127.0.0.1',
  ]);

export const port = (rng: Rng): number => rng.pick([80, 443, 3000, 5432, 6379, 8080, 8443, 9090, 9200]);
export const service = (rng: Rng): string => rng.pick(SERVICES);

/** URLs without credentials or tokens. */
export const cleanUrl = (rng: Rng): string =>
  rng.pick([
    `https://github.com/acme/${service(rng)}/pull/${rng.int(10, 4000)}`,
    `https://acme.atlassian.net/browse/${ticketKey(rng)}`,
    `https://grafana.internal/d/${rng.chars(HEX, 9)}/${service(rng)}?orgId=1&from=now-6h`,
    `http://${privateIp(rng)}:${port(rng)}/healthz`,
    `https://docs.acme.io/runbooks/${service(rng)}#rollback`,
    `https://ci.acme.io/job/${service(rng)}/${rng.int(100, 9999)}/console`,
  ]);

/** Base64 of binary content (an image thumbnail, a protobuf frame): long, random, not a secret. */
export function base64Blob(rng: Rng, chars = rng.int(120, 600)): string {
  const prefix = rng.pick(['iVBORw0KGgoAAAANSUhEUgAA', '/9j/4AAQSkZJRgABAQ', 'CgZ', 'R0lGODlh']);
  const body = prefix + rng.chars(BASE64, chars - prefix.length - 2);
  return `${body}==`;
}

export const durationMs = (rng: Rng): string => `${rng.int(1, 30000)}ms`;
