// A target of eight digits or more reads as a finding id or as a fingerprint prefix: which one depends on what the
// database holds, so a fingerprint that happens to start with digits can still be named by its prefix.
import { describe, expect, it } from 'vitest';
import { nearest, parseTarget } from '../../src/commands/suppress-target.ts';
import type { Store } from '../../src/store/store.ts';

const DIGIT_FINGERPRINT = `12345678${'ab'.repeat(28)}`;

/** The two lookups parseTarget makes, over one finding (id 7) and one fingerprint. */
function storeWith(findingIds: number[]): Store {
  return {
    findings: {
      get: (id: number) => (findingIds.includes(id) ? { id } : undefined),
      fingerprintsStartingWith: (prefix: string) =>
        DIGIT_FINGERPRINT.startsWith(prefix) ? [DIGIT_FINGERPRINT] : [],
    },
  } as unknown as Store;
}

describe('parseTarget', () => {
  it.each([
    ['a short number is a finding id', '7', [7], { kind: 'finding', findingId: 7 }],
    [
      'eight digits naming a finding are its id',
      '12345678',
      [12345678],
      { kind: 'finding', findingId: 12345678 },
    ],
    [
      'eight digits naming no finding are a fingerprint prefix',
      '12345678',
      [7],
      { kind: 'fingerprint', fingerprint: DIGIT_FINGERPRINT },
    ],
  ])('%s', (_, target, ids, expected) => {
    expect(parseTarget(storeWith(ids), target, {}, 'suppress')).toEqual(expected);
  });
});

describe('nearest', () => {
  const ids = ['email', 'mac-address', 'bitcoin-address', 'aws-access-key', 'emails'];

  it.each([
    [
      'a longer name for an id ranks that id first',
      'email-address',
      ['email', 'mac-address', 'bitcoin-address'],
    ],
    ['a shorter name ranks the ids that contain it first', 'aws', ['aws-access-key', 'email', 'emails']],
    ['a typo ranks by edit distance', 'mac-adress', ['mac-address', 'bitcoin-address', 'emails']],
    ['case does not matter', 'EMAIL', ['email', 'emails', 'mac-address']],
  ])('%s', (_, typed, expected) => {
    expect(nearest(typed, ids)).toEqual(expected);
  });
});
