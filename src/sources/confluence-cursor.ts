// Paging of the Confluence v2 listings: the largest page they serve, and the cursor of the next one, read from
// `_links.next` (the clients return only the body).
import { MalformedResponseError } from './response-shape.ts';
import { CrossOriginError } from './request-errors.ts';

/** The v2 list endpoints serve at most 250 items per page (larger limits are clamped). */
export const PAGE_LIMIT = 250;

export interface Links {
  next?: string;
  webui?: string;
}

/**
 * The v2 cursor lives in `_links.next`, relative to the host, at no fixed position, URL-encoded. A link to another
 * host, port or scheme is refused: only a hostile or broken server sends one.
 */
export function nextCursor(links: Links | undefined, site: string): string | undefined {
  if (!links?.next) return undefined;
  const next = URL.parse(links.next, site);
  if (!next) throw new MalformedResponseError('next-page link');
  if (next.origin !== new URL(site).origin) throw new CrossOriginError(next.origin);
  return next.searchParams.get('cursor') ?? undefined;
}
