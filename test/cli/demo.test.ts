// `exposure demo` as a new user runs it: the built binary in an empty folder, with only PATH and a fresh HOME
// (no config, no key, no credentials). It must work offline, print the exposure table and the report path, and
// leave an owner-only database and a self-contained report.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SPEC, createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite } from '../../src/fake-site/server.ts';
import { CliWorkspace, expectOneLineError, runCli } from './run-cli.ts';

const CLI = resolve(import.meta.dirname, '../../dist/src/cli.js');
const home = mkdtempSync(join(tmpdir(), 'exposure-demo-'));
let code: number | null = null;
let stdout = '';
let stderr = '';

/** Every URL the page would load by itself: src of anything, href of stylesheets/icons, CSS url() and @import. */
function loadedUrls(html: string): string[] {
  const urls: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      for (const attribute of ['src', 'srcset', 'data', 'poster']) {
        if (attributes[attribute]) urls.push(attributes[attribute]);
      }
      if (name === 'link' && attributes.href) urls.push(attributes.href);
    },
  });
  parser.end(html);
  for (const match of html.matchAll(/url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)/g)) {
    urls.push(match[1] ?? match[2] ?? '');
  }
  return urls;
}

beforeAll(async () => {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, 'demo'], {
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home },
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  code = await new Promise((done) => child.once('close', done));
  // A figure for the lead, not an assertion: the demo must stay short enough for CI and for a first try.
  console.log(`exposure demo took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 180_000);

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('exposure demo on the default fake site', () => {
  it('exits 0 and prints the per-space exposure table, site row last', () => {
    expect(code).toBe(0);
    const table = stdout.split('\n').filter((line) => /^(PRODUCT|jira|confluence|site)\s/.test(line));
    expect(table[0]).toMatch(
      /^PRODUCT\s+KEY\s+NAME\s+SCORE\s+RANK\s+OPEN\s+SECRET\s+PII\s+PHI\s+DENSITY\s+COVERAGE\s+VISIBILITY\s+STATE$/,
    );
    expect(table.filter((line) => /^jira\s/.test(line)).length).toBeGreaterThan(1);
    expect(table.filter((line) => /^confluence\s/.test(line)).length).toBeGreaterThan(1);
    expect(table.at(-1)).toMatch(/^site\s+\*\s+all spaces and projects\s+\d+\.\d\s+[1-9]\d*\s/);
  });

  it('prints the path of the HTML report, and the file is there', () => {
    const path = /^HTML report: (.+)$/m.exec(stdout)?.[1];
    expect(path).toBe(join(home, 'data/demo-report.html'));
    expect(readFileSync(path ?? '', 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('writes a self-contained report: nothing it loads comes from the network', () => {
    const html = readFileSync(join(home, 'data/demo-report.html'), 'utf8');
    const urls = loadedUrls(html);
    expect(urls.filter((url) => /^(https?:)?\/\//i.test(url.trim()))).toEqual([]);
    expect(html).not.toMatch(/<script[^>]+src=/i);
  });

  it.each([['data/demo.db'], ['.config/exposure/fingerprint.key']])(
    'creates %s owner-only (0600)',
    (file) => {
      expect(statSync(join(home, file)).mode & 0o777).toBe(0o600);
    },
  );

  it('never prints or writes a planted value of the fake site', async () => {
    const site = await startFakeSite({ content: createSiteContent(DEFAULT_SITE_SPEC) });
    const values = site.admin.truth().planted.map((planted) => planted.value);
    await site.stop();
    expect(values.length).toBeGreaterThan(100);
    const html = readFileSync(join(home, 'data/demo-report.html'), 'utf8');
    for (const value of values) {
      expect(stdout + stderr).not.toContain(value);
      expect(html).not.toContain(value);
    }
  });

  it('tells the user about the content the demo account cannot read on purpose', () => {
    expect(existsSync(join(home, 'data/demo.db'))).toBe(true);
    expect(stderr).toMatch(/coverage incomplete/);
    expect(stderr).toMatch(/^ {2}jira FIN: .*forbidden$/m);
    expect(stderr).toMatch(
      /on purpose, the demo account cannot browse the project FIN .* nor view the space LEGAL/,
    );
  });
});

describe('exposure demo with bad sizes', () => {
  const ws = new CliWorkspace();
  afterAll(() => ws.remove());

  it.each([
    ['--issues', 'abc'],
    ['--pages', '-5'],
    ['--seed', '1.5'],
  ])('%s %s: one-line usage error, exit 2, no database', async (flag, value) => {
    const result = await runCli(ws, ['demo', flag, value]);
    expectOneLineError(result, new RegExp(`^exposure: ${flag}: must be a whole number, 0 or more$`));
    expect(existsSync(ws.path('data/demo.db'))).toBe(false);
  });
});
