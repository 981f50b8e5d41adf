// One pool worker: loads the rules itself (compiled regexes cannot cross threads), loads the recognizers-text
// models the pii validators call, reports ready, then scans batches of texts.
import { parentPort, workerData } from 'node:worker_threads';
import { createDetector } from './engine.ts';
import { loadRules } from './load-rules.ts';
import type { WorkerConfig, WorkerReply } from './pool.ts';

const config = workerData as WorkerConfig;
const detector = createDetector(loadRules(config.rulesDir), {
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
