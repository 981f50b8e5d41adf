// The full scan against the ground truth, through the built binary, the real detectors and SQLite: every value
// planted in readable content has an open finding of its category at its place (item, field, comment or field id),
// nothing of the forbidden project and space is stored, and both are recorded as not covered.
// Runs the built binary: `npm run build` first.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { BUILT, ScanWorkspace } from './scan-process.ts';
import { describeWith } from '../support/requirement.ts';

const SPEC = { seed: 23, issues: 3000, pages: 600, now: '2026-05-04T08:00:00.000Z' };

interface Row {
  product: string;
  container: string;
  kind: string;
  externalId: string;
  key: string | null;
  field: string;
  fieldId: string;
  category: string;
}

/** Whether a stored finding sits where the truth record says its value is. */
function at(record: PlantedRecord, row: Row): boolean {
  if (row.product !== record.product) return false;
  const [field, fieldId] = record.field.split(':') as [string, string | undefined];
  if (record.container === '') {
    return (
      row.container === 'site-config' && row.field === field && row.fieldId.split('/')[0] === record.item
    );
  }
  if (row.container !== record.container) return false;
  if (record.item === record.container) return ['project', 'space'].includes(row.kind) && row.field === field;
  const item = record.product === 'jira' ? row.key === record.item : row.externalId === record.item;
  if (!item) return false;
  if (record.product === 'jira' && field === 'summary') return row.field === 'title';
  if (fieldId !== undefined) return row.field.startsWith(field) && row.fieldId === fieldId;
  return row.field === field;
}

describeWith(BUILT, 'a full scan against the ground truth (built binary, SQLite)', () => {
  let site: FakeSite;
  let work: ScanWorkspace;
  let rows: Row[];
  let coverage: Array<{ key: string; skipped: string }>;
  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
    work = new ScanWorkspace(site);
    const db = work.db('truth');
    const exit = await work.start(db, ['--mode', 'full', '--archived']).exited;
    expect(exit.code, exit.stderr).toBe(0);
    const database = new Database(db, { readonly: true, fileMustExist: true });
    rows = database
      .prepare(
        `SELECT i.product, c.key AS container, i.kind, i.external_id AS externalId, i.key, f.field,
                f.field_id AS fieldId, f.category
         FROM findings f JOIN items i ON i.id = f.item_id JOIN containers c ON c.id = f.container_id
         WHERE f.status = 'open'`,
      )
      .all() as Row[];
    coverage = database
      .prepare(
        `SELECT c.key, rc.skipped FROM coverage rc JOIN containers c ON c.id = rc.container_id
         WHERE c.key IN ('FIN', 'LEGAL')`,
      )
      .all() as Array<{ key: string; skipped: string }>;
    database.close();
  }, 180_000);
  afterAll(async () => {
    await site?.stop();
    work?.remove();
  });

  it('finds every value planted in readable content, at its place and of its category', () => {
    const readable = site.admin.truth().planted.filter((p) => p.readable && !p.field.startsWith('version:'));
    expect(readable.length).toBeGreaterThan(200);
    const missed = readable.filter((p) => !rows.some((row) => at(p, row) && row.category === p.category));
    expect(missed.map((p) => `${p.product} ${p.container}/${p.item}/${p.field} ${p.kind}`)).toEqual([]);
  });

  it('stores nothing of the forbidden project and space, and records both as not covered', () => {
    expect(rows.filter((row) => ['FIN', 'LEGAL'].includes(row.container))).toEqual([]);
    expect(coverage.map((c) => [c.key, JSON.parse(c.skipped) as unknown]).sort()).toEqual([
      ['FIN', { forbidden: 1 }],
      ['LEGAL', { forbidden: 1 }],
    ]);
  });
});
