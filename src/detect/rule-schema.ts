// The single definition of the rule format (rules/README.md), with its defaults and every check the loader
// applies to one file. Problems come back as `field: problem`; the loader prefixes the file name.
import { CATEGORIES, SEVERITIES } from '../types.ts';
import type { Category, Severity } from '../types.ts';
import { assignmentRegex, NAME_TAILS, type AssignmentSpec } from './assignment.ts';
import { FieldReader, isPlainObject } from './field-reader.ts';
import { leadingAtoms } from './regex-shape.ts';

export const NORMALIZATIONS = ['none', 'digits', 'lower', 'alnum'] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];
export const MASKS = ['edges', 'last4', 'email', 'full'] as const;
export type MaskStyle = (typeof MASKS)[number];

export const DEFAULT_CONTEXT_WINDOW = 80;
export const DEFAULT_CONTEXT_BOOST = 0.1;

export interface RuleContext {
  words: string[];
  window: number;
  required: boolean;
  boost: number;
}

/** Values in a table column (CSV, TSV, Markdown) whose header cell names them, e.g. an `mrn` column. */
export interface ColumnSpec {
  /** Lower-case header names; a space also matches `_`, `-` or nothing (`patient id` = `Patient_ID`). */
  headers: string[];
  /** Regex the whole cell must match (the rule's flags apply). */
  value: string;
}

export interface AllowlistSpec {
  values: string[];
  patterns: string[];
  nearby: string[];
}

export interface RuleSpec {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  confidence: number;
  keywords: string[];
  /** The rule's regex: written in the file, or built by the assignment grammar from `assignment`. */
  regex: string;
  /** Set when the rule is written as a name and a value shape (assignment.ts). */
  assignment: AssignmentSpec | undefined;
  flags: string;
  /** The format is written in upper case; lower case is matched too, and needs a context word or its field. */
  lowerCase: boolean;
  group: number;
  entropy: number | undefined;
  validator: string | undefined;
  normalize: Normalization;
  mask: MaskStyle;
  context: RuleContext | undefined;
  column: ColumnSpec | undefined;
  allowlist: AllowlistSpec;
  references: string[];
  examples: { match: string[]; nomatch: string[] };
}

// prettier-ignore
const RULE_KEYS = [
  'id', 'title', 'category', 'severity', 'confidence', 'keywords', 'regex', 'assignment', 'flags', 'lower-case',
  'group', 'entropy', 'validator', 'normalize', 'mask', 'context', 'column', 'allowlist', 'references', 'examples',
] as const;
const ALLOWLIST_KEYS = ['values', 'patterns', 'nearby'] as const;
const ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXTRA_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

export interface RuleLocation {
  /** File name without `.yaml`. */
  id: string;
  /** Folder the file lives in: secret, pii or phi. */
  folder: string;
}

