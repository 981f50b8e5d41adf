// Atlassian's API gateway, which scoped API tokens must use: the site URL refuses them. Jira is reached at
// `https://api.atlassian.com/ex/jira/{cloudId}/rest/...`, Confluence at `.../ex/confluence/{cloudId}/wiki/...`, and
// the cloud id is read anonymously from `<site>/_edge/tenant_info`. Deep links keep pointing at the site.
import { ConfigError } from '../errors.ts';

export const ATLASSIAN_GATEWAY = 'https://api.atlassian.com';

/** A fetch as the transport offers it. */
export type PlainFetch = (url: string, init?: RequestInit) => Promise<Response>;

/** The base URL each client calls: the site itself, or the gateway's per-product prefix. */
export interface ApiBases {
  jira: string;
  confluence: string;
}

export const siteBases = (site: string): ApiBases => ({ jira: site, confluence: site });

export const gatewayBases = (gateway: string, cloudId: string): ApiBases => ({
  jira: `${gateway}/ex/jira/${cloudId}`,
  confluence: `${gateway}/ex/confluence/${cloudId}`,
});

/** A request path without its gateway prefix: the same endpoint names the same family either way. */
export const apiPath = (pathname: string): string =>
  pathname.replace(/^\/ex\/(?:jira|confluence)\/[^/]+/, '');

// Cloud ids are UUIDs; anything else must not become a path segment of a credentialed URL.
const CLOUD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why the cloud id could not be read (a status or a shape, never the body). */
export class TenantInfoError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TenantInfoError';
  }
}

/**
 * The site's cloud id from `/_edge/tenant_info`, asked without credentials through `fetch` (the transport's, so
 * the request stays on the site's origin).
 */
export async function readCloudId(fetch: PlainFetch, site: string): Promise<string> {
  const path = '/_edge/tenant_info';
  let response: Response;
  try {
    response = await fetch(`${site}${path}`, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new TenantInfoError(`${path}: ${error instanceof Error ? error.name : 'network error'}`);
  }
  if (!response.ok) throw new TenantInfoError(`HTTP ${response.status} on ${path}`);
  let cloudId: unknown;
  try {
    cloudId = ((await response.json()) as { cloudId?: unknown }).cloudId;
  } catch {
    throw new TenantInfoError(`${path} is not JSON`);
  }
  if (typeof cloudId !== 'string' || !CLOUD_ID.test(cloudId))
    throw new TenantInfoError(`no cloud id in ${path}`);
  return cloudId;
}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * The gateway's origin: Atlassian's for a real site; none for a loopback site (a local token never leaves the
 * machine); for tests, the EXPOSURE_TEST_GATEWAY hook, honoured only when both it and the site are loopback URLs,
 * so that it can never send a real site's credentials anywhere else.
 */
export function gatewayOrigin(site: string, testHook: string | undefined): string | undefined {
  const local = isLoopback(new URL(site));
  if (testHook === undefined) return local ? undefined : ATLASSIAN_GATEWAY;
  if (!local || !isLoopback(new URL(testHook))) {
    throw new ConfigError(
      'EXPOSURE_TEST_GATEWAY is a test hook: it is honoured only when it and the site are loopback URLs; unset it',
    );
  }
  return new URL(testHook).origin;
}
