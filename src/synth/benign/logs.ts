// Benign log lines: ISO timestamps, levels, private addresses, request ids, durations, hashes.

import type { Rng } from '../rng.ts';
import {
  durationMs,
  gitSha,
  isoTimestamp,
  port,
  privateIp,
  semver,
  service,
  sha256,
  uuid,
} from './identifiers.ts';

const MESSAGES: ((rng: Rng) => string)[] = [
  (r) =>
    `request completed method=GET path=/api/v2/orders/${r.int(1000, 99999)} status=200 duration=${durationMs(r)}`,
  (r) => `upstream connect error host=${privateIp(r)}:${port(r)} retry=${r.int(1, 5)}`,
  (r) => `cache miss key=tenant:${uuid(r)} ttl=300s`,
  (r) => `deployed ${service(r)} version=${semver(r)} commit=${gitSha(r)}`,
  (r) => `artifact checksum sha256=${sha256(r)} verified`,
  (r) => `health check ok target=${privateIp(r)} latency=${durationMs(r)}`,
  (r) => `worker ${r.int(1, 16)} picked job id=${uuid(r)} queue=${service(r)}`,
  (r) => `GC pause ${r.int(1, 400)}ms heap=${r.int(100, 4000)}MB`,
  (r) => `rate limited client=${privateIp(r)} bucket=${r.int(10, 500)}/min`,
  (r) => `slow query ${r.int(500, 9000)}ms table=orders rows=${r.int(1, 200000)}`,
];

function logLine(rng: Rng): string {
  const level = rng.pick(['INFO', 'INFO', 'INFO', 'WARN', 'ERROR', 'DEBUG']);
  const msg = rng.pick(MESSAGES)(rng);
  return rng.chance(0.3)
    ? JSON.stringify({ level: level.toLowerCase(), time: isoTimestamp(rng), service: service(rng), msg })
    : `${isoTimestamp(rng)} ${level} [${service(rng)}] ${msg}`;
}

export const logLines = (rng: Rng, n: number): string =>
  Array.from({ length: n }, () => logLine(rng)).join('\n');
