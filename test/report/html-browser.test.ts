// The HTML report in a real browser (Debian's chromium through playwright-core): key elements render, nothing
// leaves the page, and hostile titles stay text. Skipped outside CI where no chromium is installed; CI installs it
// and fails the test if it cannot.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/commands/demo.ts';
import { renderHtml } from '../../src/report/html.ts';
import { containerRow, reportData, topItem } from './report-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test-output');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const fixture = reportData({
  containers: [containerRow({ name: HOSTILE, url: 'javascript:alert(1)' })],
  topItems: [topItem({ title: HOSTILE })],
});

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('HTML report in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });
  afterAll(() => browser?.close());

  async function open(file: string) {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    return { page, requests };
  }

  it('renders the demo database report offline, with every section', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exposure-report-'));
    const html = join(dir, 'report.html');
    const code = await runDemo({
      db: join(dir, 'demo.db'),
      html,
      seed: '42',
      issues: '300',
      pages: '60',
      quiet: true,
      keyFile: join(dir, 'key'),
    });
    expect(code).toBe(0);
    const { page, requests } = await open(html);
    expect(await page.locator('#summary .card').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('#containers tbody tr').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('#score-chart svg').count()).toBe(1);
    expect(await page.locator('#severity-chart svg').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#exclude-first li').count()).toBeGreaterThan(0);
    expect(await page.locator('#coverage tbody tr').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('#top-items tbody tr').count()).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await page.screenshot({ path: join(OUT, 'demo-report.png'), fullPage: true });
  }, 240_000);

  it('shows hostile titles as text and runs nothing from them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exposure-report-'));
    const file = join(dir, 'hostile.html');
    writeFileSync(file, renderHtml(fixture));
    const { page, requests } = await open(file);
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#top-items').textContent()).toContain(HOSTILE);
    expect(await page.locator('#containers a').count()).toBe(0); // javascript: URLs are not links
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await page.screenshot({ path: join(OUT, 'hostile-report.png'), fullPage: true });
  });
});
