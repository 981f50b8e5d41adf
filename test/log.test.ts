import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/errors.ts';
import { createLogger } from '../src/log.ts';
import { describeWith } from './support/requirement.ts';

const dir = mkdtempSync(join(tmpdir(), 'exposure-log-'));
const immutable: string[] = [];
afterAll(() => {
  for (const file of immutable) execFileSync('chattr', ['-i', file]);
  rmSync(dir, { recursive: true, force: true });
});

const mode = (file: string) => statSync(file).mode & 0o777;

/** Whether this process may set the immutable flag here (root, on a file system with attributes). */
function canMakeImmutable(): boolean {
  const probe = join(dir, 'immutable-probe');
  try {
    writeFileSync(probe, '');
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('log file', () => {
  it('is created owner-only, with its missing folders', () => {
    const file = join(dir, 'nested', 'deeper', 'scan.log');
    createLogger({ file, level: 'info' }).info({ project: 'OPS' }, 'crawl started');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8').trim())).toMatchObject({
      project: 'OPS',
      msg: 'crawl started',
    });
  });

  it.each(['644', '666', '640', '604'])(
    'tightens an existing log file of mode %s to 0600, and appends to it',
    (before) => {
      const file = join(dir, `existing-${before}.log`);
      writeFileSync(file, '{"msg":"last night"}\n');
      chmodSync(file, parseInt(before, 8));
      createLogger({ file, level: 'info' }).info('tonight');
      expect(mode(file)).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toMatch(/last night.*\n.*tonight/s);
    },
  );

  it.each([
    ['authorization header', { headers: { authorization: 'Basic c2VjcmV0' } }, 'c2VjcmV0'],
    ['token', { token: 'ATATT-not-a-real-token' }, 'ATATT-not-a-real-token'],
    ['document text', { doc: { text: 'ssn 123-45-6789' } }, '123-45-6789'],
  ])('redacts %s as a backstop', (_name, fields, raw) => {
    const file = join(dir, `redact-${raw.length}.log`);
    createLogger({ file, level: 'info' }).info(fields, 'request');
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('[redacted]');
    expect(written).not.toContain(raw);
  });
});

describe('log lines on a terminal', () => {
  it.each([
    [
      { project: 'FIN', error: '403' },
      'project not fully readable',
      'warn: project not fully readable (project=FIN, error=403)\n',
    ],
    [{}, 'scan started', 'warn: scan started\n'],
    [{ counts: { forbidden: 1 } }, 'gaps', 'warn: gaps (counts={"forbidden":1})\n'],
  ])('are written for a person, never as JSON: %j', (fields, message, expected) => {
    const lines: string[] = [];
    createLogger({ level: 'warn', human: true, stderr: { write: (l) => lines.push(l) } }).warn(
      fields,
      message,
    );
    expect(lines).toEqual([expected]);
  });

  it('stay JSON in a log file, and without a terminal', () => {
    const lines: string[] = [];
    createLogger({ level: 'warn', stderr: { write: (l) => lines.push(l) } }).warn({ project: 'FIN' }, 'x');
    expect(JSON.parse(lines[0]!)).toMatchObject({ project: 'FIN', msg: 'x' });
  });
});

describeWith(
  { what: 'the privilege to make a file immutable (root, chattr)', present: canMakeImmutable() },
  'a log file that cannot be tightened',
  () => {
    it('is refused with one line naming the file, and left as it was', () => {
      const file = join(dir, 'stuck.log');
      writeFileSync(file, 'kept\n');
      chmodSync(file, 0o644);
      execFileSync('chattr', ['+i', file]);
      immutable.push(file);
      expect(() => createLogger({ file })).toThrow(ConfigError);
      expect(() => createLogger({ file })).toThrow(/^the log file .*stuck\.log is readable by other users/);
      expect([mode(file), readFileSync(file, 'utf8')]).toEqual([0o644, 'kept\n']);
    });
  },
);
