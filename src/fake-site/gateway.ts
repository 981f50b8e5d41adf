// The API gateway in front of the fake site, as api.atlassian.com is in front of a real one: /ex/jira/{cloudId}
// carries Jira's paths, /ex/confluence/{cloudId} Confluence's (/wiki included). A classic token works on both
// sides, as before. A scoped token (`tokenKind: 'scoped'`) is refused by the site URL and works only through the
// gateway, which has its own listener then (another origin) and answers a scope the token lacks with the OAuth
// scope-mismatch 401.
import type { AuthOutcome, Reply } from './router.ts';
import { json } from './router.ts';
import { scopesAllow } from './scopes.ts';

export type TokenKind = 'classic' | 'scoped';

/** What one listener serves: the site URL, the gateway, or (classic tokens) both on one port. */
export type ListenerRole = 'site' | 'gateway' | 'both';

export interface Addressed {
  /** The API path, gateway prefix removed. */
  path: string;
  viaGateway: boolean;
}

const PREFIX = /^\/ex\/(jira|confluence)\/([^/]+)(\/.*)?$/;

/**
 * The API path a request names, or undefined when this listener does not serve it: a gateway prefix naming another
 * product's paths or another cloud id, a prefixed path on the site-only listener, a bare one on the gateway's.
 */
export function addressed(pathname: string, cloudId: string, role: ListenerRole): Addressed | undefined {
  const match = PREFIX.exec(pathname);
  if (!match) return role === 'gateway' ? undefined : { path: pathname, viaGateway: false };
  const [, product, id, rest = '/'] = match;
  const wiki = rest === '/wiki' || rest.startsWith('/wiki/');
  if (role === 'site' || id !== cloudId || (product === 'confluence') !== wiki) return undefined;
  return { path: rest, viaGateway: true };
}

/** The token's worth where it arrived: the site URL refuses a scoped token as it would a wrong one. */
export function authAt(kind: TokenKind, auth: AuthOutcome, viaGateway: boolean): AuthOutcome {
  return kind === 'scoped' && !viaGateway && auth === 'ok' ? 'bad' : auth;
}

/**
 * The gateway's own refusals, before the route runs: it serves nobody anonymously, and a scoped token must hold
 * one alternative of the route's scopes.
 */
export function gatewayRefusal(
  auth: AuthOutcome,
  kind: TokenKind,
  template: string,
  granted: ReadonlySet<string>,
): Reply | undefined {
  if (auth !== 'ok') return json(401, { code: 401, message: 'Unauthorized' });
  if (kind === 'scoped' && !scopesAllow(template, granted))
    return json(401, { code: 401, message: 'Unauthorized; scope does not match' });
  return undefined;
}
