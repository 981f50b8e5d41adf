import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

const dir = mkdtempSync(join(tmpdir(), 'exposure-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
