// The credential probe of a scoped token through the transport: the zone comes from the first product whose
// account scope the token holds; with none, query dates fall back to the zone furthest behind UTC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, UNKNOWN_ZONE } from '../../src/crawl/connect.ts';
import { createFixtureContent } from '../fake-site/fixture-content.ts';
import { DEFAULT_GRANT } from '../../src/fake-site/scopes.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { silentLogger } from '../../src/log.ts';
import { SiteTransport } from '../../src/sources/transport.ts';
import type { Product } from '../../src/types.ts';

const sites = new Map<string, FakeSite>();
const without = (scope: string) => DEFAULT_GRANT.filter((s) => s !== scope);

beforeAll(async () => {
  for (const scope of ['', 'read:jira-user', 'read:confluence-user'])
    sites.set(
      scope,
      await startFakeSite({ content: createFixtureContent(), tokenKind: 'scoped', scopes: without(scope) }),
    );
});
afterAll(() => Promise.all([...sites.values()].map((site) => site.stop())));

describe('connect with a scoped token', () => {
  it.each([
    ['', ['jira', 'confluence'], 'Europe/Berlin'],
    ['read:jira-user', ['jira', 'confluence'], 'Europe/Berlin'],
    ['read:jira-user', ['jira'], UNKNOWN_ZONE],
    ['read:confluence-user', ['confluence'], UNKNOWN_ZONE],
    ['read:confluence-user', ['jira', 'confluence'], 'Europe/Berlin'],
  ] as const)('without %j, scanning %j: the zone is %s', async (withheld, products, zone) => {
    const site = sites.get(withheld)!;
    const transport = new SiteTransport({ site: site.url, gateway: site.gatewayUrl });
    const uninstall = transport.install();
    try {
      const notices: string[] = [];
      const connection = await connect({
        credentials: { site: site.url, email: site.email, apiToken: site.token },
        products: products as readonly Product[],
        gateway: { origin: site.gatewayUrl, force: false },
        fetch: transport.fetch,
        maxChars: 1e6,
        logger: silentLogger,
        notice: (line) => notices.push(line),
      });
      expect(connection.timeZone).toBe(zone);
      expect(notices).toEqual([`scoped token: using the API gateway for ${site.url}`]);
    } finally {
      uninstall();
    }
  });
});
