// The versions listing with bodies (what `--include-history` reads), driven through the real confluence.js client,
// which throws SchemaMismatchError on any response that does not match its model.
import { createV2Client, isApiError } from 'confluence.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { createFixtureContent } from './fixture-content.ts';

const VERSIONED_PAGE = 100002;

describe('Confluence v2 versions listing', () => {
  let site: FakeSite;
  let v2: ReturnType<typeof createV2Client>;
  beforeAll(async () => {
    site = await startFakeSite({ content: createFixtureContent() });
    v2 = createV2Client({
      host: site.url,
      auth: { type: 'basic', email: site.email, apiToken: site.token },
    });
  });
  afterAll(() => site.stop());

  it.each([
    ['storage', (v: string) => v],
    ['atlas_doc_format', (v: string) => JSON.stringify(JSON.parse(v))],
  ] as const)('carries each version body under page.body.%s, newest first', async (format, read) => {
    const listing = await v2.version.getPageVersions({ id: VERSIONED_PAGE, bodyFormat: format });
    const bodies = listing.results!.map((v) => [v.number, read(v.page?.body?.[format]?.value ?? '')]);
    expect(bodies.map(([n]) => n)).toEqual([3, 2, 1]);
    for (const [n, body] of bodies) expect(body).toContain(`Version ${n} of ${VERSIONED_PAGE}`);
  });

  it('omits bodies without body-format and refuses the view format on a listing', async () => {
    const listing = await v2.version.getPageVersions({ id: VERSIONED_PAGE });
    expect(listing.results!.map((v) => v.page?.body)).toEqual([undefined, undefined, undefined]);
    const refused = await v2.version
      .getPageVersions({ id: VERSIONED_PAGE, bodyFormat: 'view' })
      .catch((e: unknown) => e);
    expect(isApiError(refused) && refused.status).toBe(400);
  });

  it('pages by cursor, oldest first when asked', async () => {
    const numbers: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await v2.version.getPageVersions({
        id: VERSIONED_PAGE,
        bodyFormat: 'storage',
        sort: 'modified-date',
        limit: 2,
        cursor,
      });
      numbers.push(...page.results!.map((v) => v.number!));
      cursor = page._links?.next
        ? (new URL(page._links.next, site.url).searchParams.get('cursor') ?? undefined)
        : undefined;
    } while (cursor);
    expect(numbers).toEqual([1, 2, 3]);
  });
});
