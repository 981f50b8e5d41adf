// The site clock: starts at the generator's `now` and moves only when told to (POST /__admin/clock), so runs are
// reproducible. Index lag, an emulation of eventual consistency, is measured on the real wall clock instead.

export class SiteClock {
  private siteMs: number;
  indexLagMs: number;

  constructor(startIso: string, indexLagMs = 0) {
    this.siteMs = Date.parse(startIso);
    this.indexLagMs = indexLagMs;
  }

  now(): number {
    return this.siteMs;
  }

  isoNow(): string {
    return new Date(this.siteMs).toISOString();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceMs must be a non-negative number');
    this.siteMs += ms;
  }

  wallNow(): number {
    return performance.now();
  }
}
