// Which door the token opens. A classic token works on the site URL; a scoped token is refused there (401) and
// works only through the API gateway, at the site's cloud id. The credential probe (Jira's /myself, or
// Confluence's current user when Confluence is scanned alone) decides, and gives the API user's time zone.
import type { Logger } from 'pino';
import { CredentialError } from '../errors.ts';
import { gatewayBases, readCloudId, TenantInfoError, type PlainFetch } from '../sources/gateway.ts';
import type { Download } from '../sources/attachment-reader.ts';
import type { Product } from '../types.ts';
import { createSources, type SiteCredentials, type Sources } from './clients.ts';
import { isLoginFailure, isMissingScope, isNetworkError } from './errors.ts';

const TOKEN_HELP =
  'check ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN (tokens: https://id.atlassian.com/manage-profile/security/api-tokens)';

/**
 * The zone for query date literals when no probe could read the user's: the one furthest behind UTC, so that an
 * incremental query can only start earlier than meant (re-reading unchanged items costs no detection), never later.
 */
export const UNKNOWN_ZONE = 'Etc/GMT+12';

export interface GatewayChoice {
  /** The gateway's origin (Atlassian's, or the loopback test hook); none for a loopback site. */
  origin: string | undefined;
  /** --gateway: skip the site URL. */
  force: boolean;
}

export interface ConnectOptions {
  credentials: SiteCredentials;
  products: readonly Product[];
  gateway: GatewayChoice;
  /** The transport's fetch: the anonymous tenant_info request stays on the site's origin. */
  fetch: PlainFetch;
  /** The transport's attachment download (credentials only on the first hop). */
  download?: Download;
  maxChars: number;
  logger: Logger;
  /** One line for the user (stderr). */
  notice: (line: string) => void;
}

export interface Connection {
  sources: Sources;
  timeZone: string | undefined;
}

type Probed = { timeZone: string | undefined } | 'refused';

/**
 * Probes each product scanned until one answers: Jira first, as before. A missing scope proves the token valid
 * (the gateway authenticated it) without giving a zone, so the next product is asked for it.
 */
async function probeSources(options: ConnectOptions, sources: Sources): Promise<Probed> {
  const { site } = options.credentials;
  const probes = [
    ...(options.products.includes('jira') ? [() => sources.jira.whoami()] : []),
    ...(options.products.includes('confluence') ? [() => sources.confluence.whoami()] : []),
  ];
  for (const whoami of probes) {
    try {
      return { timeZone: (await whoami()).timeZone };
    } catch (error) {
      if (isMissingScope(error)) continue;
      if (isLoginFailure(error)) return 'refused';
      if (isNetworkError(error)) {
        const code = (error as { code?: string }).code ?? 'network error';
        throw new CredentialError(
          `cannot reach ${site} (${code}): check ATLASSIAN_SITE or --site and your network`,
        );
      }
      if ((error as { status?: number }).status === 404) {
        throw new CredentialError(
          `${site} does not look like an Atlassian Cloud site (HTTP 404 on the API): check the URL`,
        );
      }
      throw error;
    }
  }
  options.logger.warn(
    'the API user time zone is unreadable (missing scope): query dates start a day earlier',
  );
  return { timeZone: UNKNOWN_ZONE };
}

/** The site URL first (unless --gateway), then the gateway when the site refuses the token. */
export async function connect(options: ConnectOptions): Promise<Connection> {
  const { credentials, gateway, maxChars, logger } = options;
  const { site, email } = credentials;
  if (!gateway.force) {
    const sources = createSources(credentials, maxChars, logger, undefined, options.download);
    const probed = await probeSources(options, sources);
    if (probed !== 'refused') return { sources, timeZone: probed.timeZone };
    if (!gateway.origin)
      throw new CredentialError(`${site} rejected the credentials of ${email}: ${TOKEN_HELP}`);
  }
  if (!gateway.origin) throw new CredentialError(`no API gateway serves the loopback site ${site}`);
  let cloudId: string;
  try {
    cloudId = await readCloudId(options.fetch, site);
  } catch (error) {
    if (!(error instanceof TenantInfoError)) throw error;
    const refused = gateway.force ? 'cannot use the API gateway for' : 'rejected the credentials of';
    const who = gateway.force ? site : `${email} at ${site}`;
    throw new CredentialError(`${refused} ${who}: no cloud id (${error.message}); ${TOKEN_HELP}`);
  }
  const bases = gatewayBases(gateway.origin, cloudId);
  const sources = createSources(credentials, maxChars, logger, bases, options.download);
  const probed = await probeSources(options, sources);
  if (probed === 'refused') {
    const where = gateway.force ? 'the API gateway' : `${site} and the API gateway`;
    throw new CredentialError(`${where} rejected the credentials of ${email}: ${TOKEN_HELP}`);
  }
  options.notice(`scoped token: using the API gateway for ${site}`);
  return { sources, timeZone: probed.timeZone };
}
