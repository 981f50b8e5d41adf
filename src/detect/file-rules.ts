// File rules: what an attached file is, judged by its name and media type alone (a `server.key`, an `.env`, a
// `patients.xlsx`), before and without reading it. One YAML file per rule under rules/files/ (rules/README.md
// "File rules"); names are globs (`*` any characters) matched case-insensitively against the base name.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigError } from '../errors.ts';
import { CATEGORIES, SEVERITIES, type Category, type Doc, type Finding, type Severity } from '../types.ts';
import { FieldReader, isPlainObject } from './field-reader.ts';
import { fingerprintValue } from './redact.ts';

export const FILE_RULES_FOLDER = 'files';
const KEYS = [
  'id',
  'title',
  'category',
  'severity',
  'confidence',
  'names',
  'except',
  'media-types',
  'examples',
];

export interface FileRule {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  confidence: number;
  names: RegExp[];
  except: RegExp[];
  mediaTypes: string[];
  /** Globs as written, for explanations and previews (never the file's own name). */
  globs: string[];
  examples: { match: string[]; nomatch: string[] };
  /** The file's text, for the ruleset hash. */
  text: string;
}

/** `*.pem` -> /^.*\.pem$/i; only `*` is special. */
export function globRegex(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i');
}

const baseName = (name: string) => name.trim().split(/[\\/]/).pop() ?? '';

export function parseFileRule(
  raw: unknown,
  id: string,
  text: string,
): { rule?: FileRule; problems: string[] } {
  const problems: string[] = [];
  if (!isPlainObject(raw)) return { problems: ['file must be a YAML mapping'] };
  const read = new FieldReader(raw, problems);
  read.rejectUnknownKeys(KEYS);
  if (read.string('id') !== id) read.problem('id', `must equal the file name (${id})`);
  const category = read.string('category');
  if (!(CATEGORIES as readonly string[]).includes(category))
    read.problem('category', `must be one of ${CATEGORIES.join(', ')}`);
  const severity = read.string('severity');
  if (!(SEVERITIES as readonly string[]).includes(severity))
    read.problem('severity', `must be one of ${SEVERITIES.join(', ')}`);
  const globs = read.strings('names');
  const mediaTypes = read.strings('media-types').map((t) => t.toLowerCase());
  if (globs.length === 0 && mediaTypes.length === 0)
    read.problem('names', 'names or media-types is required');
  const examples = read.child('examples');
  const match = examples?.strings('match', { required: true }) ?? [];
  const nomatch = examples?.strings('nomatch', { required: true }) ?? [];
  if (!examples) read.problem('examples', 'is required (match and nomatch file names)');
  const rule: FileRule = {
    id,
    title: read.string('title'),
    category: category as Category,
    severity: severity as Severity,
    confidence: read.number('confidence', { min: 0, max: 1 }),
    names: globs.map(globRegex),
    except: read.strings('except').map(globRegex),
    mediaTypes,
    globs,
    examples: { match, nomatch },
    text,
  };
  return problems.length > 0 ? { problems } : { rule, problems };
}

/** What of the file the rule matched (a glob or the media type), or undefined. */
export function matchFile(rule: FileRule, name: string, mediaType = ''): string | undefined {
  const base = baseName(name);
  if (rule.except.some((re) => re.test(base))) return undefined;
  const glob = rule.names.findIndex((re) => re.test(base));
  if (glob >= 0) return rule.globs[glob];
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return rule.mediaTypes.includes(type) ? type : undefined;
}

/** Loads rules/files/*.yaml; one ConfigError lists every `files/<file>: problem`. */
export function loadFileRules(rulesDir: string): FileRule[] {
  const dir = join(rulesDir, FILE_RULES_FOLDER);
  if (!existsSync(dir)) return [];
  const rules: FileRule[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    let data: unknown;
    try {
      data = parse(text);
    } catch (error) {
      problems.push(`${FILE_RULES_FOLDER}/${file}: YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const { rule, problems: found } = parseFileRule(data, file.replace(/\.yaml$/, ''), text);
    problems.push(...found.map((p) => `${FILE_RULES_FOLDER}/${file}: ${p}`));
    if (rule) rules.push(rule);
  }
  if (problems.length > 0) throw new ConfigError(`invalid file rules in ${dir}:\n${problems.join('\n')}`);
  return rules;
}

/** Findings of the file rules on an attachment name doc: the whole name is the span; the preview is the glob. */
export function fileFindings(rules: readonly FileRule[], doc: Doc, key: Buffer): Finding[] {
  if (doc.mediaType === undefined) return [];
  return rules.flatMap((rule) => {
    const matched = matchFile(rule, doc.text, doc.mediaType);
    if (matched === undefined) return [];
    return [
      {
        ruleId: rule.id,
        category: rule.category,
        severity: rule.severity,
        confidence: rule.confidence,
        start: 0,
        end: doc.text.length,
        preview: `file ${matched}`,
        fingerprint: fingerprintValue(key, baseName(doc.text), 'lower'),
        explanation: `attached file: ${rule.title} (${matched})`,
      },
    ];
  });
}
