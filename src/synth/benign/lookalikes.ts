// Benign strings that share a shape with secrets or personal data: the material false positives come from.
// Each is public by design (publishable keys, digests, account ids) or not about a person at all.

import type { Rng } from '../rng.ts';
import { ALNUM, BASE64, DIGITS, HEX } from '../rng.ts';
import { isoDate, semver, service, sha256, uuid } from './identifiers.ts';

const LOOKALIKES: ((rng: Rng) => string)[] = [
  (r) => `ETag: "${r.chars(HEX, 32)}" (md5 of the rendered template)`,
  (r) =>
    `Role ARN arn:aws:iam::${r.chars(DIGITS, 12)}:role/${service(r)}-deployer is assumed by the pipeline.`,
  (r) => `Image pinned to registry.acme.io/${service(r)}@sha256:${sha256(r)}`,
  (r) => `"integrity": "sha512-${r.chars(BASE64, 86)}=="`,
  (r) => `Stripe publishable key for the checkout page: pk_live_${r.chars(ALNUM, 24)} (public by design)`,
  (r) => `Assigned to accountId ${r.chars(HEX, 24)}, watchers updated.`,
  (r) => `Slack thread ts=${r.int(1690000000, 1760000000)}.${r.chars(DIGITS, 6)} in #${service(r)}`,
  // Discord snowflakes issued since 2021 are 19 digits starting with 1.
  (r) => `Discord channel id 1${r.int(0, 2)}${r.chars(DIGITS, 17)} is where the bot posts release notes.`,
  (r) =>
    `event_time_ms=${r.int(1690000000000, 1760000000000)} partition=${r.int(0, 63)} offset=${r.int(1, 9)}${r.chars(DIGITS, 9)}`,
  () => '+1 to reverting, the flag can stay off until Monday.',
  (r) => `Supported range: ${semver(r)} <= v < ${semver(r)}; tested on 1.2.3.4-style four-part builds too.`,
  (r) =>
    `Subnets 10.${r.int(0, 255)}.0.0/16 and 192.168.${r.int(0, 255)}.0/24 are peered; multicast MAC 01:00:5e:${Array.from({ length: 3 }, () => r.chars(HEX, 2)).join(':')} carries the mDNS traffic.`,
  (r) => `Trace id ${r.chars(HEX, 32)}, span id ${r.chars(HEX, 16)}, request id ${uuid(r)}.`,
  (r) => `Release ${semver(r)} went out on ${isoDate(r)}; the changelog is in the wiki.`,
  () => `Set token: \${{ secrets.NPM_TOKEN }} in the workflow and password: \${DB_PASSWORD} in compose.`,
  (r) => `Colour tokens: primary #${r.chars(HEX, 6)}, surface #${r.chars(HEX, 6)}.`,
  (r) => `Kafka consumer group ${service(r)}-${r.chars(DIGITS, 4)} lags by ${r.int(1, 90000)} messages.`,
  (r) => `The triage rotation diagnosed the outage: health check timeouts on ${service(r)}.`,
  (r) =>
    `Jira issue id ${r.int(10000, 99999)} moved to ${service(r)}; build number ${r.int(1000, 9999)}.${r.int(1, 99)}.`,
  (r) =>
    `Firewall examples use documentation ranges 203.0.113.${r.int(1, 254)} and 198.51.100.${r.int(1, 254)}, and 2001:db8:${r.chars(HEX, 4)}::/48 for IPv6.`,
  () =>
    'Sample request: curl -u user@example.com:<api-token> https://your-domain.atlassian.net/rest/api/3/myself',
  (r) =>
    `Mock data uses the fictional range, e.g. +1 212-555-01${r.chars(DIGITS, 2)}, so no real line is ever dialled.`,
  (r) =>
    `Reproduced on Windows build 10.0.${r.int(19041, 22631)}.${r.int(1000, 4000)} and macOS 14.${r.int(0, 6)}.`,
  (r) =>
    `Charged $${r.int(10, 999)}.${r.chars(DIGITS, 2)} to the card ending in ${r.chars(DIGITS, 4)}; the receipt shows only the last four digits.`,
];

const lookalikeLine = (rng: Rng): string => rng.pick(LOOKALIKES)(rng);

export const lookalikeLines = (rng: Rng, n: number): string =>
  Array.from({ length: n }, () => lookalikeLine(rng)).join('\n');
