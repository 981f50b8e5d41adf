// Attachment downloads: the site's redirect to the media host (another origin) is followed without the
// credentials, which never come back on a later hop; a download may not start on another origin.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CrossOriginError } from '../../src/sources/request-errors.ts';
import { SiteTransport } from '../../src/sources/transport.ts';

const servers: Server[] = [];

/** A server answering with `reply(request)`; it records the headers of every request it receives. */
async function serve(reply: (req: IncomingMessage) => { status: number; location?: string; body?: string }) {
  const seen: IncomingMessage['headers'][] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    const { status, location, body = '' } = reply(req);
    res.writeHead(status, location ? { Location: location } : {}).end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const CREDENTIALS = { Authorization: 'Basic c2VjcmV0', Cookie: 'tenant.session=abc' };
const text = (response: Response) => response.text();

describe('SiteTransport.download', () => {
  it.each([
    ['303 to the media host', 303],
    ['302 to the media host', 302],
  ])('follows a %s without the credentials', async (_, status) => {
    const media = await serve(() => ({ status: 200, body: 'file bytes' }));
    const site = await serve(() => ({ status, location: `${media.url}/file/1/binary?token=t` }));
    const body = await new SiteTransport({ site: site.url }).download(`${site.url}/a`, CREDENTIALS, text);
    expect(body).toBe('file bytes');
    expect(site.seen[0]).toMatchObject({ authorization: 'Basic c2VjcmV0', cookie: 'tenant.session=abc' });
    expect(media.seen.map((h) => [h.authorization, h.cookie])).toEqual([[undefined, undefined]]);
  });

  it('keeps the credentials off once dropped, even when a later hop returns to the site', async () => {
    let site = '';
    const media = await serve(() => ({ status: 302, location: `${site}/back` }));
    const siteServer = await serve((req) =>
      req.url === '/back' ? { status: 200, body: 'ok' } : { status: 303, location: `${media.url}/x` },
    );
    site = siteServer.url;
    await new SiteTransport({ site }).download(`${site}/a`, CREDENTIALS, text);
    expect(siteServer.seen.map((h) => h.authorization)).toEqual(['Basic c2VjcmV0', undefined]);
  });

  it('keeps the credentials on a redirect within the site', async () => {
    const site = await serve((req) =>
      req.url === '/b' ? { status: 200, body: 'ok' } : { status: 302, location: '/b' },
    );
    await new SiteTransport({ site: site.url }).download(`${site.url}/a`, CREDENTIALS, text);
    expect(site.seen.map((h) => h.authorization)).toEqual(['Basic c2VjcmV0', 'Basic c2VjcmV0']);
  });

  it('refuses to start a download on another origin', async () => {
    const other = await serve(() => ({ status: 200 }));
    const transport = new SiteTransport({ site: 'http://127.0.0.1:9' });
    await expect(transport.download(`${other.url}/a`, CREDENTIALS, text)).rejects.toThrow(CrossOriginError);
    expect(other.seen).toEqual([]);
  });
});
