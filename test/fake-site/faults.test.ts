// Every fault mode, observed through raw fetch (headers) and through the real clients' error classes.
import {
  createV2Client,
  isScopeError,
  isRateLimitError as isConfluenceRateLimit,
  isServerError as isConfluenceServerError,
} from 'confluence.js';
import { createCloudClient, isAuthError, isNetworkError, isRateLimitError, isServerError } from 'jira.js';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultConfig } from '../../src/fake-site/faults.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { createFixtureContent } from './fixture-content.ts';

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.stop();
  site = undefined;
});

async function start(faults: FaultConfig): Promise<FakeSite> {
  site = await startFakeSite({ content: createFixtureContent(), faults });
  return site;
}

function get(path: string, init: { token?: string } = {}) {
  return fetch(`${site!.url}${path}`, { headers: { Authorization: `Bearer ${init.token ?? site!.token}` } });
}

function jiraClient() {
  return createCloudClient({
    host: site!.url,
    auth: { type: 'basic', email: site!.email, apiToken: site!.token },
    onSchemaMismatch: 'throw',
  });
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('rate limiting', () => {
  it.each([
    ['burst', '/rest/api/3/myself', 'jira-burst-based', '2'],
    ['quota', '/rest/api/3/myself', 'jira-quota-tenant-based', '3600'],
    ['burst', '/wiki/api/v2/spaces', 'confluence-burst-based', '2'],
  ] as const)(
    'answers 429 (%s) on %s with Retry-After and the rate-limit headers',
    async (reason, path, header, retryAfter) => {
      await start({ rules: [{ status: 429, reason }] });
      const response = await get(path);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe(retryAfter);
      expect(response.headers.get('ratelimit-reason')).toBe(header);
      expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(response.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    },
  );

  it('surfaces 429 as the clients’ RateLimitError with retryAfterMs', async () => {
    await start({ rules: [{ status: 429, retryAfterSeconds: 7 }] });
    const jiraError = await errorOf(jiraClient().myself.getCurrentUser());
    expect(isRateLimitError(jiraError) && jiraError.retryAfterMs).toBe(7000);
    const v2 = createV2Client({
      host: site!.url,
      auth: { type: 'basic', email: site!.email, apiToken: site!.token },
    });
    expect(isConfluenceRateLimit(await errorOf(v2.space.getSpaces()))).toBe(true);
  });

  it('runs a token bucket: the burst passes, the next request is limited', async () => {
    await start({ rules: [{ route: '/rest/*', bucket: { burst: 3, perSecond: 0.01 } }] });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get('/rest/api/3/myself')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await get('/wiki/api/v2/spaces')).status).toBe(200);
  });

  it('adds near-limit and beta headers to successful answers', async () => {
    await start({ rules: [{ nearLimit: true }] });
    const response = await get('/rest/api/3/myself');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-nearlimit')).toBe('true');
    expect(response.headers.get('beta-ratelimit')).toContain('tenant-app-quota');
  });
});

describe('server errors', () => {
  it.each([
    [500, 'application/json', undefined],
    [502, 'text/html', undefined],
    [503, 'text/html', '5'],
    [504, 'text/html', undefined],
  ] as const)('answers %i with %s', async (status, type, retryAfter) => {
    await start({ rules: [{ status }] });
    const response = await get('/rest/api/3/myself');
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('retry-after') ?? undefined).toBe(retryAfter);
    expect(isServerError(await errorOf(jiraClient().myself.getCurrentUser()))).toBe(true);
  });

  it('surfaces a Confluence 5xx as ServerError', async () => {
    await start({ rules: [{ route: '/wiki/*', status: 502 }] });
    const v2 = createV2Client({
      host: site!.url,
      auth: { type: 'basic', email: site!.email, apiToken: site!.token },
    });
    expect(isConfluenceServerError(await errorOf(v2.space.getSpaces()))).toBe(true);
  });
});

