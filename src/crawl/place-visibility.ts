// Who may see each place the run crawls: one permission read per place (never per item), on full runs and when the
// stored answer is older than a week, so that nightly incremental runs stay within their request budget. A place
// whose permissions the token may not read (or that answer in a shape not understood) is `unknown`: never a
// guess. Pages restricted within a space are not counted: no listing says so cheaply (they are simply absent).
import type { PermissionReader } from '../sources/permissions.ts';
import type { Container, PlaceVisibility, Product } from '../types.ts';
import type { CrawlContext } from './context.ts';
import { describe } from './errors.ts';
import { settled } from './fetch-ahead.ts';

/** A week: a place opened to the public shows on the next full run, or within a week of nightly runs. */
export const VISIBILITY_REFRESH_MS = 7 * 86_400_000;

export interface PermissionTally {
  /** Permission reads made (one per place read). */
  read: number;
  /** Places read whose visibility stays unknown. */
  unknown: number;
}

/** Who may see each place: the permission reader, and what it read per product. */
export interface PlaceAccessRead {
  read: PermissionReader;
  tally: Partial<Record<Product, PermissionTally>>;
}

function due(context: CrawlContext, readAt: string | undefined): boolean {
  if (context.run.mode === 'full' || readAt === undefined) return true;
  return Date.now() - Date.parse(readAt) >= VISIBILITY_REFRESH_MS;
}

/** Reads and records the visibility of the places that are due; `read` asks the site for one place. */
export async function recordPlaceVisibility(
  context: CrawlContext,
  product: Product,
  places: readonly Container[],
  read: (place: Container) => Promise<PlaceVisibility | undefined>,
): Promise<PermissionTally> {
  const stored = context.sink.placeVisibility(product);
  const wanted = places.filter((p) => due(context, stored.get(p.key)?.readAt));
  const readAt = new Date().toISOString();
  const answers = await Promise.all(
    wanted.map(async (place) => {
      const answer = await settled(read(place));
      if (!answer.ok)
        context.logger.info(
          { product, place: place.key, error: describe(answer.error) },
          'permissions not read',
        );
      const visibility: PlaceVisibility = (answer.ok && answer.value) || 'unknown';
      return { key: place.key, visibility, readAt };
    }),
  );
  if (!context.signal.aborted) context.sink.recordVisibility(product, answers);
  return { read: answers.length, unknown: answers.filter((a) => a.visibility === 'unknown').length };
}

const WHY: Record<Product, [string, string]> = {
  jira: ['Jira project', "a project's permission scheme needs Administer Jira or Administer Projects"],
  confluence: ['Confluence space', "a space's permissions needs view permission on the space"],
};

/** `visibility unknown for 6 Jira projects (...)`: one line when the token could not say who sees some places. */
export function unknownVisibilityLine(
  tallies: Partial<Record<Product, PermissionTally>>,
): string | undefined {
  const parts = (['jira', 'confluence'] as const).flatMap((product) => {
    const n = tallies[product]?.unknown ?? 0;
    const [noun, why] = WHY[product];
    return n > 0 ? [`${n} ${noun}${n === 1 ? '' : 's'} (reading ${why})`] : [];
  });
  return parts.length > 0 ? `visibility unknown for ${parts.join(', ')}` : undefined;
}
