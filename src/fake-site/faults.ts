// Fault injection per route pattern. Every random choice is a pure function of (fault seed, rule, n-th matching
// request), so a run with the same seed and request order fails the same way. The token bucket alone follows
// the wall clock, as a real per-site burst limit does.
import type { Reply } from './router.ts';

export interface FaultRule {
  /** Path prefix, or a prefix ending in `*`; default: every emulated path. */
  route?: string;
  latencyMs?: number;
  jitterMs?: number;
  /** Error status to inject (429, 500, 502, 503, 504) with `probability`, or on every `everyNth` match. */
  status?: 429 | 500 | 502 | 503 | 504;
  probability?: number;
  everyNth?: number;
  /** 429 `RateLimit-Reason`: short burst back-off, or an hourly quota (reset an hour away). */
  reason?: 'burst' | 'quota';
  retryAfterSeconds?: number;
  /** Token bucket: `burst` requests, refilled at `perSecond`; answers 429 when empty. */
  bucket?: { burst: number; perSecond: number };
  /** Destroy the socket instead of answering (with `probability` or `everyNth`). */
  reset?: boolean;
  /** Hold the response headers this long (beyond a client's headers timeout). */
  slowHeadersMs?: number;
  /** Send half the body, then stall this long before the rest. */
  stallBodyMs?: number;
  /** Answer the OAuth scope-mismatch 401 (`Unauthorized; scope does not match`) that clients map to ScopeError. */
  scopeMismatch?: boolean;
  /** Answer 404 on fetches of single items: content deleted between listing and fetching. */
  vanish?: boolean;
  /** Answer 302 to this URL: a hostile site luring credentials to another origin. */
  redirectTo?: string;
  /** Add `X-RateLimit-NearLimit: true` and the points-model beta headers to successful answers. */
  nearLimit?: boolean;
}

export interface FaultConfig {
  seed?: number;
  rules?: FaultRule[];
  /** The token "expires": every request after the first N authenticated ones gets the 401 of a dead token. */
  expireTokenAfter?: number;
  /** Mutations stay invisible to search for this long (wall-clock ms) unless reconciled. */
  indexLagMs?: number;
}

export interface FaultPlan {
  delayMs: number;
  reply?: Reply;
  reset?: boolean;
  slowHeadersMs?: number;
  stallBodyMs?: number;
  vanish?: boolean;
  headers: Record<string, string>;
}

function unitRandom(seed: number, rule: number, n: number): number {
  let x = (seed * 0x9e3779b1) ^ (rule * 0x85ebca6b) ^ (n * 0xc2b2ae35);
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return ((x ^ (x >>> 16)) >>> 0) / 4_294_967_296;
}

function matches(rule: FaultRule, path: string): boolean {
  if (!rule.route) return true;
  return rule.route.endsWith('*')
    ? path.startsWith(rule.route.slice(0, -1))
    : path === rule.route || path.startsWith(`${rule.route}/`);
}