/** Reads one parsed rule file; returns the spec (with defaults) when there is no problem. */
export function parseRule(
  raw: unknown,
  where: RuleLocation,
  validators: ReadonlySet<string>,
): { spec?: RuleSpec; problems: string[] } {
  const problems: string[] = [];
  if (!isPlainObject(raw)) return { problems: ['file must be a YAML mapping'] };
  const r = new FieldReader(raw, problems);
  r.rejectUnknownKeys(RULE_KEYS);

  const id = r.string('id');
  if (id !== '' && !ID_SHAPE.test(id)) r.problem('id', 'must be lower-case letters, digits and dashes');
  if (id !== '' && id !== where.id) r.problem('id', `must equal the file name "${where.id}"`);
  const category = r.oneOf('category', CATEGORIES);
  if (r.has('category') && category !== where.folder)
    r.problem('category', `must match its folder "${where.folder}"`);
  const flags = r.string('flags', '');
  if (!EXTRA_FLAGS.test(flags)) r.problem('flags', 'may only hold i, m, s, u, each at most once');
  const lowerCase = r.boolean('lower-case', false);
  if (lowerCase && flags.includes('i'))
    r.problem('flags', 'leave out i: lower-case already matches lower case');
  const keywords = r.strings('keywords');
  keywords.forEach((word, i) => checkLowerWord(r, `keywords[${i}]`, word));
  const assignment = readAssignment(r, flags, keywords);
  const regex = assignment ? assignmentRegex(assignment) : r.string('regex');

  const spec: RuleSpec = {
    id,
    title: r.string('title'),
    category,
    severity: r.oneOf('severity', SEVERITIES),
    confidence: r.number('confidence', { min: 0, max: 1 }),
    keywords,
    regex,
    assignment,
    flags,
    lowerCase,
    group: assignment ? 1 : r.number('group', { min: 0, max: 99, integer: true }, 1),
    entropy: r.has('entropy') ? r.number('entropy', { min: 0, max: 16 }) : undefined,
    validator: r.has('validator') ? r.string('validator') : undefined,
    normalize: r.oneOf('normalize', NORMALIZATIONS, 'none'),
    mask: r.oneOf('mask', MASKS, category === 'secret' ? 'edges' : 'last4'),
    context: readContext(r),
    column: readColumn(r, flags),
    allowlist: readAllowlist(r.child('allowlist')),
    references: r.strings('references'),
    examples: readExamples(r),
  };
  if (spec.validator !== undefined && !validators.has(spec.validator)) {
    r.problem(
      'validator',
      `unknown validator "${spec.validator}" (known: ${[...validators].join(', ') || 'none'})`,
    );
  }
  if (regex !== '' && EXTRA_FLAGS.test(flags)) checkRegex(r, spec);
  return problems.length === 0 ? { spec, problems } : { problems };
}

function checkLowerWord(r: FieldReader, field: string, word: string): void {
  if (word.trim() === '') r.problem(field, 'must not be empty');
  else if (word !== word.toLowerCase()) r.problem(field, `must be lower-case ("${word.toLowerCase()}")`);
}

