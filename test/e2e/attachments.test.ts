// Attachments end to end, through the built binary and SQLite with --attachments content: every value planted in
// a file name, comment or text content has a finding at the attachment with a link to it; the file rules report
// key and credential files by name; the hostile files (a gzip bomb, a mislabelled binary, a 50 MB log) are refused
// and counted; the media host never receives the site's credentials; an incremental run downloads a file again
// only when its version changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { describeWith } from '../support/requirement.ts';
import { BUILT, ScanWorkspace, type ScanExit } from './scan-process.ts';
import { missedValues, openFindings } from './truth-match.ts';

const SPEC = { seed: 5, issues: 900, pages: 240, now: '2026-05-04T08:00:00.000Z' };
const CONTENT = ['--attachments', 'content'];

interface AttachmentFinding {
  field: string;
  fieldId: string;
  ruleId: string;
  url: string;
  preview: string;
  explanation: string;
}

function attachmentFindings(db: string): AttachmentFinding[] {
  const database = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return database
      .prepare(
        `SELECT field, field_id AS fieldId, rule_id AS ruleId, url, preview, explanation FROM findings
         WHERE status = 'open' AND field LIKE 'attachment-%'`,
      )
      .all() as AttachmentFinding[];
  } finally {
    database.close();
  }
}

const attachmentId = (p: PlantedRecord) => p.field.split(':')[1]!;

describeWith(BUILT, 'attachments, end to end (built binary, --attachments content)', () => {
  let site: FakeSite;
  let work: ScanWorkspace;
  let db: string;
  let first: ScanExit;
  let truth: PlantedRecord[];
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
    work = new ScanWorkspace(site);
    db = work.db('attachments');
    first = await work.start(db, ['--mode', 'full', '--archived', ...CONTENT]).exited;
    expect(first.code, first.stderr).toBe(0);
    truth = site.admin.truth().planted.filter((p) => p.readable && !p.field.startsWith('version:'));
  }, 180_000);
  afterAll(async () => {
    await site?.stop();
    work?.remove();
  });

  it.each(['name', 'comment', 'content'])('finds every value planted in attachment %ss', (part) => {
    const planted = truth.filter((p) => p.field.startsWith('attachment:') && p.field.endsWith(`:${part}`));
    expect(planted.length).toBeGreaterThan(0);
    expect(missedValues(planted, openFindings(db), work.keyFile)).toEqual([]);
  });

  it('links each attachment finding to its attachment, by id, never by file name', () => {
    const planted = truth.filter((p) => p.field.startsWith('attachment:'));
    const found = attachmentFindings(db);
    for (const p of planted) {
      const at = found.filter((f) => f.fieldId === attachmentId(p));
      expect(at.length, p.field).toBeGreaterThan(0);
      const link =
        p.product === 'jira' ? `/rest/api/3/attachment/content/${attachmentId(p)}` : `pageId=${p.item}`;
      for (const f of at) expect(f.url).toContain(link);
    }
    expect(found.filter((f) => planted.some((p) => f.url.includes(p.value)))).toEqual([]);
    // Who uploaded the file and when (Jira names the uploader; Confluence's listing gives the date).
    expect(
      found.filter((f) => !/; file( version \d+)? uploaded (by .+ )?on \d{4}-\d\d-\d\d$/.test(f.explanation)),
    ).toEqual([]);
  });

  it('keeps overall truth recall at 0.98 or more', () => {
    const missed = missedValues(truth, openFindings(db), work.keyFile);
    expect(1 - missed.length / truth.length).toBeGreaterThanOrEqual(0.98);
  });

  it.each([
    ['private-key-file', 'file *.key'],
    ['credentials-file', 'file .env'],
    ['people-export', 'file *user*.csv'],
  ])('reports attached files by name: %s', (ruleId, preview) => {
    const hits = attachmentFindings(db).filter((f) => f.ruleId === ruleId);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((f) => f.preview)).toContain(preview);
  });

  it('refuses the gzip bomb, the mislabelled binary and the 50 MB log, and counts them', () => {
    const line = /^attachment contents: (\d+) read .*; not scanned: (.*)$/m.exec(first.stderr);
    expect(line, first.stderr).not.toBeNull();
    const notRead = Object.fromEntries(
      line![2]!.split(', ').map((part) => part.split(' ').reverse() as [string, string]),
    );
    expect(Number(notRead['too-large'])).toBeGreaterThanOrEqual(2); // the bomb and the 50 MB log
    expect(Number(notRead.format)).toBeGreaterThan(0); // office files, images, the binary labelled text/plain
    const downloads = site.media.log().downloads;
    expect(downloads['1000000990']).toBe(1); // the bomb: its stream was cut at the cap
    expect(downloads['1000000991']).toBe(1); // the mislabelled binary: sniffed
    expect(downloads['1000000992']).toBeUndefined(); // the 50 MB log: refused by its declared size
  });

  it('keeps what became of each content in the store: report, report --json and the HTML say it', async () => {
    const json = await work.shell(`exposure report --db '${db}' --json`);
    expect(json.code, json.stderr).toBe(0);
    const contents = (JSON.parse(json.stdout) as { site: { attachmentContents: Record<string, number> } })
      .site.attachmentContents;
    expect(contents.read).toBeGreaterThan(0);
    expect(contents.format).toBeGreaterThan(0); // office files, images, the binary labelled text/plain
    expect(contents['too-large']).toBeGreaterThanOrEqual(2); // the bomb and the 50 MB log
    const line = `attachment contents: ${contents.read} read; not scanned: ${contents.format} format, ${contents['too-large']} too-large`;
    const text = await work.shell(`exposure report --db '${db}' --html '${work.dir}/report.html'`);
    expect(text.stdout).toContain(line);
    expect(readFileSync(join(work.dir, 'report.html'), 'utf8')).toContain(
      `<p id="attachment-contents">${line}</p>`,
    );
  });

  it('never sends the site credentials to the media host', () => {
    const log = site.media.log();
    expect(log.requests).toBeGreaterThan(0);
    expect({ authorization: log.authorization, cookies: log.cookies }).toEqual({
      authorization: 0,
      cookies: 0,
    });
  });

  it('downloads again on an incremental run only the file whose version changed', async () => {
    const before = site.media.log().downloads;
    const page = truth.find((p) => p.product === 'confluence' && p.field.endsWith(':content'))!;
    const revised = site.admin.reviseAttachment(page.item, attachmentId(page), 'nothing secret any more\n');
    expect(revised?.version).toBeGreaterThan(1);
    site.admin.advanceClock(60_000);
    const second = await work.start(db, ['--mode', 'incremental', '--archived', ...CONTENT]).exited;
    expect(second.code, second.stderr).toBe(0);
    const after = site.media.log().downloads;
    const again = Object.keys(after).filter((id) => after[id] !== before[id]);
    expect(again).toEqual([attachmentId(page)]);
    // Its former content's finding is resolved; the other files' findings stay open.
    const open = attachmentFindings(db).filter((f) => f.field === 'attachment-content');
    expect(open.some((f) => f.fieldId === attachmentId(page))).toBe(false);
    expect(open.length).toBeGreaterThan(0);
  }, 120_000);
});
