// Search-index lag, the fake's eventual consistency: for `indexLagMs` of wall-clock time after its first
// mutation, an item keeps the state the search index last saw (or stays unseen if it is new). Direct GETs and
// v2 listings never lag; Jira's reconcileIssues skips the lag for the ids it names.
import type { SiteClock } from './clock.ts';

export class IndexLag<Meta> {
  private readonly clock: SiteClock;
  private readonly pending = new Map<string, { visibleAt: number; previous: Meta | undefined }>();

  constructor(clock: SiteClock) {
    this.clock = clock;
  }

  /** Called before a mutation: remembers what search saw, once per lag window. */
  note(id: string, previous: () => Meta | undefined): void {
    const lagMs = this.clock.indexLagMs;
    if (lagMs > 0 && !this.pending.has(id))
      this.pending.set(id, { visibleAt: this.clock.wallNow() + lagMs, previous: previous() });
  }

  /** `{ previous }` while the item still lags (previous undefined: search does not know it yet). */
  lagging(id: string, wallNow: number): { previous: Meta | undefined } | undefined {
    const entry = this.pending.get(id);
    return entry && wallNow < entry.visibleAt ? entry : undefined;
  }
}
