// Per-container accounting: what was listed, scanned and skipped (and why). Nothing is skipped silently.
import type { Coverage } from './ports.ts';

/** `unattributed`: a listed comment reply whose page could not be found (see comment-owners.ts). */
export type SkipReason =
  | 'forbidden'
  | 'not-found'
  | 'timeout'
  | 'throttled'
  | 'too-large'
  | 'unparseable'
  | 'truncated'
  | 'unattributed'
  | 'error';

export class CoverageCounter {
  readonly value: Coverage = { listed: 0, scanned: 0, bytes: 0, skipped: {} };

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

  get complete(): boolean {
    return Object.entries(this.value.skipped).every(([reason, n]) => reason === 'truncated' || n === 0);
  }
}
