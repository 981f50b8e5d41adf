// Deterministic in-memory corpora for the detection benchmarks: labelled positives (value offsets known),
// benign engineering text (every finding on it is a false positive), and a large mixed throughput corpus.

import { benignBlock, benignParagraph } from '../src/synth/benign.ts';
import { createRng, type Rng } from '../src/synth/rng.ts';
import { SENSITIVE_KINDS, type SensitiveKind } from '../src/synth/sensitive.ts';
import type { Category } from '../src/types.ts';

export interface Positive {
  kind: string;
  category: Category;
  ruleIds: readonly string[];
  text: string;
  /** The planted value is text.slice(start, end). */
  start: number;
  end: number;
}

export interface BenchDoc {
  id: string;
  text: string;
}

/** One labelled snippet; half of them sit inside benign prose, as values do in real tickets. */
export function positiveExample(rng: Rng, kind: SensitiveKind): Positive {
  const value = kind.generate(rng);
  const snippet = kind.wrap(rng, value);
  const before = rng.chance(0.5) ? `${benignParagraph(rng)}\n\n` : '';
  const after = rng.chance(0.5) ? `\n\n${benignParagraph(rng)}` : '';
  const start = before.length + snippet.indexOf(value);
  return {
    kind: kind.kind,
    category: kind.category,
    ruleIds: kind.ruleIds,
    text: `${before}${snippet}${after}`,
    start,
    end: start + value.length,
  };
}

/** `perKind` examples of every kind (default: at least 30 each and >= 2,000 in total). */
export function positiveCorpus(
  seed = 1,
  perKind = Math.max(30, Math.ceil(2000 / SENSITIVE_KINDS.length)),
): Positive[] {
  const root = createRng(seed);
  return SENSITIVE_KINDS.flatMap((kind) => {
    const rng = root.fork(kind.kind);
    return Array.from({ length: perKind }, () => positiveExample(rng, kind));
  });
}

/**
 * The value with no label or context of its own, between two benign paragraphs: measures how much each rule
 * relies on context words (rules that require context miss here by design).
 */
export function barePositiveCorpus(seed = 4, perKind = 30): Positive[] {
  const root = createRng(seed);
  return SENSITIVE_KINDS.flatMap((kind) => {
    const rng = root.fork(kind.kind);
    return Array.from({ length: perKind }, () => {
      const value = kind.generate(rng);
      const before = `${benignParagraph(rng, 'engineering')} `;
      const text = `${before}${value} ${benignParagraph(rng, 'engineering')}`;
      return {
        kind: kind.kind,
        category: kind.category,
        ruleIds: kind.ruleIds,
        text,
        start: before.length,
        end: before.length + value.length,
      };
    });
  });
}

/** A document of roughly ticket/page size (0.5-8 KB) built from benign blocks. */
function benignDoc(rng: Rng, plant: (() => string) | undefined, plantChance: number): string {
  const target = rng.int(500, 8000);
  const parts: string[] = [];
  let length = 0;
  while (length < target) {
    const block = plant && rng.chance(plantChance) ? plant() : benignBlock(rng);
    parts.push(block);
    length += block.length + 2;
  }
  return parts.join('\n\n');
}

function docsOf(bytes: number, prefix: string, makeDoc: () => string): BenchDoc[] {
  const docs: BenchDoc[] = [];
  let total = 0;
  while (total < bytes) {
    const text = makeDoc();
    docs.push({ id: `${prefix}-${docs.length}`, text });
    total += text.length;
  }
  return docs;
}

/** Benign documents totalling at least `bytes` characters (default 5 MB). */
export function benignCorpus(seed = 2, bytes = 5_000_000): BenchDoc[] {
  const rng = createRng(seed);
  return docsOf(bytes, 'benign', () => benignDoc(rng, undefined, 0));
}

export interface MixedCorpus {
  docs: BenchDoc[];
  /** Characters of planted sensitive snippets, to report the real share. */
  plantedChars: number;
}

/**
 * Benign documents with sensitive snippets mixed in (about `positiveShare` of the characters, default
 * 0.1%), totalling at least `bytes` characters (default 50 MB).
 */
export function throughputCorpus(seed = 3, bytes = 50_000_000, positiveShare = 0.001): MixedCorpus {
  const rng = createRng(seed);
  const plantRng = rng.fork('plant');
  let plantedChars = 0;
  const plant = (): string => {
    const kind = plantRng.pick(SENSITIVE_KINDS);
    const snippet = kind.wrap(plantRng, kind.generate(plantRng));
    plantedChars += snippet.length;
    return snippet;
  };
  // Benign blocks average ~325 characters and snippets ~140 (measured), hence this per-block chance.
  const chance = (positiveShare * 325) / 140;
  const docs = docsOf(bytes, 'mixed', () => benignDoc(rng, plant, chance));
  return { docs, plantedChars };
}

export const totalChars = (docs: readonly { text: string }[]): number =>
  docs.reduce((sum, doc) => sum + doc.text.length, 0);

export const MB = 1_000_000;
