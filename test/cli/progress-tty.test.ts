// Progress bars of the built binary on a real terminal against a slow, throttling fake site; and none at all
// when stderr is not a terminal or with --quiet, where only the summary is printed.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { CliWorkspace, runCli } from './run-cli.ts';
import { finalScreen, runInTty, type TtyResult } from './run-tty.ts';

const TOKEN = `tty-token-${randomBytes(12).toString('hex')}`;
const ws = new CliWorkspace();
let site: FakeSite;
let tty: TtyResult;
const env = () => ({ ATLASSIAN_SITE: site.url, ATLASSIAN_EMAIL: site.email, ATLASSIAN_API_TOKEN: TOKEN });
// The fake site's administrator token lists FIN but cannot browse it; leaving it out makes a complete run.
const scan = (db: string, ...extra: string[]) => [
  'scan',
  '--workers',
  '1',
  '--exclude-project',
  'FIN',
  '--db',
  ws.path(db),
  ...extra,
];

const BAR = (product: string, total: string) =>
  new RegExp(`^ ${product}\\s+\\[[^\\]]+\\] (\\d+)/(${total}) items \\| \\d+/s \\| ETA (\\S+)`);
const framesOf = (result: TtyResult, bar: RegExp) =>
  result.lines.flatMap((line) => {
    const match = bar.exec(line);
    return match ? [{ line, done: Number(match[1]), total: match[2] ?? '', eta: match[3] ?? '' }] : [];
  });

beforeAll(async () => {
  const content = createSiteContent({ seed: 5, issues: 300, pages: 80, now: '2026-11-01T00:00:00Z' });
  site = await startFakeSite({
    content,
    token: TOKEN,
    // Small pages make many screen updates.
    pageSizes: { jiraSearchFields: 20, jiraComments: 10, confluenceMax: 10 },
  });
  // Latency keeps the bars on screen; every 9th request is told to wait a second.
  site.admin.setFaults({ rules: [{ latencyMs: 25 }, { status: 429, everyNth: 9, retryAfterSeconds: 1 }] });
  tty = await runInTty(ws, scan('tty.db', '--log-level', 'info'), env());
  site.admin.setFaults({});
}, 120_000);

afterAll(async () => {
  await site.stop();
  ws.remove();
});

describe('scan on a terminal', () => {
  it('exits 0 and ends with the summary', () => {
    expect(tty.code).toBe(0);
    expect(tty.lines).toContainEqual(expect.stringMatching(/^PRODUCT\s+KEY\s+NAME\s+SCORE/));
    expect(tty.lines).toContainEqual(
      expect.stringMatching(/^run 1 \(full\) complete: \d+ requests, [1-9]\d* throttled/),
    );
  });

  it('draws a Jira bar: done / estimated total from the approximate count, rate, ETA', () => {
    const frames = framesOf(tty, BAR('jira', '\\d+'));
    expect(frames.length).toBeGreaterThan(2);
    const last = frames.at(-1)!;
    expect(Number(last.total)).toBeGreaterThanOrEqual(last.done);
    // Mid-scan the estimate is ahead of the items done, and the ETA is a time, not a placeholder.
    const midway = frames.filter((f) => f.done > 0 && f.done < Number(f.total));
    expect(midway.length).toBeGreaterThan(0);
    expect(midway.every((f) => /^(\d+[hms])+$/.test(f.eta))).toBe(true);
  });

  it('draws a Confluence bar: "?" with no ETA until the CQL estimate arrives, then done / estimate', () => {
    const frames = framesOf(tty, BAR('confluence', '\\d+|\\?'));
    expect(frames.length).toBeGreaterThan(2);
    expect(frames.at(-1)!.done).toBeGreaterThan(0);
    expect(frames.at(-1)!.total).toMatch(/^\d+$/);
    for (const frame of frames.filter((f) => f.total === '?')) expect(frame.eta).toBe('?');
  });

  it('shows the throttling state while the site answers 429', () => {
    expect(tty.lines).toContainEqual(expect.stringMatching(/items .*\| throttled: waiting for the site/));
  });

  it('leaves one final line per bar and every log line whole, for a person, above them (no raw JSON)', async () => {
    const screen = await finalScreen(tty.raw);
    expect(screen.filter((row) => /^ jira\s+\[/.test(row))).toHaveLength(1);
    expect(screen.filter((row) => /^ confluence\s+\[/.test(row))).toHaveLength(1);
    expect(screen.some((row) => /^(info|warn): throttled by the site\b/.test(row))).toBe(true);
    expect(screen.filter((row) => row.includes('"level":'))).toEqual([]);
    const lastBar = screen.findIndex((row) => /^ (jira|confluence)\s+\[/.test(row));
    expect(screen.slice(lastBar).some((row) => /^PRODUCT\s+KEY/.test(row))).toBe(true);
  });

  it('keeps the bars on stderr: the summary table on stdout has no escape sequences', () => {
    const table = tty.raw.slice(tty.raw.indexOf('PRODUCT'));
    expect(table).not.toContain('\x1b');
  });
});

describe.each([
  ['stdout and stderr are pipes (cron)', 'pipe.db', [] as string[]],
  ['--quiet on a terminal', 'quiet.db', ['--quiet']],
])('scan when %s', (_name, db, extra) => {
  let output = '';
  let code: number | null = null;

  beforeAll(async () => {
    if (extra.length === 0) {
      const result = await runCli(ws, scan(db), { env: env() });
      ({ code } = result);
      output = result.stdout + result.stderr;
    } else {
      const result = await runInTty(ws, scan(db, ...extra), env());
      ({ code } = result);
      output = result.raw;
    }
  }, 120_000);

  it('draws no bar and writes no escape sequence, only the summary', () => {
    expect(code).toBe(0);
    expect(output).not.toContain('\x1b');
    expect(output).not.toMatch(/items \|/);
    expect(output).toMatch(/^PRODUCT\s+KEY\s+NAME\s+SCORE/m);
    expect(output).toMatch(/^run 1 \(full\) complete: /m);
  });
});
