// The HTML report in a real browser (Debian's chromium through playwright-core) at 1,400 px wide: the charts use
// the page's width and label their bars, "not read" looks unlike 0, the legend follows the stacking order,
// personal spaces are named by their owner, demo links are said to be demo links, nothing leaves the page, and
// hostile titles stay text. Sizes, labels and texts are asserted, not pixels; screenshots are kept under
// test-output/. Skipped (saying why) where no chromium is installed; under CI, which installs it, a missing chromium
// fails.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDemo } from '../../src/commands/demo.ts';
import { SEVERITY_COLORS, SEVERITY_ORDER } from '../../src/report/charts.ts';
import { escapeHtml } from '../../src/report/escape.ts';
import { renderHtml } from '../../src/report/html.ts';
import { describeWith } from '../support/requirement.ts';
import { placeRow, reportData, topItem } from './report-fixture.ts';

/** Debian's chromium by default; EXPOSURE_CHROMIUM points elsewhere (or nowhere, to see the CI failure). */
const CHROMIUM = process.env.EXPOSURE_CHROMIUM ?? '/usr/bin/chromium';
const OUT = resolve('test-output');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const WIDTH = 1400;

const fixture = reportData({
  containers: [placeRow({ name: HOSTILE, url: 'javascript:alert(1)' })],
  topItems: [topItem({ title: HOSTILE })],
});

const chromiumThere = { what: `Chromium at ${CHROMIUM}`, present: existsSync(CHROMIUM) };

describeWith(chromiumThere, 'HTML report in chromium at 1,400 px', () => {
  let browser: Browser;
  let demo: { page: Page; requests: string[] };
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
    demo = await open(html);
    await demo.page.screenshot({ path: join(OUT, 'demo-report.png'), fullPage: true });
  }, 240_000);
  afterAll(() => browser?.close());

  async function open(file: string) {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    return { page, requests };
  }

  it('renders every section offline', async () => {
    const { page, requests } = demo;
    expect(await page.locator('#summary .card').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('#containers tbody tr').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('#exclude-first li').count()).toBeGreaterThan(0);
    expect(await page.locator('#coverage tbody tr').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('#top-items tbody tr').count()).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });

  it('draws the score chart across the page, each bar labelled with its value', async () => {
    const { page } = demo;
    const chart = await page.locator('#score-chart svg').boundingBox();
    const table = await page.locator('#containers').boundingBox();
    expect(chart!.width).toBeGreaterThan(1200);
    expect(chart!.width).toBeCloseTo(table!.width, -1);
    const labels = await page.locator('#score-chart svg text').allTextContents();
    const scores = await page
      .locator('#containers tbody td.n.red, #containers tbody td.n.amber')
      .allTextContents();
    expect(scores.length).toBeGreaterThan(3);
    for (const score of scores) expect(labels).toContain(score);
  });

  it('shows a place it could not read unlike a clean 0, in the chart and in the table', async () => {
    const { page } = demo;
    expect(await page.locator('#score-chart svg text').allTextContents()).toContain('not read');
    const notRead = page.locator('#containers td.na').first();
    const clean = page.locator('#containers td.n.green').first();
    expect(await notRead.textContent()).toBe('not read');
    // Runs in the page: the browser's own computed style, not the stylesheet's text.
    type View = { getComputedStyle(el: unknown): { fontStyle: string; backgroundImage: string } };
    const style = (cell: typeof notRead) =>
      cell.evaluate((el) => {
        const computed = (globalThis as unknown as View).getComputedStyle(el);
        return [computed.fontStyle, computed.backgroundImage] as const;
      });
    const [italic, hatch] = await style(notRead);
    expect([italic, hatch.startsWith('repeating-linear-gradient')]).toEqual(['italic', true]);
    expect(await style(clean)).toEqual(['normal', 'none']);
  });

  it('names personal spaces by their owner, not by a clipped account id', async () => {
    const labels = await demo.page
      .locator('#score-chart svg g[aria-label="y-axis tick label"] text')
      .allTextContents();
    expect(labels.length).toBeGreaterThan(8);
    expect(labels.filter((l) => l.startsWith('~'))).toEqual([]);
  });

  it('stacks severities in the order of the legend, with the legend colours', async () => {
    const { page } = demo;
    const legend = await page.locator('#severity-chart span[class$="-swatch"]').allTextContents();
    expect(legend.map((t) => t.trim()).filter(Boolean)).toEqual(SEVERITY_ORDER);
    // In the secret bar, segments left to right go critical, high, medium, low: colours in legend order.
    const segments = await page.locator('#severity-chart svg g[aria-label="bar"] rect').evaluateAll((rects) =>
      rects.map((r) => ({
        x: Number(r.getAttribute('x')),
        y: r.getAttribute('y'),
        fill: r.getAttribute('fill'),
      })),
    );
    const secret = segments.filter((s) => s.y === segments.at(-1)!.y).sort((a, b) => a.x - b.x);
    const order = secret.map((s) => SEVERITY_COLORS.indexOf(s.fill!));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('says its links are demo links and opens each item inside the report', async () => {
    const { page } = demo;
    expect(await page.locator('#demo-note').textContent()).toMatch(/stops\s+with the demo/);
    const item = page.locator('#top-items details').first();
    await item.locator('summary').click();
    expect(await item.locator('li').first().isVisible()).toBe(true);
    expect(await item.locator('li').first().textContent()).toMatch(
      /^(critical|high|medium|low) \S+ in \S+( \((public reply|internal note|restricted)[^)]*\))?: /,
    );
    await page.screenshot({ path: join(OUT, 'demo-report-item-open.png'), fullPage: false });
  });

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

  // Escaping keeps titles inert (above); the Content-Security-Policy is the second wall, for the day an escape is
  // missed. Here a title reaches the page as markup, as if escaping had failed: the policy must stop it.
  const INJECTED = '<script>window.__pwned=1</script><img src="x" onerror="window.__pwned=2">';
  const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;

  function pageWithUnescapedTitle(): string {
    const html = renderHtml(reportData({ topItems: [topItem({ title: INJECTED })] }));
    const injected = html.replace(escapeHtml(INJECTED), INJECTED);
    expect(injected).not.toBe(html);
    return injected;
  }

  async function pwned(html: string, name: string): Promise<unknown> {
    const file = join(mkdtempSync(join(tmpdir(), 'exposure-csp-')), name);
    writeFileSync(file, html);
    const { page } = await open(file);
    await page.waitForLoadState('load');
    return page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned);
  }

  it('sends a policy that allows no script, no request and no frame', () => {
    const policy = CSP_META.exec(renderHtml(fixture))?.[1] ?? '';
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    for (const fetchesOrRuns of ['script-src', 'connect-src', 'frame-src', 'object-src', 'form-action'])
      expect([fetchesOrRuns, directives.has(fetchesOrRuns)]).toEqual([fetchesOrRuns, false]);
  });

  it('runs no script that reached the page through a title, because of the policy', async () => {
    const injected = pageWithUnescapedTitle();
    expect(await pwned(injected, 'with-policy.html')).toBeUndefined();
    // The same page without its policy does run the script: the test can see an injection when one runs.
    expect(await pwned(injected.replace(CSP_META, ''), 'without-policy.html')).toBeDefined();
  });
});
