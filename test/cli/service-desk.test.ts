// Service desks end to end, through the built binary against a small fake site: every value the site planted in a
// Jira comment or worklog is exported with who can read it (the truth's `visibility`: public reply, internal note,
// role-restricted note; nothing on other projects), and `report --json` says the same of the comments it lists.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { singleLine } from '../../src/report/escape.ts';
import type { ReportData } from '../../src/report/model.ts';
import { CliWorkspace, runCli, type CliResult } from './run-cli.ts';

type Row = Record<string, string> & { visibility: string };

const ws = new CliWorkspace();
const db = ws.path('desk.db');
let site: FakeSite;
let truth: PlantedRecord[];
let rows: Row[];

async function exposure(args: readonly string[]): Promise<CliResult> {
  return runCli(ws, args, {
    env: { ATLASSIAN_SITE: site.url, ATLASSIAN_EMAIL: site.email, ATLASSIAN_API_TOKEN: site.token },
  });
}

/** Truth records of Jira comments and worklogs that a scan can read. */
const typedByPeople = (p: PlantedRecord) => p.readable && /^(comment|worklog):/.test(p.field);

/** The CSV rows of the place a truth record names (item key, field, comment or worklog id). */
function rowsAt(record: PlantedRecord): Row[] {
  const [field, id] = record.field.split(':');
  return rows.filter((r) => r.item === record.item && r.field === field && r.field_id === id);
}

beforeAll(async () => {
  const content = createSiteContent({ seed: 11, issues: 800, pages: 20, now: '2026-09-01T00:00:00Z' });
  site = await startFakeSite({ content });
  truth = site.admin.truth().planted.filter(typedByPeople);
  const scan = await exposure(['scan', '--quiet', '--workers', '1', '--allow-partial', '--db', db]);
  expect(scan.code, scan.stderr).toBe(0);
  const csv = await exposure(['export', 'csv', '--db', db, '--out', '-']);
  expect(csv.code, csv.stderr).toBe(0);
  rows = parse(csv.stdout, { columns: true }) as Row[];
}, 120_000);

afterAll(async () => {
  await site.stop();
  ws.remove();
});

describe('service desk comments in the findings CSV and report --json', () => {
  it('plants public, internal and restricted comments and worklogs, on a service desk and elsewhere', () => {
    const kinds = new Set(truth.map((p) => `${p.field.split(':')[0]} ${p.visibility ?? 'unmarked'}`));
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'comment internal',
        'comment public',
        'comment restricted',
        'comment unmarked',
        'worklog internal',
        'worklog unmarked',
      ]),
    );
  });

  it('exports every planted comment and worklog value with the visibility the truth records', () => {
    const wrong = truth.flatMap((p) => {
      const here = rowsAt(p);
      const marks = [...new Set(here.map((r) => r.visibility))];
      return here.length > 0 && marks.length === 1 && marks[0] === (p.visibility ?? '')
        ? []
        : [`${p.item} ${p.field}: truth ${p.visibility ?? 'unmarked'}, csv ${marks.join('|') || 'no row'}`];
    });
    expect(wrong).toEqual([]);
  });

  it.each([
    ['SUP', /^(public|internal|restricted)$/],
    ['CLIN', /^(public|internal|restricted)$/],
    ['ENG', /^(restricted)?$/],
    ['OPS', /^(restricted)?$/],
  ])('marks every comment finding of %s accordingly, and no other field', (key, allowed) => {
    const place = rows.filter((r) => r.container_key === key && r.product === 'jira');
    const comments = place.filter((r) => r.field === 'comment' || r.field === 'worklog');
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.filter((r) => !allowed.test(r.visibility))).toEqual([]);
    expect(
      place.filter((r) => r.field !== 'comment' && r.field !== 'worklog' && r.visibility !== ''),
    ).toEqual([]);
  });

  it('says in report --json who reads each listed comment, as the CSV does', async () => {
    const result = await exposure(['report', '--db', db, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const data = JSON.parse(result.stdout) as ReportData;
    // A Jira item's title in the report is its key and summary, as the CSV's item and item_title columns; the CSV
    // writes previews on one line.
    const listed = data.topItems.flatMap((item) => item.details.map((d) => ({ title: item.title, ...d })));
    expect(listed.filter((d) => d.visibility !== null).length).toBeGreaterThan(0);
    const disagreeing = listed.filter((d) => {
      const csv = rows.filter(
        (r) =>
          [`${r.item} ${r.item_title}`, r.item_title].includes(d.title) &&
          r.field === d.field &&
          r.preview === singleLine(d.preview),
      );
      return !csv.some((r) => r.visibility === (d.visibility ?? ''));
    });
    expect(disagreeing).toEqual([]);
  });
});
