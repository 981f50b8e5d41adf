// Scoped API tokens through the built binary, the real detectors and SQLite. The same seed is served three times:
// to a classic token, to a scoped token (the site URL refuses it; the gateway, another loopback origin, takes it),
// and to a scoped token without read:comment:confluence. The scoped scan finds exactly what the classic scan
// finds, linked to the site URL; the one without the scope ends with one line naming it, exit 3, and everything
// but the Confluence comments scanned. Runs the built binary: `npm run build` first.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { DEFAULT_GRANT } from '../../src/fake-site/scopes.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { CLI, ScanWorkspace, type ScanExit } from './scan-process.ts';

const content = createSiteContent({ seed: 29, issues: 900, pages: 200, now: '2026-06-01T08:00:00.000Z' });
const WITHHELD = 'read:comment:confluence';

interface Scan {
  site: FakeSite;
  exit: ScanExit;
  /** Open findings as comparable strings: place, rule, offsets, fingerprint, link path. */
  findings: string[];
  /** Links of the findings, whole. */
  urls: string[];
}

function openFindings(db: string): Array<Record<string, string>> {
  const database = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return database
      .prepare(
        `SELECT c.product, c.key AS container, i.external_id AS item, f.field, f.field_id AS fieldId,
                f.rule_id AS rule, f.start_offset AS start, f.end_offset AS end, f.fingerprint, f.url
         FROM findings f JOIN items i ON i.id = f.item_id JOIN containers c ON c.id = f.container_id
         WHERE f.status = 'open'`,
      )
      .all() as Array<Record<string, string>>;
  } finally {
    database.close();
  }
}

const works: ScanWorkspace[] = [];
let keyFile: string;

async function scan(
  site: FakeSite,
  options: { gateway?: boolean; allowPartial?: boolean } = {},
): Promise<Scan> {
  const work = new ScanWorkspace(site);
  works.push(work);
  keyFile ??= work.keyFile; // one fingerprint key for all three: the same value gives the same fingerprint
  const env = {
    EXPOSURE_KEY_FILE: keyFile,
    ...(options.gateway ? { EXPOSURE_TEST_GATEWAY: site.gatewayUrl } : {}),
  };
  const db = work.db('scan');
  const exit = await work.start(db, ['--mode', 'full'], { env, allowPartial: options.allowPartial }).exited;
  const rows = openFindings(db);
  const findings = rows
    .map((r) => {
      const link = new URL(r.url!);
      const place = `${r.product} ${r.container}/${r.item}/${r.field}#${r.fieldId}`;
      return `${place} ${r.rule} ${r.start}-${r.end} ${r.fingerprint} ${link.pathname}${link.search}`;
    })
    .sort();
  return { site, exit, findings, urls: rows.map((r) => r.url!) };
}

const isComment = (finding: string) => /^confluence \S+\/\S+\/(footer|inline)-comment/.test(finding);

describe.runIf(existsSync(CLI))('scoped API tokens through the built binary', () => {
  let classic: Scan;
  let scoped: Scan;
  let partial: Scan;
  beforeAll(async () => {
    const sites = await Promise.all([
      startFakeSite({ content }),
      startFakeSite({ content, tokenKind: 'scoped' }),
      startFakeSite({ content, tokenKind: 'scoped', scopes: DEFAULT_GRANT.filter((s) => s !== WITHHELD) }),
    ]);
    classic = await scan(sites[0]!);
    scoped = await scan(sites[1]!, { gateway: true });
    partial = await scan(sites[2]!, { gateway: true, allowPartial: false });
  }, 240_000);
  afterAll(async () => {
    await Promise.all([classic, scoped, partial].map((s) => s?.site.stop()));
    for (const work of works) work.remove();
  });

  it('a scoped token finds exactly what a classic token finds, through the gateway, said once', () => {
    expect(classic.exit.code, classic.exit.stderr).toBe(0);
    expect(scoped.exit.code, scoped.exit.stderr).toBe(0);
    expect(classic.findings.length).toBeGreaterThan(50);
    expect(scoped.findings).toEqual(classic.findings);
    const said = scoped.exit.stderr.split('\n').filter((line) => line.includes('API gateway'));
    expect(said).toEqual([`scoped token: using the API gateway for ${scoped.site.url}`]);
    expect(classic.exit.stderr).not.toContain('API gateway');
  });

  it('links every finding of the scoped scan to the site URL, none to the gateway', () => {
    expect(scoped.urls.filter((url) => !url.startsWith(`${scoped.site.url}/`))).toEqual([]);
  });

  it('sends credentials to the site once (the refused probe) and otherwise to the gateway only', () => {
    const sent = scoped.site.credentialed();
    expect(Object.keys(sent).sort()).toEqual([scoped.site.url, scoped.site.gatewayUrl].sort());
    expect(sent[scoped.site.url]).toBe(1);
  });

  it(`without ${WITHHELD}: one line names the scope, exit 3, and everything but the comments is scanned`, () => {
    expect(partial.exit.code, partial.exit.stderr).toBe(3);
    const lines = partial.exit.stderr.split('\n').filter((line) => line.startsWith('missing scope'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`add ${WITHHELD} to the API token (Confluence comments:`);
    expect(partial.exit.stderr).toContain('confluence site-wide listings: not read: 1 missing-scope');
    expect(classic.findings.filter(isComment).length).toBeGreaterThan(0);
    expect(partial.findings).toEqual(classic.findings.filter((f) => !isComment(f)));
  });
});
