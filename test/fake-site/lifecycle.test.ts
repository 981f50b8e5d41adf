// Same content and requests give the same bytes; stop() closes the listener and every open socket.
import { describe, expect, it } from 'vitest';
import { startFakeSite } from '../../src/fake-site/server.ts';
import { createFixtureContent } from './fixture-content.ts';

const REQUESTS: Array<[string, string, unknown?]> = [
  ['GET', '/rest/api/3/project/search?maxResults=1'],
  [
    'POST',
    '/rest/api/3/search/jql',
    { jql: 'project = ENG ORDER BY updated DESC', fields: ['*all'], maxResults: 4, expand: 'renderedFields' },
  ],
  ['GET', '/rest/api/3/issue/ENG-1/comment?maxResults=7&startAt=3'],
  ['GET', '/wiki/api/v2/spaces/65538/pages?limit=4&body-format=atlas_doc_format'],
  ['GET', '/wiki/api/v2/pages/100000?body-format=view'],
  ['GET', '/wiki/api/v2/footer-comments?limit=5'],
  [
    'GET',
    `/wiki/rest/api/search?cql=${encodeURIComponent('type = page order by lastmodified desc')}&limit=5`,
  ],
];

async function transcript(): Promise<string[]> {
  const site = await startFakeSite({
    content: createFixtureContent(),
    faults: { seed: 3, rules: [{ route: '/wiki/*', status: 503, probability: 0.3 }] },
  });
  const out: string[] = [];
  for (const [method, path, body] of REQUESTS) {
    const response = await fetch(`${site.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${site.token}`, 'Content-Type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    // Ports differ between runs; everything else must be identical.
    out.push(
      `${response.status} ${response.headers.get('link') ?? ''} ${await response.text()}`.replaceAll(
        site.url,
        'ORIGIN',
      ),
    );
  }
  await site.stop();
  return out;
}

describe('determinism', () => {
  it('answers the same requests with the same bytes on two runs', async () => {
    const first = await transcript();
    expect(first.join('\n')).toContain('nextPageToken');
    expect(await transcript()).toEqual(first);
  });
});

describe('lifecycle', () => {
  function serverHandles(): number {
    return process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap').length;
  }

  it('stop() closes the listener and kept-alive sockets, leaving no handle behind', async () => {
    const before = serverHandles();
    const site = await startFakeSite({
      content: createFixtureContent(),
      faults: { rules: [{ route: '/rest/api/3/field', stallBodyMs: 10_000 }] },
    });
    // The site and the media host its downloads redirect to.
    expect(serverHandles()).toBe(before + 2);
    expect(
      (await fetch(`${site.url}/rest/api/3/myself`, { headers: { Authorization: `Bearer ${site.token}` } }))
        .status,
    ).toBe(200);
    const stalled = fetch(`${site.url}/rest/api/3/field`, {
      headers: { Authorization: `Bearer ${site.token}` },
    }).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await site.stop();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(stalled).rejects.toThrow();
    expect(serverHandles()).toBe(before);
    await expect(fetch(`${site.url}/rest/api/3/myself`)).rejects.toThrow();
  });

  it.each([
    ['/_edge/tenant_info', 200],
    ['/ex/jira/00000000-0000-4000-8000-000000000001/rest/api/3/myself', 200],
    ['/ex/confluence/00000000-0000-4000-8000-000000000001/wiki/api/v2/spaces', 200],
    ['/rest/api/3/nonexistent', 404],
  ])('routes %s to %i', async (path, status) => {
    const site = await startFakeSite({ content: createFixtureContent() });
    expect(
      (await fetch(`${site.url}${path}`, { headers: { Authorization: `Bearer ${site.token}` } })).status,
    ).toBe(status);
    await site.stop();
  });
});
