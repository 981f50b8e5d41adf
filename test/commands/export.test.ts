// `exposure export csv` for cleanup teams: who to ask and where, why the rule fired, whether Atlassian contributes
// it, one line per preview, a BOM for Excel by default in files; and the summary's state per place.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import { main } from '../../src/cli.ts';
import { openStore } from '../../src/store/store.ts';
import { beginRun, container, findIn, item, randomValue, tempDir } from '../store/helpers.ts';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

const KEY = randomValue('FKEYAAAA9999AAAA9999');

/** One run: a Jira issue with people and a custom field holding KEY, a PEM-like finding, FIN forbidden. */
function database(): string {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const store = openStore(temp.path);
  const { runId, siteId } = beginRun(store, [container('ENG', 'jira'), container('FIN', 'jira')]);
  const issue = {
    ...item('ENG', '1', {}, 'jira'),
    people: { reporter: 'João Müller', assignee: 'Ana Sharma' },
  };
  const [finding] = findIn(KEY, 'customfield_10010', issue.url, 'customfield_10010');
  const pem = {
    ...finding!,
    fingerprint: 'f'.repeat(64),
    preview: '-----BEGIN…\n…KEY-----\n',
    start: 30,
    end: 40,
  };
  store.scans.record(runId, [{ item: issue, contentHash: 'h', findings: [finding!, pem] }]);
  store.fieldNames.record(siteId, 'jira', [{ id: 'customfield_10010', name: 'Deploy notes' }]);
  store.runs.recordCoverage(
    runId,
    { product: 'jira', key: 'ENG' },
    { listed: 1, scanned: 1, bytes: 9, skipped: {} },
  );
  store.runs.recordCoverage(
    runId,
    { product: 'jira', key: 'FIN' },
    { listed: 0, scanned: 0, bytes: 0, skipped: { forbidden: 1 } },
  );
  store.runs.finish(runId, 'partial');
  store.scores.compute(runId);
  store.close();
  return temp.path;
}

async function exportCsv(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await main(['export', 'csv', ...args]), stdout };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

const rowsOf = (text: string) =>
  parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

describe('export csv', () => {
  it.each([
    ['a file, by default', (path: string) => ['--out', path], true],
    ['a file with --no-bom', (path: string) => ['--out', path, '--no-bom'], false],
  ])('writes %s with a UTF-8 BOM: %s', async (_name, args, bom) => {
    const db = database();
    const file = `${db}.csv`;
    expect((await exportCsv([...args(file), '--db', db])).code).toBe(0);
    expect(readFileSync(file, 'utf8').startsWith('\uFEFFsite,')).toBe(bom);
  });

  it('writes stdout without a BOM unless asked', async () => {
    const db = database();
    expect((await exportCsv(['--out', '-', '--db', db])).stdout.startsWith('site,')).toBe(true);
    expect((await exportCsv(['--out', '-', '--bom', '--db', db])).stdout.startsWith('\uFEFFsite,')).toBe(
      true,
    );
  });

  it('gives each finding its field name, people, dates, AI contribution and why, on one line', async () => {
    const db = database();
    const { stdout } = await exportCsv(['--out', '-', '--db', db, '--plan', 'free']);
    const rows = rowsOf(stdout);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      field_id: 'customfield_10010',
      field_name: 'Deploy notes',
      reporter: 'João Müller',
      assignee: 'Ana Sharma',
      last_editor: '',
      item_created: '2026-09-01T00:00:00.000Z',
      item_updated: '2026-10-01T00:00:00.000Z',
      ai_contributed: 'yes',
      why: 'matched fake-cloud-key',
    });
    expect(rows[0]!.ai_contribution_reason).toMatch(/^free plan, not excluded/);
    expect(rows.every((r) => !/[\r\n]/.test(r.preview!))).toBe(true);
    // On one line, and formula-safe still: a cell starting with - is prefixed with '.
    expect(rows[1]!.preview).toBe("'-----BEGIN…⏎…KEY-----⏎");
    expect(stdout).not.toContain(KEY);
    const excluded = rowsOf((await exportCsv(['--out', '-', '--db', db, '--excluded', 'jira:ENG'])).stdout);
    expect(excluded[0]).toMatchObject({
      ai_contributed: 'no',
      ai_contribution_reason: 'excluded by the admin',
    });
  });

  it('--summary says the state of each place, with a number only where it was read', async () => {
    const db = database();
    const rows = rowsOf((await exportCsv(['--out', '-', '--summary', '--db', db])).stdout);
    expect(
      rows.map((r) => [r.container_key, r.status, r.score, r.coverage, r.items_scanned, r.items_listed]),
    ).toEqual([
      ['ENG', 'scanned', '18.0', '1.0000', '1', '1'],
      ['FIN', 'not-read', '', '0.0000', '0', '0'],
      ['*', 'partial', '18.0', '0.5000', '1', '1'],
    ]);
    expect(rows[1]!.status_reason).toBe('not read: 1 forbidden');
  });
});
