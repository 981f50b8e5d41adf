// The site's ~25 users: synthetic names and Atlassian-style account ids (24-hex for older accounts, the
// `712020:` + UUID form for newer ones).

import { FIRST_NAMES, LAST_NAMES } from '../../synth/names.ts';
import { createRng, HEX } from '../../synth/rng.ts';
import type { FakeUser } from '../model.ts';

const USER_COUNT = 25;

export function createUsers(seed: number): FakeUser[] {
  const rng = createRng(seed).fork('users');
  const first = rng.shuffle(FIRST_NAMES).slice(0, USER_COUNT);
  const last = rng.shuffle(LAST_NAMES);
  return first.map((given, i) => {
    const family = last[i % last.length] as string;
    const accountId =
      i % 3 === 2
        ? `712020:${rng.chars(HEX, 8)}-${rng.chars(HEX, 4)}-4${rng.chars(HEX, 3)}-${rng.pick(['8', '9', 'a', 'b'])}${rng.chars(HEX, 3)}-${rng.chars(HEX, 12)}`
        : `5${rng.chars(HEX, 23)}`;
    return {
      accountId,
      displayName: `${given} ${family}`,
      email: `${given}.${family}@example.com`.toLowerCase(),
    };
  });
}
