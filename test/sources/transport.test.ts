import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { retryDelay, parseRetryAfter, DEFAULT_BACKOFF } from '../../src/sources/backoff.ts';
import { ResponseTooLargeError } from '../../src/sources/read-body.ts';
import {
  CrossOriginError,
  LoginFailedError,
  MissingScopeError,
  RequestTimeoutError,
} from '../../src/sources/request-errors.ts';
import { SiteTransport } from '../../src/sources/transport.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

const servers: Server[] = [];

async function serve(handler: Handler): Promise<string> {
  let hits = 0;
  const server = createServer((req, res) => handler(req, res, ++hits));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A server that must stay untouched: it counts the requests that reach it. */
async function sentinel(): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const url = await serve((_req, res) => {
    hits++;
    res.end('{}');
  });
  return { url, hits: () => hits };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function transport(
  site: string,
  waits: number[] = [],
  extra: Partial<ConstructorParameters<typeof SiteTransport>[0]> = {},
) {
  return new SiteTransport({
    site,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  });
}

describe('backoff', () => {
  it.each([
    ['5', 5000],
    ['0', 0],
    ['1.5', 1500],
    ['', undefined],
    ['soon', undefined],
  ])('parses Retry-After %j', (value, expected) => {
    expect(parseRetryAfter(value, 0)).toBe(expected);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
  });

  it('never waits less than the server hint and never more than the cap', () => {
    for (let attempt = 1; attempt < 12; attempt++) {
      const wait = retryDelay(attempt, 2000, DEFAULT_BACKOFF, () => 0.99);
      expect(wait).toBeGreaterThanOrEqual(2000);
      expect(wait).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxWaitMs);
    }
    expect(retryDelay(30, undefined, DEFAULT_BACKOFF, () => 1)).toBe(DEFAULT_BACKOFF.maxWaitMs);
  });
});

