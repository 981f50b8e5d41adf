import { describe, expect, it } from 'vitest';
import { benignCorpus, positiveCorpus, throughputCorpus, totalChars } from '../../bench/corpus.ts';
import { SENSITIVE_KINDS } from '../../src/synth/sensitive.ts';
import { VALID } from './kind-checks.ts';

const positives = positiveCorpus();

describe('bench corpora', () => {
  it('has at least 2,000 positives covering every kind', () => {
    expect(positives.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(positives.map((p) => p.kind))).toEqual(new Set(SENSITIVE_KINDS.map((k) => k.kind)));
  });

  it.each(SENSITIVE_KINDS.map((k) => [k.kind]))('%s: every labelled span holds a valid value', (kind) => {
    const mine = positives.filter((p) => p.kind === kind);
    const invalid = mine.filter((p) => !VALID[kind]!(p.text.slice(p.start, p.end)));
    expect(invalid.map((p) => p.text.slice(p.start, p.end))).toEqual([]);
  });

  it('is deterministic for a seed', () => {
    expect(positiveCorpus(5, 2)).toEqual(positiveCorpus(5, 2));
    expect(benignCorpus(5, 50_000)).toEqual(benignCorpus(5, 50_000));
    expect(benignCorpus(5, 50_000)).not.toEqual(benignCorpus(6, 50_000));
  });

  it('sizes the benign and mixed corpora as asked, with about 0.1% planted characters', () => {
    expect(totalChars(benignCorpus(2, 300_000))).toBeGreaterThanOrEqual(300_000);
    const mixed = throughputCorpus(3, 3_000_000);
    const chars = totalChars(mixed.docs);
    expect(chars).toBeGreaterThanOrEqual(3_000_000);
    expect(mixed.plantedChars / chars).toBeGreaterThan(0.0005);
    expect(mixed.plantedChars / chars).toBeLessThan(0.002);
  });
});
