// Benign engineering text for corpora and the fake site: prose, code, logs, identifiers. None of it
// carries a sensitive value; detectors that fire on it are producing false positives.

import type { Rng } from './rng.ts';
import { codeBlock } from './benign/code.ts';
import { base64Blob } from './benign/identifiers.ts';
import { logLines } from './benign/logs.ts';
import { lookalikeLines } from './benign/lookalikes.ts';
import { paragraph, summary, testCardDocs, type ProseTopic } from './benign/prose.ts';

export {
  javaStackTrace,
  kubernetesYaml,
  nodeStackTrace,
  placeholderConfig,
  pythonTraceback,
  sqlSnippet,
} from './benign/code.ts';
export type { ProseTopic } from './benign/prose.ts';

export const benignParagraph = (rng: Rng, topic?: ProseTopic): string => paragraph(rng, topic);
export const benignSummary = (rng: Rng, topic?: ProseTopic): string => summary(rng, topic);
export const benignCodeBlock = (rng: Rng): string => codeBlock(rng);
export const benignLogLines = (rng: Rng, n: number): string => logLines(rng, n);

/** One block of a ticket or page body, mixing prose with the technical material tickets carry. */
export function benignBlock(rng: Rng, topic?: ProseTopic): string {
  const roll = rng.next();
  if (roll < 0.4) return paragraph(rng, topic);
  if (roll < 0.62) return codeBlock(rng);
  if (roll < 0.78) return logLines(rng, rng.int(2, 8));
  if (roll < 0.88) return lookalikeLines(rng, rng.int(1, 3));
  if (roll < 0.95) return `Attached thumbnail (base64): ${base64Blob(rng)}`;
  return testCardDocs(rng);
}

export interface BenignTicket {
  summary: string;
  description: string;
  comments: string[];
}

export function benignTicket(rng: Rng, topic?: ProseTopic): BenignTicket {
  const blocks = Array.from({ length: rng.int(1, 4) }, () => benignBlock(rng, topic));
  return {
    summary: summary(rng, topic),
    description: [paragraph(rng, topic), ...blocks].join('\n\n'),
    comments: Array.from({ length: rng.int(0, 4) }, () =>
      rng.chance(0.7) ? paragraph(rng, topic) : benignBlock(rng, topic),
    ),
  };
}

/** Benign text of at least `minChars` characters, blocks separated by blank lines. */
export function benignDocument(rng: Rng, minChars: number, topic?: ProseTopic): string {
  const parts: string[] = [];
  let length = 0;
  while (length < minChars) {
    const block = benignBlock(rng, topic);
    parts.push(block);
    length += block.length + 2;
  }
  return parts.join('\n\n');
}
