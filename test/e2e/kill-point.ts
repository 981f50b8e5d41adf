// Kills a running scan once its database holds a given number of items: some committed work, not all of it.
import { setTimeout as sleep } from 'node:timers/promises';
import { storedItems } from './db-state.ts';
import type { RunningScan, ScanExit } from './scan-process.ts';

export async function killAfterItems(
  scan: RunningScan,
  db: string,
  items: number,
  signal: NodeJS.Signals,
): Promise<ScanExit & { itemsAtKill: number }> {
  let ended = false;
  void scan.exited.then(() => (ended = true));
  let seen = 0;
  while (!ended && (seen = storedItems(db)) < items) await sleep(20);
  if (!ended) scan.child.kill(signal);
  return { ...(await scan.exited), itemsAtKill: seen };
}
