// The one door between the Atlassian clients and the network for one site. jira.js and confluence.js call the
// global fetch and have no hooks for timeouts, throttling or origin checks, so a crawl swaps in this transport's
// fetch for its duration. It enforces: the site's origin and the API gateway's only (credentials never leave for
// another host), a shared adaptive concurrency limit, Retry-After and rate-limit headers, bounded retries with
// jittered backoff, a timeout covering headers and body, and a byte cap on bodies.
import type { Logger } from 'pino';
import pLimit, { type LimitFunction } from 'p-limit';
import { Agent, setGlobalDispatcher } from 'undici';
import { DEFAULT_BACKOFF, retryDelay, serverWaitHint, type BackoffPolicy } from './backoff.ts';
import { readCapped, ResponseTooLargeError } from './read-body.ts';
import {
  CrossOriginError,
  isRetryable,
  isScopeMismatch,
  LoginFailedError,
  MissingScopeError,
  RequestTimeoutError,
  timedOut,
} from './request-errors.ts';
import { apiPath } from './gateway.ts';
import { fetchFollowingMediaRedirects } from './media-redirect.ts';

export interface TransportOptions {
  /** The site base URL; only its origin is used. */
  site: string;
  /** The API gateway's origin (scoped tokens): the only other origin credentials may go to. */
  gateway?: string;
  concurrency: number;
  /** Whole request: connect, headers and body. */
  timeoutMs: number;
  maxBodyBytes: number;
  /** Attempts after the first for 5xx and network failures. */
  maxRetries: number;
  /** Attempts after the first for 429 and 503 with Retry-After. */
  maxThrottleRetries: number;
  backoff: BackoffPolicy;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_TRANSPORT: Omit<TransportOptions, 'site' | 'gateway'> = {
  concurrency: 8,
  timeoutMs: 60_000,
  maxBodyBytes: 64 * 1024 * 1024,
  maxRetries: 4,
  maxThrottleRetries: 10,
  backoff: DEFAULT_BACKOFF,
};

export interface TransportStats {
  requests: number;
  retries: number;
  throttled: number;
  bytes: number;
  refusedOrigins: number;
  concurrency: number;
  /** True while the site asked us to wait (for progress displays). */
  throttledNow: boolean;
}

const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const MAX_REDIRECTS = 5;
const RECOVERY_SUCCESSES = 20;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SiteTransport {
  /** Where credentials may go: the site's origin, and the gateway's when one is set. */
  readonly origins: ReadonlySet<string>;
  readonly stats: TransportStats;
  /** Endpoints (`METHOD /api/path`) that answered the scope mismatch, once each. */
  readonly missingScopes = new Set<string>();
  private readonly options: TransportOptions;
  private readonly limit: LimitFunction;
  private readonly sleep: (ms: number) => Promise<void>;
  private realFetch: typeof fetch = globalThis.fetch;
  private pausedUntil = 0;
  private successesSinceThrottle = 0;

  constructor(options: Partial<TransportOptions> & { site: string }) {
    this.options = { ...DEFAULT_TRANSPORT, ...options };
    const { site, gateway } = this.options;
    this.origins = new Set([site, ...(gateway ? [gateway] : [])].map((url) => new URL(url).origin));
    this.limit = pLimit(this.options.concurrency);
    this.sleep = this.options.sleep ?? delay;
    this.stats = {
      requests: 0,
      retries: 0,
      throttled: 0,
      bytes: 0,
      refusedOrigins: 0,
      concurrency: this.options.concurrency,
      throttledNow: false,
    };
  }

  /** A fetch-compatible function bound to this site. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    this.assertAllowed(url.origin);
    return this.limit(() => this.send(url, init ?? {}));
  };

  /**
   * Routes the process's global fetch (used by jira.js and confluence.js) through this transport until the
   * returned function is called. The undici dispatcher adds connect and header timeouts below ours.
   */
  install(): () => void {
    const previous = globalThis.fetch;
    setGlobalDispatcher(
      new Agent({
        connectTimeout: this.options.timeoutMs,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      }),
    );
    this.realFetch = previous;
    globalThis.fetch = this.fetch as typeof fetch;
    return () => {
      globalThis.fetch = previous;
    };
  }

  private assertAllowed(origin: string, allowed: ReadonlySet<string> = this.origins): void {
    if (!allowed.has(origin)) {
      this.stats.refusedOrigins += 1;
      this.options.logger?.warn({ origin }, 'refused a request to another origin');
      throw new CrossOriginError(origin);
    }
  }

  private async send(url: URL, init: RequestInit): Promise<Response> {
    let failures = 0;
    let throttles = 0;
    for (;;) {
      await this.waitForPause();
      let response: Response;
      try {
        response = await this.attempt(url, init);
      } catch (error) {
        if (!isRetryable(error) || failures >= this.options.maxRetries) throw error;
        failures += 1;
        this.stats.retries += 1;
        await this.sleep(retryDelay(failures, undefined, this.options.backoff));
        continue;
      }
      const hint = serverWaitHint(response.headers, Date.now());
      const throttled = response.status === 429 || (response.status === 503 && hint !== undefined);
      if (throttled && throttles < this.options.maxThrottleRetries) {
        throttles += 1;
        this.stats.retries += 1;
        this.onThrottle(retryDelay(throttles, hint, this.options.backoff));
        continue;
      }
      if (!throttled && TRANSIENT_STATUS.has(response.status) && failures < this.options.maxRetries) {
        failures += 1;
        this.stats.retries += 1;
        await this.sleep(retryDelay(failures, hint, this.options.backoff));
        continue;
      }
      if (response.headers.get('x-seraph-loginreason') === 'AUTHENTICATED_FAILED' && response.ok) {
        throw new LoginFailedError();
      }
      await this.assertScope(url, init, response);
      if (response.headers.get('x-ratelimit-nearlimit') === 'true') this.lowerConcurrency();
      else this.recoverConcurrency();
      return response;
    }
  }

  /** One HTTP exchange, redirects followed only within the origin, body read under the cap and timeout. */
  private async attempt(url: URL, init: RequestInit): Promise<Response> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let target = url;
    for (let hop = 0; ; hop++) {
      this.stats.requests += 1;
      this.options.logger?.debug({ method: init.method ?? 'GET', path: target.pathname }, 'request');
      let response: Response;
      try {
        response = await this.realFetch(target, { ...init, redirect: 'manual', signal });
      } catch (error) {
        throw timedOut(error, signal) ? new RequestTimeoutError(this.options.timeoutMs) : error;
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && hop < MAX_REDIRECTS) {
        await response.body?.cancel();
        const from = target.origin;
        target = new URL(location, target);
        // A redirect stays on the origin it came from: the site never sends credentials on to the gateway.
        this.assertAllowed(target.origin, new Set([from]));
        continue;
      }
      let body: Uint8Array;
      try {
        body = await readCapped(response, this.options.maxBodyBytes);
      } catch (error) {
        if (error instanceof ResponseTooLargeError) throw error;
        throw timedOut(error, signal) ? new RequestTimeoutError(this.options.timeoutMs) : error;
      }
      this.stats.bytes += body.byteLength;
      const status = response.status;
      const payload = status === 204 || status === 304 ? null : body;
      return new Response(payload, { status, statusText: response.statusText, headers: response.headers });
    }
  }

