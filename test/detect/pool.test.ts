import { afterAll, describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { createPool } from '../../src/detect/pool.ts';

const RULES = 'test/fixtures/rules-engine';
const key = Buffer.alloc(32, 9);
const rules = loadRules(RULES);

// Documents mixing every fixture example with filler, so batches hold findings of every rule.
const samples = rules.flatMap((r) => [...r.spec.examples.match, ...r.spec.examples.nomatch]);
const docs = Array.from({ length: 150 }, (_, i) => ({
  id: `doc-${i}`,
  text: `${'filler text '.repeat(i % 7)}${samples[i % samples.length]}\n${samples[(i * 3) % samples.length]}`,
}));

// Workers load every validator (recognizers-text included) at start-up; allow for a slow, shared machine.
describe('detector pool', { timeout: 90_000 }, () => {
  const pool = createPool({ key, rules, workers: 2, batchSize: 8, maxQueued: 2 });
  afterAll(() => pool.close());

  it('reports ready once every worker has loaded its rules and models', async () => {
    await expect(pool.ready).resolves.toBeUndefined();
  });

  it('rejects ready and scans when a worker cannot load its rules', async () => {
    // A pattern the worker cannot compile (the loader would have refused it): the worker fails at start-up.
    const unloadable = { ...rules[0]!, spec: { ...rules[0]!.spec, regex: '(' } };
    const broken = createPool({ key, rules: [unloadable], workers: 1 });
    try {
      await expect(broken.ready).rejects.toThrow(/detector worker failed/);
      await expect(broken.scanBatch(docs.slice(0, 2))).rejects.toThrow(/detector worker failed/);
    } finally {
      await broken.close();
    }
  });

  it('returns the single-thread findings, in document order', async () => {
    const single = createDetector(rules, { key });
    const pooled = await pool.scanBatch(docs);
    expect(pooled).toEqual(docs.map((doc) => single.scan(doc.text)));
    expect(pooled.flat().length).toBeGreaterThan(100);
  });

  it('keeps order across concurrent callers with a bounded queue', async () => {
    const halves = [docs.slice(0, 75), docs.slice(75)];
    const [first, second] = await Promise.all(halves.map((half) => pool.scanBatch(half)));
    const single = createDetector(rules, { key });
    expect([...first!, ...second!]).toEqual(docs.map((doc) => single.scan(doc.text)));
  });

  it.each([
    ['one document per message', { batchSize: 1 }],
    ['messages closed by size', { batchChars: 300 }],
    ['everything in one message', { batchSize: 10_000, batchChars: 1e9 }],
  ])('keeps document order with %s', async (_name, batching) => {
    const sized = createPool({ key, rules, workers: 2, ...batching });
    try {
      const single = createDetector(rules, { key });
      expect(await sized.scanBatch(docs)).toEqual(docs.map((d) => single.scan(d.text)));
    } finally {
      await sized.close();
    }
  });

  it.each([[{ categories: ['pii' as const] }], [{ minConfidence: 0.75 }]])(
    'passes detector options %o to its workers',
    async (options) => {
      const filtered = createPool({ key, rules, workers: 1, ...options });
      try {
        const single = createDetector(rules, { key, ...options });
        expect(await filtered.scanBatch(docs.slice(0, 40))).toEqual(
          docs.slice(0, 40).map((d) => single.scan(d.text)),
        );
      } finally {
        await filtered.close();
      }
    },
  );
});
