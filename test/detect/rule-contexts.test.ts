// Every secret rule whose example value is found on a line of its own must find it, spanning exactly it, wherever
// tickets and pages put it: in markup, tables, JSON, URLs, escaped JSON strings, terminal colours, at a sentence's
// end. The value comes
// from the rule's first match example, so new rule files are tested as they are added.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';

const rules = loadRules();
const detector = createDetector(rules, { key: randomBytes(32) });
const fires = (id: string, text: string) => detector.scan(text).some((f) => f.ruleId === id);
/** The rule's finding spans exactly the value in the original text (escapes undone around it map back). */
const findsExactly = (id: string, value: string, text: string) =>
  detector.scan(text).some((f) => f.ruleId === id && text.slice(f.start, f.end) === value);

// Not here: Jira's +underline+ around a value that may end in `+` (base64), which reads as part of the value.
const CONTEXTS: ReadonlyArray<[string, (value: string) => string]> = [
  ['Jira monospace', (v) => `use {{${v}}} for now`],
  ['Jira table cell', (v) => `|prod|${v}|owner|`],
  ['Jira bold', (v) => `*${v}*`],
  ['{noformat} block', (v) => `{noformat}\n${v}\n{noformat}`],
  ['JSON value', (v) => `{"value":"${v}","n":1}`],
  ['HTML-escaped quotes', (v) => `data=&quot;${v}&quot;`],
  ['percent-encoded quotes', (v) => `q=%22${v}%22&x=1`],
  ['escaped newlines of a JSON string', (v) => `"line one\\n${v}\\nline two"`],
  ['ANSI colours', (v) => `\u001b[32m${v}\u001b[0m`],
  ['parentheses', (v) => `the key (${v}) leaked`],
  ['brackets', (v) => `[${v}]`],
  ['a sentence ending with it', (v) => `it was ${v}.`],
  ['a quoted list', (v) => `['${v}', 'x']`],
  ['a query parameter', (v) => `https://x.example.net/cb?k=${v}&y=1`],
  ['Markdown code', (v) => `run \`${v}\` now`],
  ['CJK text', (v) => `密钥${v}。`],
  ['a tab-separated row', (v) => `prod\t${v}\towner`],
  ['no-break spaces', (v) => `token\u00a0${v}\u00a0ok`],
  ['an HTML element', (v) => `<code>${v}</code>`],
];

const cases = rules.flatMap((rule) => {
  const example = rule.spec.examples.match[0];
  if (rule.spec.category !== 'secret' || !example) return [];
  const finding = detector.scan(example).find((f) => f.ruleId === rule.spec.id);
  const value = finding && example.slice(finding.start, finding.end);
  if (!value || /\s/.test(value) || !fires(rule.spec.id, `see below\n${value}\nthanks`)) return [];
  return [{ id: rule.spec.id, value }];
});

const perLine = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');

// Whole examples (a name and its value, a key block, a .netrc entry) as tickets quote them.
const EXAMPLE_CONTEXTS: ReadonlyArray<[string, (example: string) => string]> = [
  ['a {code} block', (e) => `{code:yaml}\n${e}\n{code}`],
  ['a JSON string (escaped quotes and newlines)', (e) => `{"description": ${JSON.stringify(e)}}`],
  ['an e-mail reply quoting it', (e) => perLine(e, '> ')],
  ['indented, as in a YAML block', (e) => perLine(e, '    ')],
  ['Windows line ends', (e) => e.replace(/\n/g, '\r\n')],
  ['between sentences', (e) => `Config we used yesterday:\n${e}\nPlease rotate it.`],
];

/** The rules whose first example is not found by its value alone: it needs its name, label or block. */
const examples = rules.flatMap((rule) => {
  const example = rule.spec.examples.match[0];
  if (rule.spec.category !== 'secret' || !example || cases.some((c) => c.id === rule.spec.id)) return [];
  return fires(rule.spec.id, example) ? [{ id: rule.spec.id, example }] : [];
});

describe('secret examples quoted the ways tickets quote them', () => {
  it('applies to the rules anchored on a name or a block', () => {
    expect(examples.length).toBeGreaterThan(300);
  });

  it.each(EXAMPLE_CONTEXTS)('%s', (_, wrap) => {
    expect(examples.filter(({ id, example }) => !fires(id, wrap(example))).map(({ id }) => id)).toEqual([]);
  });
});

describe('secret values in the contexts tickets put them in', () => {
  it('applies to most prefixed secret formats', () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(CONTEXTS)('%s', (_, wrap) => {
    expect(
      cases.filter(({ id, value }) => !findsExactly(id, value, wrap(value))).map(({ id }) => id),
    ).toEqual([]);
  });
});
