// One pool worker: compiles the rules the main thread read and validated (their plain data crosses threads; no
// YAML is parsed again), loads the recognizers-text models the pii validators call, reports ready, then scans
// batches of texts.
import { parentPort, workerData } from 'node:worker_threads';
import { createDetector } from './engine.ts';
import { compileRule } from './compile-rule.ts';
import type { WorkerConfig, WorkerReply } from './pool.ts';

const config = workerData as WorkerConfig;
const detector = createDetector(config.rules.map(compileRule), {
  key: Buffer.from(config.key),
  categories: config.categories,
  minConfidence: config.minConfidence,
});
// Loading the date-time model takes ~0.5 s of CPU. Left to the first date candidate, it stalls that worker's
// batch while its peer idles at the end of a scanBatch call; here it overlaps the caller's own start-up.
detector.warm();
parentPort!.postMessage({ ready: true } satisfies WorkerReply);

parentPort!.on('message', (texts: string[]) => {
  let reply: WorkerReply;
  try {
    reply = { findings: texts.map((text) => detector.scan(text)) };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
