// File rules (rules/files): every rule proves itself with its examples, the loader reports every problem at once,
// and a finding never carries the file's name (its preview is the glob or media type that matched).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileFindings, globRegex, loadFileRules, matchFile } from '../../src/detect/file-rules.ts';
import { RULES_DIR } from '../../src/paths.ts';

const rules = loadFileRules(RULES_DIR);
const examples = rules.flatMap((rule) => [
  ...rule.examples.match.map((name) => [rule.id, name, true] as const),
  ...rule.examples.nomatch.map((name) => [rule.id, name, false] as const),
]);

describe('file rules', () => {
  it('are loaded', () => {
    expect(rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['private-key-file', 'credentials-file', 'database-dump', 'people-export']),
    );
  });

  it.each(examples)('%s: %s -> %s', (id, name, expected) => {
    const rule = rules.find((r) => r.id === id)!;
    expect(matchFile(rule, name) !== undefined).toBe(expected);
  });

  it.each([
    ['*.pem', 'a.PEM', true],
    ['*.pem', 'a.pem.txt', false],
    ['id_rsa*', 'id_rsa_old', true],
    ['.env.*', '.envrc', false],
    ['*(1).csv', 'x(1).csv', true], // regex characters are literal
  ])('glob %s matches %s: %s', (glob, name, expected) => {
    expect(globRegex(glob).test(name)).toBe(expected);
  });

  it('matches by media type when no name does', () => {
    const rule = rules.find((r) => r.id === 'private-key-file')!;
    expect(matchFile(rule, 'upload.bin', 'application/x-pem-file; charset=binary')).toBe(
      'application/x-pem-file',
    );
  });

  it.each([
    ['an attachment name', { mediaType: 'text/plain' }, 1],
    ['any other text', {}, 0],
  ])('runs on %s only', (_, extra, count) => {
    const doc = { itemId: '1', field: 'attachment-name', url: 'u', text: 'id_rsa ghp_secretish', ...extra };
    const found = fileFindings(rules, doc, Buffer.alloc(32, 1));
    expect(found.length).toBe(count);
    for (const f of found) {
      expect(f.preview).toBe('file id_rsa*');
      expect(JSON.stringify(f)).not.toContain('ghp_secretish');
    }
  });
});

describe('loadFileRules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'file-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every problem of every file at once', () => {
    mkdirSync(join(dir, 'files'));
    writeFileSync(
      join(dir, 'files', 'bad.yaml'),
      'id: other\ncategory: nope\nseverity: high\nconfidence: 2\n',
    );
    writeFileSync(join(dir, 'files', 'broken.yaml'), 'id: [\n');
    expect(() => loadFileRules(dir)).toThrow(
      /files\/bad\.yaml: id: must equal[\s\S]*files\/bad\.yaml: category[\s\S]*files\/bad\.yaml: names[\s\S]*files\/broken\.yaml: YAML/,
    );
  });
});
