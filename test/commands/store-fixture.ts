// A small scanned database for the command tests: two runs over ENG (Confluence), ENG (Jira) and OPS.
import { Writable } from 'node:stream';
import { vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { openStore } from '../../src/store/store.ts';
import { beginRun, container, item, randomValue, scanned, tempDir } from '../store/helpers.ts';

export const KEY = randomValue('FKEYAAAA9999AAAA9999');
export const OTHER_KEY = randomValue('FKEYAAAA9999AAAA9999');
export const MAIL = `${randomValue('AAAAAA').toLowerCase()}@example.test`;

/** Run 1: ENG/1 {KEY, MAIL}, jira ENG/2 {KEY}, OPS/3 {}. Run 2: ENG/1 {MAIL}, OPS/3 {OTHER_KEY}. */
export function scannedDatabase(): { path: string; runs: number[]; cleanup(): void } {
  const temp = tempDir();
  const store = openStore(temp.path);
  const spaces = [container('ENG'), container('ENG', 'jira'), container('OPS')];
  const contents = [
    { eng: `${KEY} ${MAIL}`, ops: 'clean' },
    { eng: MAIL, ops: OTHER_KEY },
  ];
  const runs = contents.map((content) => {
    const { runId } = beginRun(store, spaces);
    store.scans.record(runId, [
      scanned(item('ENG', '1'), content.eng),
      scanned(item('ENG', '2', {}, 'jira'), KEY),
      scanned(item('OPS', '3'), content.ops),
    ]);
    store.runs.finish(runId, 'complete');
    store.scores.compute(runId);
    return runId;
  });
  store.close();
  return { path: temp.path, runs, cleanup: temp.cleanup };
}

/** A stdout that keeps what is written. */
export function capture(): { stdout: Writable; text(): string } {
  let text = '';
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stdout, text: () => text };
}

/** Runs the CLI in-process with its output silenced; returns the exit code. */
export async function runCli(args: string[]): Promise<number> {
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await main(args);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
}
