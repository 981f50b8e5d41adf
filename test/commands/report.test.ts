// `exposure report` on a small scanned database: the AI-contribution options say what they did, and --json
// prints the report model that docs/report.schema.json describes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { schemaErrors } from '../report/report-schema.ts';
import { scannedDatabase } from './store-fixture.ts';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

/** Runs `exposure report` in-process on a fresh fixture database; returns its exit code and output. */
async function report(args: string[]) {
  const db = scannedDatabase();
  cleanup = db.cleanup;
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['report', '--db', db.path, ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

describe('exposure report', () => {
  it.each([
    [
      'premium',
      /^Premium sites are not contributed to AI training by default, so no place needs excluding;/m,
    ],
    ['enterprise', /^Enterprise sites are not contributed to AI training by default/m],
  ])('--plan %s explains in one sentence why there is no shortlist', async (plan, sentence) => {
    const { code, stdout } = await report(['--plan', plan]);
    expect(code).toBe(0);
    expect(stdout).toMatch(sentence);
    expect(stdout).not.toMatch(/Exclude from AI contribution first/);
  });

  it('ranks the contributed places with why they rank there', async () => {
    const { stdout } = await report(['--plan', 'free']);
    expect(stdout).toMatch(/^Exclude from AI contribution first \(free plan\):$/m);
    expect(stdout).toMatch(/^ {2}1\. confluence OPS: score 9\.0: 1 secret in 1 page, 1 critical$/m);
  });

  it('--excluded honours jira:/confluence: and warns about keys the database does not know', async () => {
    const { code, stdout, stderr } = await report(['--plan', 'free', '--excluded', 'NOPE,jira:ENG']);
    expect(code).toBe(0);
    expect(stderr).toBe('exposure: --excluded NOPE: no such space or project in this database (ignored)\n');
    expect(stdout).toMatch(/^ {2}\d\. confluence ENG: /m);
    expect(stdout).not.toMatch(/^ {2}\d\. jira ENG: /m);
  });

  it('--since with nothing created or updated since then says so', async () => {
    const { stdout } = await report(['--since', '2030-01-01']);
    expect(stdout).toMatch(/^Nothing was created or updated since 2030-01-01/m);
    expect((await report(['--since', '2026-01-01'])).stdout).not.toMatch(/Nothing was created/);
  });

  it('--json prints only the report, valid against docs/report.schema.json', async () => {
    const { code, stdout } = await report(['--json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as unknown;
    expect(schemaErrors(data)).toEqual([]);
    expect(data).toMatchObject({ schemaVersion: 1, run: { mode: 'full', status: 'complete' } });
  });
});
