import { describe, expect, it } from 'vitest';
import { findingIdentity } from '../../src/store/identity.ts';

const base = ['body', '', 'aws-access-key', 'a'.repeat(64)] as const;

describe('findingIdentity', () => {
  it.each([
    ['another field', ['comment', '', base[2], base[3]]],
    ['another comment id', ['body', '10001', base[2], base[3]]],
    ['another rule', ['body', '', 'aws-secret-key', base[3]]],
    ['another value', ['body', '', base[2], `${'a'.repeat(63)}b`]],
    ['parts shifted across the separator', ['bod', 'y', base[2], base[3]]],
  ] as const)('differs for %s', (_name, other) => {
    expect(findingIdentity(other[0], other[1], other[2], other[3])).not.toBe(findingIdentity(...base));
  });

  it('is stable and a safe integer', () => {
    expect(findingIdentity(...base)).toBe(findingIdentity(...base));
    expect(Number.isSafeInteger(findingIdentity(...base))).toBe(true);
  });

  // Stored rows carry these identities: a re-scan must compute the same ones, or every finding would look new.
  it.each([
    [[...base], 2050205389149487],
    [['comment', '10001', 'rule-1', 'ü€'.repeat(3)], 4425912511214658],
  ] as const)('keeps the identities databases already hold (%j)', (parts, identity) => {
    expect(findingIdentity(parts[0], parts[1], parts[2], parts[3])).toBe(identity);
  });

  it('does not collide over 200,000 findings of one item', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++)
      seen.add(
        findingIdentity('comment', String(i % 50), `rule-${i % 120}`, i.toString(16).padStart(64, '0')),
      );
    expect(seen.size).toBe(200_000);
  });
});
