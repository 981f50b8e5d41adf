// A 20 MB storage body is extracted in a child process whose heap is capped at 64 MB: an extractor that built a
// tree, or kept more than its output budget, would die of heap exhaustion there.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const storageModule = fileURLToPath(new URL('../../src/text/storage.ts', import.meta.url));

const CHILD = `
const { storageToText } = await import(process.argv[1]);
const unit = '<p>Deploy notes&nbsp;for <a href="https://h.test/x?a=1&amp;b=2">runbook</a></p>'
  + '<table><tbody><tr><td>user</td><td>svc-Kq7</td></tr></tbody></table>'
  + '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[export TOKEN=Zx81 <>&\\n]]>'
  + '</ac:plain-text-body></ac:structured-macro>';
const body = unit.repeat(Math.ceil(20_000_000 / unit.length));
/x$/.test(body); // String#repeat builds a rope; flatten it now so its flat copy is not counted as growth.
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const result = storageToText(body, { maxChars: Number(process.argv[2]) });
globalThis.gc();
const heapGrowth = process.memoryUsage().heapUsed - before;
console.log(JSON.stringify({ input: body.length, output: result.text.length, truncated: result.truncated,
  endsWith: result.text.slice(-40), heapGrowth }));
`;

interface ChildReport {
  input: number;
  output: number;
  truncated: boolean;
  endsWith: string;
  heapGrowth: number;
}

function extractInSmallHeap(maxChars: number): ChildReport {
  const child = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=64',
      '--expose-gc',
      '--input-type=module',
      '-e',
      CHILD,
      storageModule,
      String(maxChars),
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(child.status, child.stderr.slice(0, 500)).toBe(0);
  return JSON.parse(child.stdout) as ChildReport;
}

describe('storageToText on a 20 MB body', () => {
  it.each<[string, number, boolean]>([
    ['within a budget larger than the text', 30_000_000, false],
    ['cut at the default-sized budget', 5_000_000, true],
  ])(
    '%s: bounded heap',
    (_name, maxChars, truncated) => {
      const report = extractInSmallHeap(maxChars);
      expect(report.input).toBeGreaterThanOrEqual(20_000_000);
      expect(report.truncated).toBe(truncated);
      expect(report.output).toBeLessThanOrEqual(maxChars);
      if (!truncated) expect(report.endsWith).toContain('export TOKEN=Zx81 <>&');
      // What stays reachable afterwards is the output (one byte per character here) and nothing else of size.
      expect(report.heapGrowth).toBeLessThan(report.output + 2_000_000);
    },
    90_000,
  );
});