/** `assignment: { name, value, tail, except-ending }`, in place of `regex` and `group` (value = group 1). */
function readAssignment(r: FieldReader, flags: string, keywords: string[]): AssignmentSpec | undefined {
  const a = r.child('assignment');
  if (!a) return undefined;
  if (r.has('regex')) r.problem('regex', 'must be left out when the rule has an assignment');
  if (r.has('group'))
    r.problem('group', 'must be left out when the rule has an assignment (the value is group 1)');
  if (keywords.length === 0) r.problem('keywords', 'are required with an assignment: words of the name');
  a.rejectUnknownKeys(['name', 'value', 'tail', 'except-ending']);
  const spec = {
    name: a.string('name'),
    value: a.string('value'),
    tail: a.oneOf('tail', NAME_TAILS, 'words'),
    exceptEnding: a.strings('except-ending'),
  };
  spec.exceptEnding.forEach((word, i) => {
    if (!/^[a-z][a-z0-9]*$/.test(word)) a.problem(`except-ending[${i}]`, 'must be a lower-case word');
  });
  // Group 1 must be the value: the name may hold non-capturing groups and lookarounds only.
  if (/\((?!\?)/.test(spec.name.replace(/\\./g, ''))) a.problem('name', 'may not hold capture groups');
  for (const field of ['name', 'value'] as const) {
    const error = spec[field] === '' ? undefined : compileError(spec[field], flags);
    if (error) a.problem(field, `does not compile: ${error}`);
  }
  return spec;
}

function readContext(r: FieldReader): RuleContext | undefined {
  const c = r.child('context');
  if (!c) return undefined;
  c.rejectUnknownKeys(['words', 'window', 'required', 'boost']);
  const words = c.strings('words', { required: true });
  words.forEach((word, i) => checkLowerWord(c, `words[${i}]`, word));
  return {
    words,
    window: c.number('window', { min: 1, max: 1000, integer: true }, DEFAULT_CONTEXT_WINDOW),
    required: c.boolean('required', false),
    boost: c.number('boost', { min: 0, max: 1 }, DEFAULT_CONTEXT_BOOST),
  };
}

function readColumn(r: FieldReader, flags: string): ColumnSpec | undefined {
  const c = r.child('column');
  if (!c) return undefined;
  c.rejectUnknownKeys(['headers', 'value']);
  const headers = c.strings('headers', { required: true });
  headers.forEach((word, i) => checkLowerWord(c, `headers[${i}]`, word));
  const value = c.string('value');
  const error = value === '' ? undefined : compileError(value, flags);
  if (error) c.problem('value', `does not compile: ${error}`);
  return { headers, value };
}

/** The allowlist shape shared by rule files and rules/allowlist.yaml. */
export function readAllowlist(a: FieldReader | undefined): AllowlistSpec {
  if (!a) return { values: [], patterns: [], nearby: [] };
  a.rejectUnknownKeys(ALLOWLIST_KEYS);
  const spec = { values: a.strings('values'), patterns: a.strings('patterns'), nearby: a.strings('nearby') };
  spec.patterns.forEach((pattern, i) => {
    const error = compileError(pattern, 'i');
    if (error) a.problem(`patterns[${i}]`, `does not compile: ${error}`);
  });
  spec.nearby.forEach((word, i) => checkLowerWord(a, `nearby[${i}]`, word));
  return spec;
}

function readExamples(r: FieldReader): { match: string[]; nomatch: string[] } {
  const e = r.child('examples');
  if (!e) {
    r.problem('examples', 'are required (match and nomatch lists)');
    return { match: [], nomatch: [] };
  }
  e.rejectUnknownKeys(['match', 'nomatch']);
  const examples = {
    match: e.strings('match', { required: true }),
    nomatch: e.strings('nomatch', { required: true }),
  };
  if (e.has('match') && examples.match.length === 0) e.problem('match', 'must hold at least one text');
  if (e.has('nomatch') && examples.nomatch.length === 0)
    e.problem('nomatch', 'must hold at least one near miss');
  return examples;
}

function checkRegex(r: FieldReader, spec: RuleSpec): void {
  const error = compileError(spec.regex, spec.flags);
  if (error) return r.problem('regex', `does not compile: ${error}`);
  const groups = new RegExp(`${spec.regex}|`, spec.flags).exec('')!.length - 1;
  if (spec.group > groups)
    r.problem('group', `is ${spec.group} but the regex has ${groups} capture group(s)`);
  const [first, second] = leadingAtoms(spec.regex);
  if (first && isSlowStart(first)) {
    r.problem('regex', `starts with an unanchored ${describeStart(first)} prefix; anchor it or bound it`);
  } else if (spec.keywords.length === 0) {
    const anchored = first?.kind === 'anchor' || first?.kind === 'lookbehind' || first?.kind === 'literal';
    const cheap = anchored || first?.kind === 'digit-class';
    const cheapFollower = !second || !isSlowStart(second) || first?.kind === 'literal';
    if (!cheap || first!.quantifier.min === 0 || !cheapFollower) {
      r.problem(
        'regex',
        'without keywords must start with a cheap anchor (\\b, a lookbehind or a fixed prefix)',
      );
    }
  }
}

function isSlowStart(atom: { kind: string; quantifier: { lazy: boolean; max: number } }): boolean {
  const variable = atom.kind === 'broad' || atom.kind === 'digit-class' || atom.kind === 'literal';
  return variable && (atom.quantifier.lazy || atom.quantifier.max === Infinity);
}

function describeStart(atom: { quantifier: { lazy: boolean; text: string } }): string {
  return `${atom.quantifier.lazy ? 'lazy' : 'unbounded'} "${atom.quantifier.text}"`;
}

export function compileError(source: string, flags: string): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}