  /**
   * An attachment download: the first request goes to the site or the gateway with `headers` (the client's
   * credentials); the documented redirect to the media host is followed without them (media-redirect.ts). `consume` reads the final response's body
   * (streamed, under its own cap) inside this request's concurrency slot and timeout.
   */
  async download<T>(
    url: string,
    headers: Record<string, string>,
    consume: (response: Response, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const first = new URL(url);
    this.assertAllowed(first.origin);
    return this.limit(async () => {
      const signal = AbortSignal.timeout(this.options.timeoutMs);
      const response = await fetchFollowingMediaRedirects(first, headers, {
        fetch: this.realFetch,
        signal,
        timeoutMs: this.options.timeoutMs,
        onRequest: (target) => {
          this.stats.requests += 1;
          this.options.logger?.debug({ method: 'GET', path: apiPath(target.pathname) }, 'download');
        },
      });
      return consume(response, signal);
    });
  }

  /** A scope mismatch is thrown as such (the run goes on without what it blocks), and remembered for the summary. */
  private async assertScope(url: URL, init: RequestInit, response: Response): Promise<void> {
    if (response.status !== 401) return;
    const body = new Uint8Array(await response.clone().arrayBuffer());
    if (!isScopeMismatch(response.status, body)) return;
    const method = (init.method ?? 'GET').toUpperCase();
    const path = apiPath(url.pathname);
    this.missingScopes.add(`${method} ${path}`);
    throw new MissingScopeError(method, path);
  }

  private onThrottle(waitMs: number): void {
    this.stats.throttled += 1;
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
    this.lowerConcurrency();
    this.options.logger?.info({ waitMs, concurrency: this.limit.concurrency }, 'throttled by the site');
  }

  /** The whole site waits when one request is told to: hammering on would only extend the penalty. */
  private async waitForPause(): Promise<void> {
    const wait = this.pausedUntil - Date.now();
    if (wait <= 0) return;
    this.stats.throttledNow = true;
    await this.sleep(wait);
    this.stats.throttledNow = false;
  }

  private lowerConcurrency(): void {
    this.successesSinceThrottle = 0;
    this.limit.concurrency = Math.max(1, Math.floor(this.limit.concurrency / 2));
    this.stats.concurrency = this.limit.concurrency;
  }

  private recoverConcurrency(): void {
    if (this.limit.concurrency >= this.options.concurrency) return;
    this.successesSinceThrottle += 1;
    if (this.successesSinceThrottle >= RECOVERY_SUCCESSES) {
      this.successesSinceThrottle = 0;
      this.limit.concurrency += 1;
      this.stats.concurrency = this.limit.concurrency;
    }
  }
}
