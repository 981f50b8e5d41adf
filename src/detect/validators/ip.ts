// Public IP addresses only. Private, loopback, link-local, shared (CGNAT), documentation, benchmarking,
// multicast and reserved ranges (RFC 6890 special-purpose registries) are not personal data in tickets.
import { isIPv4, isIPv6 } from 'node:net';
import type { ValidatorContext } from './index.ts';

/** [first octet, second-octet low, second-octet high, third octet or -1 for any] */
const SPECIAL_V4: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 255, -1],
  [10, 0, 255, -1],
  [100, 64, 127, -1],
  [127, 0, 255, -1],
  [169, 254, 254, -1],
  [172, 16, 31, -1],
  [192, 0, 0, 0],
  [192, 0, 0, 2],
  [192, 88, 88, 99],
  [192, 168, 168, -1],
  [198, 18, 19, -1],
  [198, 51, 51, 100],
  [203, 0, 0, 113],
];

// "v1.2.3.4", "version 10.2.0.17", "build 4.1.0.2": four-part version numbers look like addresses.
const VERSION_BEFORE = /(?:\bv|version|release|build|ver\.?|rev\.?)\s*$/i;

export function isPublicIpv4(value: string, context: ValidatorContext): boolean {
  if (!isIPv4(value)) return false;
  const [a = 0, b = 0, c = 0] = value.split('.').map(Number);
  if (a >= 224) return false;
  if (
    SPECIAL_V4.some(
      ([first, low, high, third]) => a === first && b >= low && b <= high && (third < 0 || c === third),
    )
  )
    return false;
  // All four parts below 10 (1.2.3.4, 2.0.0.0) is a version far more often than a host in a ticket.
  if (value.split('.').every((part) => part.length === 1)) return false;
  return !VERSION_BEFORE.test(context.text.slice(Math.max(0, context.start - 12), context.start));
}

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * Global unicast (2000::/3) outside the documentation (2001:db8::/32, 3fff::/20) and other special 2001::/23
 * blocks, or an IPv4-mapped address whose IPv4 part is public.
 */
export function isPublicIpv6(value: string, context: ValidatorContext): boolean {
  const mapped = MAPPED_V4.exec(value);
  if (mapped) return isPublicIpv4(mapped[1]!, { ...context, start: context.end - mapped[1]!.length });
  if (!isIPv6(value)) return false;
  const first = parseInt(value.split(':')[0] || '0', 16);
  if (first < 0x2000 || first > 0x3fff) return false;
  const second = parseInt(value.split(':')[1] || '0', 16);
  if (first === 0x2001 && (second === 0x0db8 || second < 0x0200)) return false;
  return first !== 0x2002 && first !== 0x3fff;
}
