// Site time: items are created over the two years before the site clock, in index order (so keys and ids
// grow with age as on a real site), and every later instant of an item lies between its creation and now.

import type { Rng } from '../../synth/rng.ts';

export const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;
/** Leave the last hour empty so every instant is strictly before `now`. */
const QUIET_MS = 3600 * 1000;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Creation instant of item `index` of `count`, jittered within its slot. */
export function createdMs(rng: Rng, now: number, index: number, count: number): number {
  const start = now - TWO_YEARS_MS;
  const slot = (TWO_YEARS_MS - QUIET_MS) / Math.max(1, count);
  return Math.floor(start + slot * (index + rng.next()));
}

/** An instant after `from`, skewed towards `from` (most items are edited soon after creation). */
export function laterMs(rng: Rng, from: number, now: number): number {
  const room = Math.max(0, now - QUIET_MS - from);
  return Math.floor(from + room * rng.next() ** 3);
}

/** `n` ascending instants in [from, to]. */
export function spreadMs(rng: Rng, from: number, to: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Math.floor(from + (to - from) * rng.next()));
  return out.sort((a, b) => a - b);
}
