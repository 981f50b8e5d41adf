// secretlint with its recommended preset, the peer bench:detect compares with, measured two ways:
// - in-process: @secretlint/core's lintSource on each document string (no file or start-up cost: the fairest
//   comparison of the scanning work itself);
// - its CLI, the way users run it: the documents written as files in a temporary folder, one `secretlint`
//   process over a glob, start-up, file reading and output included. Its CPU comes from GNU time.

import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Timing } from './bench-format.ts';
import type { BenchDoc } from './corpus.ts';

const SECRETLINT_CONFIG = {
  rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendedPreset }],
};

/** One secretlint message: its rule's message id and the range it flags, in the document's string indices. */
export interface SecretlintMessage {
  messageId: string;
  range: readonly [number, number];
}

/** secretlint's messages per document, each document linted in this process. */
export async function secretlintMessages(
  docs: readonly BenchDoc[],
): Promise<Map<BenchDoc, SecretlintMessage[]>> {
  const byDoc = new Map<BenchDoc, SecretlintMessage[]>();
  for (const doc of docs) {
    const result = await lintSource({
      source: { content: doc.text, filePath: `/corpus/${doc.id}.txt`, ext: '.txt', contentType: 'text' },
      options: { config: SECRETLINT_CONFIG, maskSecrets: true, noPhysicFilePath: true },
    });
    byDoc.set(doc, result.messages);
  }
  return byDoc;
}

/** How many messages secretlint reports over the documents. */
export async function secretlintInProcess(docs: readonly BenchDoc[]): Promise<number> {
  let count = 0;
  for (const messages of (await secretlintMessages(docs)).values()) count += messages.length;
  return count;
}

const GNU_TIME = '/usr/bin/time';
// The package exports no bin path; its package.json "bin" names the script, next to package.json.
const CLI = join(
  dirname(createRequire(import.meta.url).resolve('secretlint/package.json')),
  'bin/secretlint.js',
);

export interface CliRun {
  timing: Timing;
  messages: number;
}

/** The documents as files in a fresh temporary folder; call `remove` when done. */
export function writeCorpusFolder(docs: readonly BenchDoc[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'exposure-bench-secretlint-'));
  for (const doc of docs) writeFileSync(join(dir, `${doc.id}.txt`), doc.text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * One `secretlint "<dir>/**\/*"` run with the recommended preset and its `unix` formatter (one line per
 * message). CPU is the child's user + system time from GNU time, or NaN where /usr/bin/time is missing.
 */
export function secretlintCli(dir: string): CliRun {
  const args = [
    CLI,
    `${dir}/**/*`,
    '--secretlintrcJSON',
    JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }),
    '--format',
    'unix',
    '--no-color',
  ];
  const withTime = existsSync(GNU_TIME);
  const [command, commandArgs] = withTime
    ? [GNU_TIME, ['-f', 'cpu %U %S', process.execPath, ...args]]
    : [process.execPath, args];
  const started = process.hrtime.bigint();
  const run = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  // Exit 1 means "secrets found"; anything else is a failed run whose figures would mislead.
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(
      `secretlint CLI exited with ${run.status}: ${run.stderr.split('\n').slice(-3).join(' ')}`,
    );
  }
  const cpuLine = /cpu (\d+\.\d+) (\d+\.\d+)\s*$/.exec(run.stderr);
  const cpu = cpuLine ? Number(cpuLine[1]) + Number(cpuLine[2]) : Number.NaN;
  const messages = run.stdout.split('\n').filter((line) => /:\d+:\d+: /.test(line)).length;
  return { timing: { wall, cpu }, messages };
}
