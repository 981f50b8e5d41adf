// Read every rule file and the global allowlist, validate all of them, and compile what the engine needs.
// One ConfigError lists every `file: problem`, so an author fixes a whole batch in one go.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { ConfigError } from '../errors.ts';
import { RULES_DIR } from '../paths.ts';
import { CATEGORIES } from '../types.ts';
import { compileRule, type CompiledRule } from './compile-rule.ts';
import { FieldReader, isPlainObject } from './field-reader.ts';
import { parseRule, readAllowlist } from './rule-schema.ts';
import type { AllowlistSpec } from './rule-schema.ts';
import { VALIDATORS } from './validators/index.ts';

interface RuleFile {
  file: string;
  path: string;
  folder: string;
}

function ruleFiles(dir: string): RuleFile[] {
  return CATEGORIES.flatMap((folder) => {
    const folderPath = join(dir, folder);
    if (!existsSync(folderPath)) return [];
    return readdirSync(folderPath)
      .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
      .sort()
      .map((name) => ({ file: `${folder}/${name}`, path: join(folderPath, name), folder }));
  });
}

function readYaml(path: string, file: string, problems: string[]): { text: string; data: unknown } {
  const text = readFileSync(path, 'utf8');
  try {
    return { text, data: parse(text) as unknown };
  } catch (error) {
    problems.push(`${file}: YAML: ${(error as Error).message.split('\n')[0]}`);
    return { text, data: undefined };
  }
}

function loadAllowlist(dir: string, problems: string[]): { spec: AllowlistSpec; text: string } {
  const path = join(dir, 'allowlist.yaml');
  const empty = { values: [], patterns: [], nearby: [] };
  if (!existsSync(path)) return { spec: empty, text: '' };
  const fileProblems: string[] = [];
  const { text, data } = readYaml(path, 'allowlist.yaml', problems);
  if (data === undefined) return { spec: empty, text };
  if (!isPlainObject(data)) fileProblems.push('file must be a YAML mapping');
  const spec = isPlainObject(data) ? readAllowlist(new FieldReader(data, fileProblems)) : empty;
  problems.push(...fileProblems.map((p) => `allowlist.yaml: ${p}`));
  return { spec, text };
}

/** Loads, validates and compiles every rule under `dir`; throws one ConfigError listing all problems. */
export function loadRules(dir: string = RULES_DIR): CompiledRule[] {
  if (!existsSync(dir)) throw new ConfigError(`rules directory not found: ${dir}`);
  const problems: string[] = [];
  const allowlist = loadAllowlist(dir, problems);
  const validators = new Set(Object.keys(VALIDATORS));
  const rules: CompiledRule[] = [];
  for (const { file, path, folder } of ruleFiles(dir)) {
    const { text, data } = readYaml(path, file, problems);
    if (data === undefined) continue;
    const id = basename(file).replace(/\.ya?ml$/, '');
    const { spec, problems: ruleProblems } = parseRule(data, { id, folder }, validators);
    problems.push(...ruleProblems.map((p) => `${file}: ${p}`));
    if (spec)
      rules.push(
        compileRule({ spec, file, text, globalAllowlist: allowlist.spec, allowlistText: allowlist.text }),
      );
  }
  if (problems.length > 0) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    throw new ConfigError(`invalid rules in ${dir} (${count}):\n${problems.join('\n')}`);
  }
  return rules;
}

/** sha256 over the sorted rule file texts (file rules' too) and the allowlist: identifies the ruleset a run used. */
export function rulesetHash(
  rules: readonly CompiledRule[],
  fileRules: ReadonlyArray<{ id: string; text: string }> = [],
): string {
  const hash = createHash('sha256');
  const parts = [...new Set(rules.map((r) => r.allowlistText))].sort();
  for (const rule of [...rules].sort((a, b) => a.file.localeCompare(b.file)))
    parts.push(rule.file, rule.text);
  for (const rule of [...fileRules].sort((a, b) => a.id.localeCompare(b.id)))
    parts.push(`files/${rule.id}`, rule.text);
  for (const part of parts) hash.update(`${part.length}:${part}`);
  return hash.digest('hex');
}
