// `exposure scan --include-history` (built binary) against the fake site: findings in former page versions are
// stored under version:<n> with a link to that version, only with the flag, and a rescan of an unchanged site
// reads no version again. Runs the built binary: `npm run build` first.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { BUILT, ScanWorkspace } from './scan-process.ts';
import { describeWith } from '../support/requirement.ts';

// Pages enough for the generator to plant values in former versions.
const SPEC = { seed: 7, issues: 60, pages: 600 };
const VERSIONS_ROUTES = ['/wiki/api/v2/pages/{id}/versions', '/wiki/api/v2/blogposts/{id}/versions'];

function versionFindings(db: string): Array<{ item: string; field: string; url: string }> {
  const database = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return database
      .prepare(
        `SELECT i.external_id AS item, f.field, f.url FROM findings f JOIN items i ON i.id = f.item_id
         WHERE f.field LIKE 'version:%' AND f.status = 'open'`,
      )
      .all() as Array<{ item: string; field: string; url: string }>;
  } finally {
    database.close();
  }
}

describeWith(BUILT, 'scan --include-history (built binary)', () => {
  let site: FakeSite;
  let work: ScanWorkspace;
  beforeAll(async () => {
    site = await startFakeSite({ spec: SPEC });
    work = new ScanWorkspace(site);
  });
  afterAll(async () => {
    await site?.stop();
    work?.remove();
  });

  const versionRequests = () =>
    VERSIONS_ROUTES.reduce((n, route) => n + (site.admin.stats().byRoute[route] ?? 0), 0);

  it.each([
    [[], false],
    [['--include-history'], true],
  ] as const)(
    'with flags %j stores former-version findings: %s',
    async (flags, expected) => {
      const db = work.db(`history-${expected}`);
      site.admin.resetStats();
      expect((await work.start(db, flags).exited).code).toBe(0);
      expect(versionRequests() > 0).toBe(expected);
      const found = versionFindings(db);
      const planted = site.admin.truth().planted.filter((p) => p.field.startsWith('version:'));
      expect(planted.length).toBeGreaterThan(0);
      const located = planted.filter((p) =>
        found.some(
          (f) =>
            f.item === p.item &&
            f.field === p.field &&
            f.url.endsWith(`pageId=${p.item}&pageVersion=${p.field.slice('version:'.length)}`),
        ),
      );
      expect(located.length > 0).toBe(expected);
      expect(found.length > 0).toBe(expected);
    },
    180_000,
  );

  it('reads no former version again when nothing changed, and keeps those findings open', async () => {
    const db = work.db('history-true');
    const before = versionFindings(db);
    site.admin.resetStats();
    expect((await work.start(db, ['--include-history', '--mode', 'incremental']).exited).code).toBe(0);
    expect(versionRequests()).toBe(0);
    expect(versionFindings(db)).toEqual(before);
  }, 180_000);
});
