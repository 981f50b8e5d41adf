import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDetect } from '../../src/commands/detect.ts';
import { createDetector } from '../../src/detect/engine.ts';
import { loadOrCreateKey } from '../../src/detect/redact.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { commandIO } from './command-io.ts';

const RULES = 'test/fixtures/rules-engine';
const TOKEN = 'tok_Zk3m9QpL2vX8bN4cR7tY1wE6';
const dir = mkdtempSync(join(tmpdir(), 'exposure-detect-'));
const keyFile = join(dir, 'fingerprint.key');
const flags = { rulesDir: RULES, keyFile };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const docLine = (id: string, text: string) => JSON.stringify({ id, text });

describe('exposure detect FILE', () => {
  const file = join(dir, 'notes.txt');
  writeFileSync(file, `first line\n  db password = Hq7#kLp2!vZ9\ncard 5500 0000 0000 0004 and ${TOKEN}\n`);

  it('prints file:line:col, rule, category, severity, confidence and a masked preview', async () => {
    const { io, out } = commandIO();
    expect(await runDetect([file], flags, io)).toBe(0);
    const rows = out.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^LOCATION\s+RULE\s+CATEGORY\s+SEVERITY\s+CONF\s+PREVIEW$/);
    expect(rows.slice(1).map((row) => row.split(/\s{2,}/))).toEqual([
      [`${file}:2:17`, 'fixture-password', 'secret', 'medium', '0.80', 'Hq********Z9'],
      [`${file}:3:6`, 'fixture-card', 'pii', 'high', '0.70', '•••• •••• •••• 0004'],
      [`${file}:3:30`, 'fixture-token', 'secret', 'high', '0.80', 'tok_********************1wE6'],
    ]);
    expect(out.stdout).not.toContain('Hq7#kLp2!vZ9');
  });

  it.each([
    ['high', 1],
    ['medium', 1],
    ['critical', 0],
  ])('--fail-on %s exits %i', async (failOn, code) => {
    expect(await runDetect([file], { ...flags, failOn }, commandIO().io)).toBe(code);
  });

  it('reads stdin when no file is given', async () => {
    const { io, out } = commandIO(`x ${TOKEN}`);
    expect(await runDetect([], flags, io)).toBe(0);
    expect(out.stdout).toContain('<stdin>:1:3');
  });

  it('refuses an unreadable file with a usage error', async () => {
    await expect(runDetect([join(dir, 'missing.txt')], flags, commandIO().io)).rejects.toThrow(/cannot read/);
  });
});

describe('exposure detect --jsonl', { timeout: 90_000 }, () => {
  it('keeps going past malformed lines, names them by number only, and exits 2', async () => {
    const input = [
      docLine('a', `first ${TOKEN}`),
      '{"id": "b", "text": "secret-ish content that must not be echoed',
      '["an", "array"]',
      JSON.stringify({ id: 7, text: 'x' }),
      JSON.stringify({ id: 'c' }),
      '',
      docLine('d', 'card 5500 0000 0000 0004'),
    ].join('\n');
    const { io, out } = commandIO(input);
    expect(await runDetect([], { ...flags, jsonl: true }, io)).toBe(2);
    expect(out.stderr.split('\n').filter(Boolean)).toEqual([
      'line 2: invalid JSON',
      'line 3: expected a JSON object',
      'line 4: "id" must be a string',
      'line 5: "text" must be a string',
    ]);
    expect(out.stderr).not.toContain('must not be echoed');
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    // prettier-ignore
    expect(lines).toEqual([
      { id: 'a', ruleId: 'fixture-token', category: 'secret', severity: 'high', confidence: 0.8, start: 6, end: 34, preview: 'tok_********************1wE6' },
      { id: 'd', ruleId: 'fixture-card', category: 'pii', severity: 'high', confidence: 0.7, start: 5, end: 24, preview: '•••• •••• •••• 0004' },
    ]);
  });

  it.each([
    [{}, 0],
    [{ failOn: 'high' }, 1],
  ])('exits by findings with %o when every line is valid', async (extra, code) => {
    const { io } = commandIO(docLine('a', TOKEN));
    expect(await runDetect([], { ...flags, jsonl: true, ...extra }, io)).toBe(code);
  });

  it('streams a large input through the worker pool in input order', async () => {
    const docs = Array.from({ length: 2500 }, (_, i) => ({
      id: `doc-${i}`,
      text: `${'filler '.repeat(300)}${i % 3 === 0 ? TOKEN : 'nothing'} card 5500 0000 0000 0004 #${i}`,
    }));
    const input = docs.map((doc) => docLine(doc.id, doc.text)).join('\n');
    expect(input.length).toBeGreaterThan(5 * 1024 * 1024);
    const { io, out } = commandIO(input);
    expect(await runDetect([], { ...flags, jsonl: true }, io)).toBe(0);
    const detector = createDetector(loadRules(RULES), { key: loadOrCreateKey(keyFile) });
    const expected = docs.flatMap((doc) =>
      detector.scan(doc.text).map((f) => `${doc.id} ${f.ruleId} ${f.start}`),
    );
    const got = out.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; ruleId: string; start: number })
      .map((f) => `${f.id} ${f.ruleId} ${f.start}`);
    expect(got).toEqual(expected);
    expect(got.length).toBe(2500 + 834);
  });
});

// Spawning the CLI loads every command module; allow for a slow, shared machine.
describe('exposure binary (node src/cli.ts)', { timeout: 90_000 }, () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['src/cli.ts', ...args], { encoding: 'utf8', input: docLine('a', TOKEN) });

  it('lists every rule problem on stderr and exits 2 before scanning', () => {
    const result = run([
      'detect',
      '--jsonl',
      '--rules-dir',
      'test/fixtures/rules-invalid',
      '--key-file',
      keyFile,
    ]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const problems = result.stderr
      .split('\n')
      .filter((line) => /^(?:secret|pii)\/|^allowlist\.yaml/.test(line));
    expect(problems.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses a fingerprint key readable by others', () => {
    const openKey = join(dir, 'open.key');
    writeFileSync(openKey, Buffer.alloc(32, 1));
    chmodSync(openKey, 0o644);
    const result = run(['detect', '--jsonl', '--rules-dir', RULES, '--key-file', openKey]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('readable by others');
  });

  it('exits 1 with --fail-on when a finding reaches it', () => {
    const result = run([
      'detect',
      '--jsonl',
      '--rules-dir',
      RULES,
      '--key-file',
      keyFile,
      '--fail-on',
      'high',
    ]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 'a', ruleId: 'fixture-token' });
  });
});
