// One pool worker: loads the rules itself (compiled regexes cannot cross threads) and scans batches of texts.
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

parentPort!.on('message', (texts: string[]) => {
  let reply: WorkerReply;
  try {
    reply = { findings: texts.map((text) => detector.scan(text)) };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
