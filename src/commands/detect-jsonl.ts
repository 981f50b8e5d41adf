// `exposure detect --jsonl`: JSON Lines documents in, one JSON line per finding out, in input order, with
// memory bounded by a few batches whatever the input size. Small inputs are scanned in-process; once the input
// has proven big, batches go to the worker pool. A malformed line is reported by number (never its content),
// skipped, and turns the exit code to 2 at the end.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { createDetector } from '../detect/engine.ts';
import { createPool } from '../detect/pool.ts';
import type { DetectorPool, ScanDoc } from '../detect/pool.ts';
import { EXIT } from '../errors.ts';
import type { Finding, Severity } from '../types.ts';
import type { CommandIO } from './detect.ts';
import type { DetectorInputs } from './detector-setup.ts';
import { reaches } from './detector-setup.ts';

/** Input size after which the worker pool pays for its start-up. */
const POOL_THRESHOLD_BYTES = 4 * 1024 * 1024;
const BATCH_DOCS = 32;
const BATCH_BYTES = 1024 * 1024;

/** The document on one line, or the problem with it (which never quotes the line). */
export function parseDocLine(line: string): ScanDoc | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'invalid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const { id, text } = value as Record<string, unknown>;
  if (typeof id !== 'string') return '"id" must be a string';
  if (typeof text !== 'string') return '"text" must be a string';
  return { id, text };
}

function findingLines(docs: readonly ScanDoc[], results: readonly Finding[][]): string {
  let out = '';
  docs.forEach((doc, i) => {
    for (const f of results[i]!) {
      const { ruleId, category, severity, confidence, start, end, preview } = f;
      out +=
        JSON.stringify({ id: doc.id, ruleId, category, severity, confidence, start, end, preview }) + '\n';
    }
  });
  return out;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (chunk !== '' && !out.write(chunk)) await once(out, 'drain');
}

export async function detectJsonl(io: CommandIO, inputs: DetectorInputs, failOn: Severity | undefined) {
  const detector = createDetector(inputs.rules, inputs);
  let pool: DetectorPool | undefined;
  const inFlight: Array<{ docs: ScanDoc[]; results: Promise<Finding[][]> }> = [];
  let malformed = false;
  let failing = false;
  let bytesSeen = 0;

  const emit = async (docs: ScanDoc[], results: Finding[][]) => {
    failing ||= results.some((findings) => findings.some((f) => reaches(f.severity, failOn)));
    await write(io.stdout, findingLines(docs, results));
  };
  const drainOne = async () => {
    const head = inFlight.shift()!;
    await emit(head.docs, await head.results);
  };
  const flush = async (docs: ScanDoc[]) => {
    if (docs.length === 0) return;
    if (bytesSeen < POOL_THRESHOLD_BYTES && !pool)
      return emit(
        docs,
        docs.map((doc) => detector.scan(doc.text)),
      );
    pool ??= createPool(inputs);
    inFlight.push({ docs, results: pool.scanBatch(docs) });
    if (inFlight.length >= pool.size * 2) await drainOne();
  };

  try {
    let batch: ScanDoc[] = [];
    let batchBytes = 0;
    let lineNumber = 0;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      lineNumber++;
      bytesSeen += line.length;
      if (line.trim() === '') continue;
      const doc = parseDocLine(line);
      if (typeof doc === 'string') {
        malformed = true;
        io.stderr.write(`line ${lineNumber}: ${doc}\n`);
        continue;
      }
      batch.push(doc);
      batchBytes += doc.text.length;
      if (batch.length >= BATCH_DOCS || batchBytes >= BATCH_BYTES) {
        await flush(batch);
        batch = [];
        batchBytes = 0;
      }
    }
    await flush(batch);
    while (inFlight.length > 0) await drainOne();
  } finally {
    await pool?.close();
  }
  if (malformed) return EXIT.usage;
  return failing ? EXIT.findings : EXIT.ok;
}
