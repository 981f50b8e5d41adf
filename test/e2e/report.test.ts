// A trustworthy answer, end to end through the built binary on a site big enough that a capped score saturated
// (20,000 issues): ranks follow the weight, three new critical secrets raise the top project's score and diff
// shows it, a forbidden or excluded place never shows a clean 0, site coverage counts unread places,
// `export csv --out - | head -1` ends quietly, a suppression that matches nothing exits 2, and report --json
// validates against docs/report.schema.json. Runs the built binary: `npm run build` first.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { PlaceRow, ReportData } from '../../src/report/model.ts';
import { createRng } from '../../src/synth/rng.ts';
import { SENSITIVE_KINDS } from '../../src/synth/sensitive.ts';
import { schemaErrors } from '../report/report-schema.ts';
import { CLI, ScanWorkspace } from './scan-process.ts';

const SPEC = { seed: 31, issues: 20_000, pages: 600, now: '2026-05-04T08:00:00.000Z' };
/** W at which the former score 100 × (1 − e^(−W/20)) showed 100.0 (rounded to one decimal). */
const FORMER_CAP = 20 * Math.log(2000);

describe.runIf(existsSync(CLI))('report on a 20,000-issue site (built binary)', () => {
  let site: FakeSite;
  let work: ScanWorkspace;
  let db: string;
  const report = async (): Promise<ReportData> => {
    const result = await work.shell(`exposure report --json --db ${db}`);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as ReportData;
  };
  const place = (data: ReportData, product: string, key: string) =>
    data.containers.find((c) => c.product === product && c.key === key)!;

  beforeAll(async () => {
    site = await startFakeSite({ content: createSiteContent(SPEC) });
    work = new ScanWorkspace(site);
    db = work.db('report');
    const exit = await work.start(db, ['--mode', 'full']).exited;
    expect(exit.code, exit.stderr).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await site?.stop();
    work?.remove();
  });

  it('prints JSON that validates against its schema, ranks by weight, and no two weights share a rank', async () => {
    const data = await report();
    expect(schemaErrors(data)).toEqual([]);
    const measured = data.containers.filter(
      (c): c is PlaceRow & { measure: object; rank: number } => c.measure !== null,
    );
    // Big enough that the former capped score tied several places at 100.
    expect(measured.filter((c) => c.measure!.weight >= FORMER_CAP).length).toBeGreaterThanOrEqual(3);
    for (const a of measured)
      for (const b of measured) {
        if (a.measure!.weight > b.measure!.weight)
          expect(a.rank, `${a.key} above ${b.key}`).toBeLessThan(b.rank);
        if (a.measure!.weight === b.measure!.weight) expect(a.rank).toBe(b.rank);
      }
  });

  it('shows FIN as not read, with no number, site coverage below 100 % because of it, and LEGAL nowhere', async () => {
    const data = await report();
    expect(place(data, 'jira', 'FIN')).toMatchObject({
      state: 'not-read',
      measure: null,
      rank: null,
      gaps: { forbidden: 1 },
    });
    // The token may not view LEGAL: a real site lists it nowhere, so no report can name it.
    expect(place(data, 'confluence', 'LEGAL')).toBeUndefined();
    expect(data.site.coverage).toBeLessThan(1);
    expect(data.site.places).toMatchObject({ 'not-read': 1 });
    const table = await work.shell(`exposure report --db ${db}`);
    expect(table.stdout).toMatch(/^jira\s+FIN\s+Finance\s+not read\s/m);
    expect(table.stdout).not.toMatch(/^jira\s+FIN\s+Finance\s+0/m);
  });

  it("raises the top project's score when three distinct critical secrets are added, and diff shows the change", async () => {
    const before = await report();
    const top = before.containers.find((c) => c.product === 'jira' && !c.siteWide && c.rank !== null)!;
    const aws = SENSITIVE_KINDS.find((k) => k.kind === 'aws-access-key-id')!;
    const rng = createRng(9);
    const values = [aws.generate(rng), aws.generate(rng), aws.generate(rng)];
    expect(new Set(values).size).toBe(3);
    site.admin.createIssue({
      projectKey: top.key,
      summary: 'Deploy credentials for the new region',
      description: values.map((v) => aws.wrap(rng, v)).join('\n\n'),
      planted: values.map((value) => ({ field: 'description', category: 'secret', kind: aws.kind, value })),
    });
    const exit = await work.start(db, ['--mode', 'incremental']).exited;
    expect(exit.code, exit.stderr).toBe(0);
    const after = place(await report(), 'jira', top.key);
    expect(after.measure!.score).toBeGreaterThan(top.measure!.score);
    expect(after.measure!.counts.secret.critical).toBe(top.measure!.counts.secret.critical + 3);
    const diff = await work.shell(`exposure diff --db ${db}`);
    const line = diff.stdout.split('\n').find((l) => new RegExp(`^jira\\s+${top.key}\\s`).test(l))!;
    expect(line).toMatch(/\s\+\d+\.\d\s+3\s+0\s+\d+$/);
  }, 120_000);

  it('never shows an excluded or forbidden place as a clean 0', async () => {
    const exit = await work.start(db, [
      '--mode',
      'incremental',
      '--exclude-project',
      'FIN',
      '--exclude-space',
      'OPS',
    ]).exited;
    expect(exit.code, exit.stderr).toBe(0);
    const data = await report();
    expect(schemaErrors(data)).toEqual([]);
    expect(place(data, 'jira', 'FIN')).toMatchObject({ state: 'never-scanned', measure: null });
    const ops = place(data, 'confluence', 'OPS');
    expect(ops).toMatchObject({ state: 'excluded', stale: true, lastScanned: { run: 2 } });
    expect(ops.measure!.open).toBeGreaterThan(0);
    for (const c of data.containers.filter((c) => c.state !== 'scanned'))
      expect(c.measure === null || c.stale, c.key).toBe(true);
    const table = (await work.shell(`exposure report --db ${db}`)).stdout;
    expect(table).toMatch(/^jira\s+FIN\s+Finance\s+never scanned\s/m);
    expect(table).toMatch(/^confluence\s+OPS\s+Operations\s+\d+\.\d \(stale\)\s/m);
    const summary = (await work.shell(`exposure export csv --summary --out - --db ${db}`)).stdout;
    expect(summary).toMatch(/^[^,]+,jira,FIN,Finance,,,,.*,never-scanned,/m);
  }, 120_000);

  it('ends quietly with exit 0 when the reader of export csv --out - stops after one line', async () => {
    const result = await work.shell(`exposure export csv --out - --db ${db} | head -1`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^site,product,container_key,[^\n]*\r\n$/);
    expect(result.stderr).toBe('');
  });

  it('refuses a suppression that matches nothing with exit 2 and a hint', async () => {
    const result = await work.shell(
      `exposure suppress --rule email-address --container jira:ENG --reason "public contact" --db ${db}`,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^exposure: no rule email-address; the nearest rule ids: email\b/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