function resetAt(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}Z`;
}

function rateLimited(path: string, rule: FaultRule, siteNow: number, limit: number): Reply {
  const product = path.startsWith('/wiki') ? 'confluence' : 'jira';
  const quota = rule.reason === 'quota';
  const retryAfter = rule.retryAfterSeconds ?? (quota ? 3600 : 2);
  const headers = {
    'Retry-After': String(retryAfter),
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': resetAt(siteNow + retryAfter * 1000),
    'RateLimit-Reason': quota ? `${product}-quota-tenant-based` : `${product}-burst-based`,
  };
  return product === 'jira'
    ? { status: 429, body: { errorMessages: ['Rate limit exceeded.'], errors: {} }, headers }
    : {
        status: 429,
        body: {
          errors: [{ status: 429, code: 'TOO_MANY_REQUESTS', title: 'Too Many Requests', detail: null }],
        },
        headers,
      };
}

const EDGE_HTML = (status: number, title: string) =>
  `<!DOCTYPE html><html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>The Atlassian edge could not complete the request.</p></body></html>`;

function serverError(path: string, status: 500 | 502 | 503 | 504, retryAfterSeconds: number): Reply {
  if (status === 500) {
    return path.startsWith('/wiki')
      ? {
          status,
          body: {
            errors: [{ status, code: 'INTERNAL_SERVER_ERROR', title: 'Internal Server Error', detail: null }],
          },
        }
      : { status, body: { errorMessages: ['Internal server error.'], errors: {} } };
  }
  const title = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' }[status];
  const headers: Record<string, string> = status === 503 ? { 'Retry-After': String(retryAfterSeconds) } : {};
  return { status, text: EDGE_HTML(status, title), contentType: 'text/html;charset=UTF-8', headers };
}

export class Faults {
  private config: FaultConfig = {};
  private counts: number[] = [];
  private buckets: Array<{ tokens: number; at: number }> = [];
  private authenticated = 0;

  constructor(config: FaultConfig = {}) {
    this.set(config);
  }

  set(config: FaultConfig): void {
    this.config = structuredClone(config);
    this.counts = (config.rules ?? []).map(() => 0);
    this.buckets = (config.rules ?? []).map((rule) => ({
      tokens: rule.bucket?.burst ?? 0,
      at: performance.now(),
    }));
    this.authenticated = 0;
  }

  get(): FaultConfig {
    return structuredClone(this.config);
  }

  get indexLagMs(): number {
    return this.config.indexLagMs ?? 0;
  }

  /** Counts an authenticated request; true once the emulated token has expired. */
  tokenExpired(): boolean {
    const limit = this.config.expireTokenAfter;
    if (limit === undefined) return false;
    this.authenticated++;
    return this.authenticated > limit;
  }

  plan(path: string, siteNow: number): FaultPlan {
    const plan: FaultPlan = { delayMs: 0, headers: {} };
    const seed = this.config.seed ?? 0;
    (this.config.rules ?? []).forEach((rule, r) => {
      if (!matches(rule, path)) return;
      const n = ++this.counts[r]!;
      const fires = rule.everyNth
        ? n % rule.everyNth === 0
        : unitRandom(seed, r, n) < (rule.probability ?? 1);
      plan.delayMs +=
        (rule.latencyMs ?? 0) + Math.floor(unitRandom(seed, r + 1000, n) * (rule.jitterMs ?? 0));
      if (rule.nearLimit) Object.assign(plan.headers, this.nearLimitHeaders());
      if (plan.reply || plan.reset) return;
      if (rule.bucket && !this.take(r, rule.bucket))
        plan.reply = rateLimited(path, rule, siteNow, rule.bucket.burst);
      else if (!fires) return;
      else if (rule.status === 429) plan.reply = rateLimited(path, rule, siteNow, 100);
      else if (rule.status) plan.reply = serverError(path, rule.status, rule.retryAfterSeconds ?? 5);
      else if (rule.reset) plan.reset = true;
      else if (rule.scopeMismatch)
        plan.reply = { status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } };
      else if (rule.vanish) plan.vanish = true;
      else if (rule.redirectTo)
        plan.reply = { status: 302, text: '', headers: { Location: rule.redirectTo } };
      if (rule.slowHeadersMs && fires) plan.slowHeadersMs = rule.slowHeadersMs;
      if (rule.stallBodyMs && fires) plan.stallBodyMs = rule.stallBodyMs;
    });
    return plan;
  }

  private take(r: number, bucket: { burst: number; perSecond: number }): boolean {
    const state = this.buckets[r]!;
    const now = performance.now();
    state.tokens = Math.min(bucket.burst, state.tokens + ((now - state.at) / 1000) * bucket.perSecond);
    state.at = now;
    if (state.tokens < 1) return false;
    state.tokens -= 1;
    return true;
  }

  private nearLimitHeaders(): Record<string, string> {
    return {
      'X-RateLimit-NearLimit': 'true',
      'Beta-RateLimit-Policy': '"tenant-app-quota";q=100100;w=3600',
      'Beta-RateLimit': '"tenant-app-quota";r=17842;t=2107',
    };
  }
}
