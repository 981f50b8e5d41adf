// Atlassian answers an attachment download with a redirect to its media host, another origin. The redirect is
// followed by hand so that the site credentials go to the first hop only: once dropped at an origin change they stay
// dropped, whichever origin a later hop names.
import { CrossOriginError, RequestTimeoutError, timedOut } from './request-errors.ts';

const MAX_REDIRECTS = 5;

export interface Hop {
  fetch: typeof fetch;
  signal: AbortSignal;
  timeoutMs: number;
  /** Called before each request (counting, logging). */
  onRequest: (target: URL) => void;
}

/** The final response of `url`, the redirects followed; `headers` (credentials) go to the first origin only. */
export async function fetchFollowingMediaRedirects(
  url: URL,
  headers: Record<string, string>,
  hop: Hop,
): Promise<Response> {
  let target = url;
  let sent = headers;
  for (let hops = 0; ; hops++) {
    hop.onRequest(target);
    let response: Response;
    try {
      response = await hop.fetch(target, { headers: sent, redirect: 'manual', signal: hop.signal });
    } catch (error) {
      throw timedOut(error, hop.signal) ? new RequestTimeoutError(hop.timeoutMs) : error;
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location || hops >= MAX_REDIRECTS)
      return response;
    await response.body?.cancel();
    const next = new URL(location, target);
    if (next.protocol !== 'https:' && next.protocol !== 'http:') throw new CrossOriginError(next.origin);
    if (next.origin !== target.origin) sent = {};
    target = next;
  }
}