describe('SiteTransport', () => {
  it('refuses another origin before sending anything', async () => {
    const other = await sentinel();
    const site = await serve((_req, res) => res.end('{}'));
    const t = transport(site);
    await expect(t.fetch(`${other.url}/rest/api/3/myself`)).rejects.toBeInstanceOf(CrossOriginError);
    expect(other.hits()).toBe(0);
    expect(t.stats.refusedOrigins).toBe(1);
  });

  it('follows a same-origin redirect but refuses one to another origin', async () => {
    const other = await sentinel();
    const site = await serve((req, res) => {
      if (req.url === '/same') {
        res.writeHead(302, { location: '/target' }).end();
      } else if (req.url === '/away') {
        res.writeHead(302, { location: `${other.url}/steal` }).end();
      } else res.end('{"ok":true}');
    });
    const t = transport(site);
    const ok = await t.fetch(`${site}/same`);
    expect(await ok.json()).toEqual({ ok: true });
    await expect(t.fetch(`${site}/away`)).rejects.toBeInstanceOf(CrossOriginError);
    expect(other.hits()).toBe(0);
  });

  it('sends to the gateway origin when one is set, and to no third origin', async () => {
    const third = await sentinel();
    const gateway = await serve((_req, res) => res.end('{"via":"gateway"}'));
    const site = await serve((_req, res) => res.end('{}'));
    const t = transport(site, [], { gateway });
    expect(await (await t.fetch(`${gateway}/ex/jira/x/rest/api/3/myself`)).json()).toEqual({
      via: 'gateway',
    });
    await expect(t.fetch(`${third.url}/rest/api/3/myself`)).rejects.toBeInstanceOf(CrossOriginError);
    expect(third.hits()).toBe(0);
    expect([...t.origins]).toEqual([site, gateway]);
  });

  it.each(['site', 'gateway'] as const)(
    'refuses a redirect from the %s to the other allowed origin: a redirect stays on its origin',
    async (from) => {
      const other = await sentinel();
      const start = await serve((_req, res) => res.writeHead(302, { location: `${other.url}/x` }).end());
      const t =
        from === 'site'
          ? transport(start, [], { gateway: other.url })
          : transport(other.url, [], { gateway: start });
      await expect(t.fetch(`${start}/start`)).rejects.toBeInstanceOf(CrossOriginError);
      expect(other.hits()).toBe(0);
    },
  );

  it.each([
    ['{"code":401,"message":"Unauthorized; scope does not match"}', true],
    ['{"code":401,"message":"Unauthorized"}', false],
    ['Client must be authenticated to access this resource.', false],
  ])('a 401 with %j is a missing scope: %s', async (body, missing) => {
    const site = await serve((_req, res) => res.writeHead(401).end(body));
    const t = transport(site, [], { gateway: site });
    const path = '/ex/confluence/0f/wiki/api/v2/footer-comments';
    const sent = t.fetch(`${site}${path}?limit=250`, { method: 'GET' });
    if (missing) {
      const error = await sent.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MissingScopeError);
      expect((error as MissingScopeError).path).toBe('/wiki/api/v2/footer-comments');
      expect([...t.missingScopes]).toEqual(['GET /wiki/api/v2/footer-comments']);
    } else {
      expect((await sent).status).toBe(401);
      expect(t.missingScopes.size).toBe(0);
    }
    expect(t.stats.requests).toBe(1);
  });

  it('waits Retry-After on 429, halves concurrency, then succeeds', async () => {
    const site = await serve((_req, res, hit) => {
      if (hit <= 2) res.writeHead(429, { 'retry-after': '3', 'ratelimit-reason': 'jira-burst-based' }).end();
      else res.end('{"done":1}');
    });
    const waits: number[] = [];
    const t = transport(site, waits, { concurrency: 8 });
    const response = await t.fetch(`${site}/x`);
    expect(response.status).toBe(200);
    expect(t.stats.throttled).toBe(2);
    expect(waits.length).toBe(2);
    for (const wait of waits) expect(wait).toBeGreaterThan(2000);
    expect(t.stats.concurrency).toBe(2);
  });

  it('gives up on 429 after the bounded number of retries and returns the 429', async () => {
    const site = await serve((_req, res) => res.writeHead(429, { 'retry-after': '0' }).end());
    const t = transport(site, [], { maxThrottleRetries: 3 });
    const response = await t.fetch(`${site}/x`);
    expect(response.status).toBe(429);
    expect(t.stats.requests).toBe(4);
  });

  it.each([500, 502, 504])('retries %i a bounded number of times', async (status) => {
    const site = await serve((_req, res) =>
      res.writeHead(status, { 'content-type': 'text/html' }).end('<html/>'),
    );
    const t = transport(site, [], { maxRetries: 2 });
    const response = await t.fetch(`${site}/x`);
    expect(response.status).toBe(status);
    expect(t.stats.requests).toBe(3);
  });

  it('recovers from a connection reset', async () => {
    const site = await serve((req, res, hit) => {
      if (hit === 1) req.socket.destroy();
      else res.end('{"ok":1}');
    });
    const t = transport(site);
    expect((await t.fetch(`${site}/x`)).status).toBe(200);
    expect(t.stats.retries).toBe(1);
  });

  it('times out a response that stalls mid-body', async () => {
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const t = transport(site, [], { timeoutMs: 200, maxRetries: 1 });
    await expect(t.fetch(`${site}/x`)).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(t.stats.requests).toBe(2);
  });

  it('refuses a body over the byte cap without retrying', async () => {
    const site = await serve((_req, res) => res.end('x'.repeat(10_000)));
    const t = transport(site, [], { maxBodyBytes: 1000 });
    await expect(t.fetch(`${site}/x`)).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(t.stats.requests).toBe(1);
  });

  it('treats an anonymous 200 with AUTHENTICATED_FAILED as a login failure', async () => {
    const site = await serve((_req, res) =>
      res.writeHead(200, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }).end('{"values":[]}'),
    );
    await expect(transport(site).fetch(`${site}/rest/api/3/project/search`)).rejects.toBeInstanceOf(
      LoginFailedError,
    );
  });

  it('routes the global fetch through itself while installed', async () => {
    const site = await serve((_req, res) => res.end('{}'));
    const t = transport(site);
    const uninstall = t.install();
    try {
      await fetch(`${site}/a`);
      await expect(fetch('http://127.0.0.2:9/elsewhere')).rejects.toBeInstanceOf(CrossOriginError);
    } finally {
      uninstall();
    }
    expect(t.stats.requests).toBe(1);
  });
});