describe('transport faults', () => {
  it('resets the connection', async () => {
    await start({ rules: [{ reset: true }] });
    expect(isNetworkError(await errorOf(jiraClient().myself.getCurrentUser()))).toBe(true);
  });

  it('holds headers beyond a client headers timeout', async () => {
    await start({ rules: [{ slowHeadersMs: 1500 }] });
    const dispatcher = new Agent({ headersTimeout: 200 });
    const error = await errorOf(
      undiciFetch(`${site!.url}/rest/api/3/myself`, {
        dispatcher,
        headers: { Authorization: `Bearer ${site!.token}` },
      }),
    );
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('UND_ERR_HEADERS_TIMEOUT');
    await dispatcher.close();
  });

  it('stalls in the middle of the body beyond a client body timeout', async () => {
    await start({ rules: [{ stallBodyMs: 1500 }] });
    const dispatcher = new Agent({ bodyTimeout: 200 });
    const response = await undiciFetch(`${site!.url}/rest/api/3/field`, {
      dispatcher,
      headers: { Authorization: `Bearer ${site!.token}` },
    });
    expect(response.status).toBe(200);
    const error = await errorOf(response.text());
    expect(String((error as { cause?: { code?: string } }).cause?.code ?? error)).toContain(
      'UND_ERR_BODY_TIMEOUT',
    );
    await dispatcher.close();
  });

  it('adds fixed latency and seeded jitter', async () => {
    await start({ rules: [{ latencyMs: 150, jitterMs: 50 }] });
    const started = performance.now();
    expect((await get('/rest/api/3/myself')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });
});

describe('content and credential faults', () => {
  it('expires the token after N requests', async () => {
    await start({ expireTokenAfter: 2 });
    const jira = jiraClient();
    await jira.myself.getCurrentUser();
    await jira.myself.getCurrentUser();
    expect(isAuthError(await errorOf(jira.myself.getCurrentUser()))).toBe(true);
  });

  it('answers the OAuth scope mismatch that the clients report as ScopeError', async () => {
    await start({ rules: [{ route: '/wiki/*', scopeMismatch: true }] });
    const v2 = createV2Client({
      host: site!.url,
      auth: { type: 'basic', email: site!.email, apiToken: site!.token },
    });
    expect(isScopeError(await errorOf(v2.space.getSpaces()))).toBe(true);
    expect((await get('/rest/api/3/myself')).status).toBe(200);
  });

  it('makes listed items vanish on fetch while listings still work', async () => {
    await start({ rules: [{ vanish: true }] });
    const listed = await get('/wiki/api/v2/spaces/65538/pages');
    expect(listed.status).toBe(200);
    const id = ((await listed.json()) as { results: Array<{ id: string }> }).results[0]!.id;
    expect((await get(`/wiki/api/v2/pages/${id}`)).status).toBe(404);
    expect((await get('/rest/api/3/issue/ENG-1')).status).toBe(404);
  });

  it('redirects to another origin when asked: a lure for credentials', async () => {
    await start({ rules: [{ route: '/rest/api/3/mypermissions', redirectTo: 'http://127.0.0.1:9/steal' }] });
    const lure = await fetch(`${site!.url}/rest/api/3/mypermissions`, {
      headers: { Authorization: `Bearer ${site!.token}` },
      redirect: 'manual',
    });
    expect([lure.status, lure.headers.get('location')]).toEqual([302, 'http://127.0.0.1:9/steal']);
    expect((await get('/rest/api/3/myself')).status).toBe(200);
  });

  it('fires on every Nth matching request only, on the chosen route only', async () => {
    await start({ rules: [{ route: '/rest/api/3/myself', status: 500, everyNth: 3 }] });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await get('/rest/api/3/myself')).status);
    expect(statuses).toEqual([200, 200, 500, 200, 200, 500]);
    expect((await get('/rest/api/3/field')).status).toBe(200);
  });

  it('is set at run time through POST /__admin/faults', async () => {
    await start({});
    await fetch(`${site!.url}/__admin/faults`, {
      method: 'POST',
      body: JSON.stringify({ rules: [{ status: 503 }] }),
    });
    expect((await get('/rest/api/3/myself')).status).toBe(503);
  });
});

describe('determinism of probabilistic faults', () => {
  async function statuses(seed: number): Promise<number[]> {
    await start({ seed, rules: [{ status: 500, probability: 0.5 }] });
    const out = [];
    for (let i = 0; i < 24; i++) out.push((await get('/rest/api/3/myself')).status);
    await site!.stop();
    site = undefined;
    return out;
  }

  it('repeats the same failures for the same seed, and others for another seed', async () => {
    const first = await statuses(7);
    expect(first).toEqual(await statuses(7));
    expect(first).not.toEqual(await statuses(8));
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(4);
  });
});
