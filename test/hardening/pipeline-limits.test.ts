// The whole content pipeline (extractor, then the engine with the real rules) at its limits: documents nested
// 100,000 deep do not overflow the stack, and a 20 MB body is scanned, or cut at the budget with the cut
// reported, inside a capped heap with bounded growth.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { createRng } from '../../src/synth/rng.ts';
import { SECRET_KINDS } from './planted-arbitraries.ts';
import { adfToText } from '../../src/text/adf.ts';
import { storageToText } from '../../src/text/storage.ts';

const RULES = fileURLToPath(new URL('../../rules', import.meta.url));
const detector = createDetector(loadRules(RULES), { key: Buffer.alloc(32, 7) });
const DEPTH = 100_000;

function secret(kindName: string, seed: number): { value: string; snippet: string; ruleIds: string[] } {
  const kind = SECRET_KINDS.find((k) => k.kind === kindName)!;
  const rng = createRng(seed);
  const value = kind.generate(rng);
  return { value, snippet: kind.wrap(rng, value), ruleIds: kind.ruleIds };
}

function nestedAdf(text: string): unknown {
  let node: unknown = { type: 'paragraph', content: [{ type: 'text', text }] };
  for (let i = 0; i < DEPTH; i++) node = { type: i % 2 ? 'blockquote' : 'panel', content: [node] };
  return { type: 'doc', content: [node] };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe(`documents nested ${DEPTH.toLocaleString('en')} deep, through extractor and engine`, () => {
  const { value, snippet, ruleIds } = secret('github-pat-classic', 11);
  it.each<[string, () => string]>([
    ['ADF object', () => adfToText(nestedAdf(snippet)).text],
    [
      'ADF JSON text',
      () =>
        adfToText(
          '{"type":"doc","content":[' +
            '{"type":"panel","content":['.repeat(DEPTH) +
            JSON.stringify({ type: 'text', text: snippet }) +
            ']}'.repeat(DEPTH) +
            ']}',
        ).text,
    ],
    [
      'storage rich-text macros',
      () =>
        storageToText(
          '<ac:structured-macro ac:name="info"><ac:rich-text-body>'.repeat(DEPTH) +
            `<p>${escapeXml(snippet)}</p>` +
            '</ac:rich-text-body></ac:structured-macro>'.repeat(DEPTH),
        ).text,
    ],
    ['storage never closed', () => storageToText('<div><ul><li>'.repeat(DEPTH) + escapeXml(snippet)).text],
  ])('%s: the planted secret is found', (_name, extract) => {
    const text = extract();
    const at = text.indexOf(value);
    expect(at).toBeGreaterThanOrEqual(0);
    const hits = detector
      .scan(text)
      .filter((f) => ruleIds.includes(f.ruleId) && f.start >= at && f.end <= at + value.length);
    expect(hits).not.toEqual([]);
  });
});

interface LargeBodyReport {
  input: number;
  output: number;
  truncated: boolean;
  firstFound: boolean;
  lastFound: boolean;
  heapGrowth: number;
  ms: number;
}

function scanLargeBody(maxChars: number, first: string, last: string): LargeBodyReport {
  const child = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=384',
      '--expose-gc',
      fileURLToPath(new URL('./large-body-child.ts', import.meta.url)),
      String(maxChars),
      first,
      last,
      RULES,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(child.status, child.stderr.slice(0, 500)).toBe(0);
  return JSON.parse(child.stdout) as LargeBodyReport;
}

describe('a 20 MB storage body through extractor and engine, heap capped at 384 MB', () => {
  const first = secret('aws-access-key-id', 21).snippet;
  const last = secret('slack-bot-token', 22).snippet;
  it.each<[string, number, boolean]>([
    ['scanned whole within a larger budget', 30_000_000, false],
    ['cut at a 5,000,000-character budget, and the cut reported', 5_000_000, true],
  ])(
    '%s',
    (_name, maxChars, truncated) => {
      const report = scanLargeBody(maxChars, first, last);
      expect(report.input).toBeGreaterThanOrEqual(20_000_000);
      expect(report.truncated).toBe(truncated);
      expect(report.output).toBeLessThanOrEqual(maxChars);
      expect(report.firstFound).toBe(true);
      expect(report.lastFound).toBe(!truncated);
      // What stays reachable is the extracted text (one byte per character here) and the findings: generous.
      expect(report.heapGrowth).toBeLessThan(report.output + 8_000_000);
    },
    120_000,
  );
});
