// The small vocabulary every route file shares: a request context, a reply, and matching of path templates
// such as `/rest/api/3/issue/{issueIdOrKey}` (the template doubles as the stats key).
import type { Site } from './site.ts';

export type AuthOutcome = 'ok' | 'bad' | 'none';

export interface Reply {
  status: number;
  /** JSON-serialised unless `text` is given. */
  body?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** `http://127.0.0.1:PORT` as the client addressed us: absolute links are built from it. */
  origin: string;
  params: Record<string, string>;
  auth: AuthOutcome;
  site: Site;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  template: string;
  /** Jira endpoints that serve anonymous callers (and dead tokens) instead of answering 401. */
  anonymous?: boolean;
  handle(context: RequestContext): Reply | Promise<Reply>;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.template
        .split('/')
        .map((segment) => {
          const name = /^\{(\w+)\}$/.exec(segment)?.[1];
          if (!name) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          names.push(name);
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  /** The route for this method and path; `methodMismatch` when the path exists under another method. */
  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | 'methodMismatch' | undefined {
    let pathMatched = false;
    for (const { route, pattern, names } of this.compiled) {
      const found = pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1]!)));
      return { route, params };
    }
    return pathMatched ? 'methodMismatch' : undefined;
  }
}

/** A list parameter given as repeated parameters, a comma-separated list, or both. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

/** Body field or query parameter (POST search endpoints take the same names in their JSON body). */
export function input(context: RequestContext, name: string): unknown {
  const body = context.body;
  if (body && typeof body === 'object' && name in body) return (body as Record<string, unknown>)[name];
  return context.query.get(name) ?? undefined;
}

/** A list given in the JSON body (array or comma string) or as query parameters. */
export function inputList(context: RequestContext, name: string): string[] | undefined {
  const body = context.body;
  if (body && typeof body === 'object' && name in body) {
    const value = (body as Record<string, unknown>)[name];
    if (Array.isArray(value)) return value.map(String);
    return typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : undefined;
  }
  return context.query.has(name) ? listParam(context.query, name) : undefined;
}
