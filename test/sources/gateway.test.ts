// The API gateway's addresses, the anonymous cloud id lookup, and the test hook that may stand in for the
// gateway only on loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import {
  apiPath,
  ATLASSIAN_GATEWAY,
  gatewayBases,
  gatewayOrigin,
  readCloudId,
  TenantInfoError,
} from '../../src/sources/gateway.ts';

const CLOUD_ID = '0a1b2c3d-0000-4000-8000-00000000002a';
let seenAuthorization: string | undefined;
const answers: Record<string, [number, string]> = {
  '/ok/_edge/tenant_info': [200, JSON.stringify({ cloudId: CLOUD_ID })],
  '/gone/_edge/tenant_info': [404, '{}'],
  '/html/_edge/tenant_info': [200, '<html></html>'],
  '/injected/_edge/tenant_info': [200, JSON.stringify({ cloudId: '../../evil' })],
};
const server: Server = createServer((req, res) => {
  seenAuthorization = req.headers.authorization;
  const [status, body] = answers[req.url ?? ''] ?? [404, ''];
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('gateway addresses', () => {
  it('puts Jira under /ex/jira and Confluence under /ex/confluence at the cloud id', () => {
    expect(gatewayBases(ATLASSIAN_GATEWAY, CLOUD_ID)).toEqual({
      jira: `https://api.atlassian.com/ex/jira/${CLOUD_ID}`,
      confluence: `https://api.atlassian.com/ex/confluence/${CLOUD_ID}`,
    });
  });

  it.each([
    [`/ex/jira/${CLOUD_ID}/rest/api/3/myself`, '/rest/api/3/myself'],
    [`/ex/confluence/${CLOUD_ID}/wiki/api/v2/spaces`, '/wiki/api/v2/spaces'],
    ['/wiki/api/v2/spaces', '/wiki/api/v2/spaces'],
  ])('names %s by its API path %s', (pathname, path) => {
    expect(apiPath(pathname)).toBe(path);
  });
});

describe('readCloudId', () => {
  it('reads the cloud id anonymously', async () => {
    expect(await readCloudId(fetch, `${base}/ok`)).toBe(CLOUD_ID);
    expect(seenAuthorization).toBeUndefined();
  });

  it.each([
    ['/gone', 'HTTP 404 on /_edge/tenant_info'],
    ['/html', '/_edge/tenant_info is not JSON'],
    ['/injected', 'no cloud id in /_edge/tenant_info'],
  ])('refuses %s: %s', async (site, reason) => {
    const error = await readCloudId(fetch, `${base}${site}`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TenantInfoError);
    expect((error as Error).message).toBe(reason);
  });
});

describe('gatewayOrigin', () => {
  it.each([
    ['https://acme.atlassian.net', undefined, ATLASSIAN_GATEWAY],
    ['http://127.0.0.1:8080', undefined, undefined],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:9090/any/path', 'http://127.0.0.1:9090'],
    ['http://localhost:8080', 'http://[::1]:9090', 'http://[::1]:9090'],
  ])('site %s with test hook %s: %s', (site, hook, origin) => {
    expect(gatewayOrigin(site, hook)).toBe(origin);
  });

  it.each([
    ['https://acme.atlassian.net', 'http://127.0.0.1:9090'],
    ['http://127.0.0.1:8080', 'https://collector.example.com'],
  ])('refuses the test hook for site %s and hook %s: it never redirects real credentials', (site, hook) => {
    expect(() => gatewayOrigin(site, hook)).toThrow(ConfigError);
    expect(() => gatewayOrigin(site, hook)).toThrow(/EXPOSURE_TEST_GATEWAY is a test hook/);
  });
});
