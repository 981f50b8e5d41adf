// Per-container accounting: what was listed, scanned and skipped (and why). Nothing is skipped silently.
import type { Coverage } from './ports.ts';

// `interrupted`: the run stopped (Ctrl-C, a signal) before the end of the place; `unfinished`: a listing the whole
// product depends on failed before the end of the place; `unattributed`: a listed comment reply whose page could
// not be found (see comment-owners.ts).
export type SkipReason =
  | 'forbidden'
  | 'missing-scope'
  | 'not-found'
  | 'timeout'
  | 'throttled'
  | 'too-large'
  | 'unparseable'
  | 'truncated'
  | 'unattributed'
  | 'error'
  | 'interrupted'
  | 'unfinished';

export class CoverageCounter {
  readonly value: Coverage = { listed: 0, scanned: 0, bytes: 0, skipped: {} };
  /** Set when the crawl of the place reached its end (with or without gaps). */
  #finished = false;

  /** Continues from counts saved by an interrupted run. */
  restore(saved: Coverage): void {
    this.value.listed = saved.listed;
    this.value.scanned = saved.scanned;
    this.value.bytes = saved.bytes;
    this.value.skipped = { ...saved.skipped };
  }

  listed(n: number): void {
    this.value.listed += n;
  }

  scanned(n: number, bytes: number): void {
    this.value.scanned += n;
    this.value.bytes += bytes;
  }

  skip(reason: SkipReason, n = 1): void {
    this.value.skipped[reason] = (this.value.skipped[reason] ?? 0) + n;
  }

  /** The crawl of the place reached its end: what it did not read is counted in `skipped` already. */
  finish(): void {
    this.#finished = true;
  }

  get finished(): boolean {
    return this.#finished;
  }

  get complete(): boolean {
    return Object.entries(this.value.skipped).every(([reason, n]) => reason === 'truncated' || n === 0);
  }
}
