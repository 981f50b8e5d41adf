// `exposure detect [FILE...]`: scan files or stdin and print a table of findings; `--jsonl` streams JSON Lines
// documents through the engine (see detect-jsonl.ts).
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { text as readAll } from 'node:stream/consumers';
import { createDetector } from '../detect/engine.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Finding, Severity } from '../types.ts';
import { detectJsonl } from './detect-jsonl.ts';
import { addDetectorOptions, loadDetectorInputs, parseSeverity, reaches } from './detector-setup.ts';
import type { DetectorFlags } from './detector-setup.ts';
import { formatTable } from './text-table.ts';

export interface DetectFlags extends DetectorFlags {
  jsonl?: boolean;
  failOn?: string;
}

export interface CommandIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** 1-based line and column of each offset; offsets must be ascending. */
function locate(text: string, offsets: readonly number[]): Array<{ line: number; column: number }> {
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  return offsets.map((offset) => {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = Math.max(scanned, offset);
    return { line, column: offset - lineStart + 1 };
  });
}

function findingRows(name: string, text: string, findings: readonly Finding[]): string[][] {
  const places = locate(
    text,
    findings.map((f) => f.start),
  );
  return findings.map((f, i) => [
    `${name}:${places[i]!.line}:${places[i]!.column}`,
    f.ruleId,
    f.category,
    f.severity,
    f.confidence.toFixed(2),
    f.preview,
  ]);
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

export async function runDetect(
  files: readonly string[],
  flags: DetectFlags,
  io: CommandIO,
): Promise<number> {
  const failOn: Severity | undefined = flags.failOn === undefined ? undefined : parseSeverity(flags.failOn);
  const inputs = loadDetectorInputs(flags);
  if (flags.jsonl) {
    if (files.length > 0) throw new UsageError('--jsonl reads stdin; do not pass files');
    return detectJsonl(io, inputs, failOn);
  }
  const detector = createDetector(inputs.rules, inputs);
  const rows: string[][] = [];
  let exitCode: number = EXIT.ok;
  const sources = files.length === 0 ? ['-'] : files;
  for (const file of sources) {
    const text = file === '-' ? await readAll(io.stdin) : readInput(file);
    const findings = detector.scan(text);
    rows.push(...findingRows(file === '-' ? '<stdin>' : file, text, findings));
    if (findings.some((f) => reaches(f.severity, failOn))) exitCode = EXIT.findings;
  }
  const header = ['LOCATION', 'RULE', 'CATEGORY', 'SEVERITY', 'CONF', 'PREVIEW'];
  io.stdout.write(rows.length === 0 ? 'no findings\n' : formatTable(header, rows));
  return exitCode;
}

export function register(program: Command): void {
  const command = program
    .command('detect')
    .description('scan files (or stdin) for secrets, PII and PHI and print the findings')
    .argument('[file...]', 'files to scan; none or "-" reads stdin')
    .option('--jsonl', 'read JSON Lines {"id","text"} on stdin, write one JSON line per finding')
    .option(
      '--fail-on <severity>',
      'exit 1 when a finding has this severity or higher (low|medium|high|critical)',
    );
  command.addHelpText(
    'after',
    `
Examples:
  exposure detect notes.txt config.yaml              table: file:line:col, rule, category, severity, preview
  cat dump.txt | exposure detect --fail-on critical  exit 1 on a critical finding
  jq -c '{id: .key, text: .body}' issues.json | exposure detect --jsonl > findings.jsonl`,
  );
  addDetectorOptions(command).action(async (files: string[], flags: DetectFlags) => {
    const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
    process.exitCode = await runDetect(files, flags, io);
  });
}
