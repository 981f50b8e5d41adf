// The figures that judge detection: other projects' test material in ../shared/eval (gitleaks and Presidio cases,
// real Jira issues, de-identification gold-standard clinical notes), scored by that folder's own scorers through
// the built CLI's `detect --jsonl`. bench:accuracy prints them beside its own generated-corpus figures, because a
// generated corpus only measures what its author imagined.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const EVAL_DIR = resolve(import.meta.dirname, '..', '..', 'shared', 'eval');
const CLI = resolve(import.meta.dirname, '..', 'dist', 'src', 'cli.js');
const DETECT = `node ${CLI} detect --jsonl`;

function run(script: string, args: string[]): string {
  const result = spawnSync(process.execPath, [join(EVAL_DIR, script), '--cmd', DETECT, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) return `${script} failed (exit ${result.status}): ${result.stderr.trim()}`;
  return result.stdout;
}

/** Lines of a scorer's report worth quoting (family rows, macro recall, summaries), with the first table header. */
function keep(report: string, pattern: RegExp): string {
  const lines = report.split('\n');
  const header = lines.find((line) => line.startsWith('name '));
  const kept = lines.filter((line) => pattern.test(line));
  return (header ? [header, ...kept] : kept).join('\n');
}

export function printThirdPartyEval(): void {
  console.log('\n== Third-party material (../shared/eval, development half; scored by its own scorers)');
  if (!existsSync(EVAL_DIR)) return console.log(`not available: ${EVAL_DIR} is missing`);
  if (!existsSync(CLI))
    return console.log('not available: run `npm run build` first (the scorers drive dist/)');
  const cases = run('score.mjs', []);
  console.log(keep(cases, /^(secret |pii |phi |overall |macro recall|EVAL)/));
  const pii = run('score.mjs', [
    '--family',
    'pii,phi',
    '--tier',
    'core,locale',
    '--exclude-tag',
    'reserved,test-value',
  ]);
  console.log('\nPII/PHI, core and locale tiers, reserved and test values excluded:');
  console.log(keep(pii, /^(pii |phi |EVAL )/));
  const notes = join(EVAL_DIR, 'clinical-notes-dev.jsonl');
  const benign = join(EVAL_DIR, 'benign-jira-dev.jsonl');
  console.log('\nClinical notes and real Jira issues:');
  console.log(
    keep(run('corpus-score.mjs', ['--notes', notes, '--benign', benign]), /^(NOTES| {2}span|BENIGN)/),
  );
}
