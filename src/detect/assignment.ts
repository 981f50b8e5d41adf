// The one assignment grammar every keyword-anchored rule uses: a name, then an operator, then an optional
// quote, backtick or newline, then the value. A rule file gives only the name fragment and the value's shape
// (`assignment: { name, value }`); this module wraps them in the syntaxes people paste into tickets and pages:
//
//   env, ini, properties   NAME=value  NAME = "value"  NAME: value  name.sub=value
//   code                   name = "value"  name := `value`  var name string = "value"  val name: String = "value"
//                          $name .= "value"  name ||= 'value'  name <- "value"  config["name"] = "value"  b"value"
//   make                   NAME := v  NAME ::= v  NAME :::= v  NAME ?= v  NAME != v  NAME += v
//   maps                   "name": "value"  "name" => "value"  {\"name\":\"value\"} (JSON inside a string)
//   XML                    <name>value</name>, also with the value on its own line
//   calls                  set("NAME", "value")  getenv('NAME', 'value')
//   attribute pairs        <add key="Name" value="value" />  android:name="Name" android:value="value"
//   name/value records     {"name": "NAME", "value": "value"}  - name: NAME / value: value (Kubernetes env)
//                          Set-Variable -Name NAME -Value value  <string name="name">value</string>
//                          <key>Name</key> <string>value</string> (plist)  buildConfigField "String", "NAME", "\"v\""
//   defaults               process.env.NAME || "value"  ENV['NAME'] ?? 'value'  ${NAME:-value}
//   commands               --name value  -Name value (PowerShell)  #define NAME "value"  ENV NAME value  setenv NAME v
//
// The name is matched case-insensitively whatever the rule's flags (API_TOKEN, apiToken, api-token), so the
// value keeps its own case rules. Every repetition is bounded: the grammar stays linear on hostile text.

/** How the identifier may go on after the rule's name fragment. */
export const NAME_TAILS = ['words', 'identifier', 'exact'] as const;
export type NameTail = (typeof NAME_TAILS)[number];

export interface AssignmentSpec {
  /** Regex fragment the name contains (`airtable`, `client[_.-]?secret`); non-capturing groups only. */
  name: string;
  /** Regex of the value; it becomes capture group 1 of the rule. */
  value: string;
  /**
   * `words` (default): the rest of the identifier and up to three more words may follow the fragment
   * (`airtable_api_token`, `Datadog API key:`). `identifier`: the fragment ends a word of the identifier
   * (`apiToken`, `TOKEN_PROD`, not `tokenizer`) and the identifier may go on. `exact`: the fragment ends the name.
   */
  tail: NameTail;
  /** Last words of the identifier that name something else (`secret_name`, `tokenUrl`, `credentialsId`). */
  exceptEnding: string[];
}

const QUOTE = `["'\\x60]`;
// Each part of the name stops only where its identifier or word ends: no operator starts with a word character,
// so stopping inside one can never match, and letting the engine try it cost ~200x on near-miss text.
const TAILS: Record<NameTail, string> = {
  words: '[\\w.-]{0,40}(?![\\w.-])(?:[ \\t][\\w.-]{1,20}(?![\\w.-])){0,3}',
  // A word ends where no lower-case letter follows: token_x, tokenX, TOKEN, token1, but not tokenizer.
  identifier: '(?![a-z])[\\w.-]{0,40}(?![\\w.-])',
  exact: '',
};
// "name" / \"name\" / ['name'] / [name] close before the operator.
const NAME_CLOSE = `(?:\\\\?${QUOTE}\\]?|\\])?`;
// A Go type after the name (var name string = ...), or a Kotlin, TypeScript or Python annotation (name: str = ...).
const TYPE =
  '(?:[ \\t]{0,3}:[ \\t]{0,3}[A-Za-z_][\\w.<>\\[\\]|?]{0,30}(?=[ \\t]{1,3}=)|[ \\t]{1,3}[A-Za-z_][\\w.*\\[\\]]{0,30}(?=[ \\t]{1,3}=))?';
// `||`, `??` and `:-`: a default after a lookup of the name (process.env.NAME || "v", ${NAME:-v}).
const OPERATOR = '(?::{1,3}=|\\|\\|=|[?!+.|]=|=>|<-|={1,3}|\\|\\||\\?\\?|:-|:)';
// b"...", r'...', f"...", @"...", $"...", the escaped quote of JSON inside a string, and a quoted escaped quote
// (Gradle's "\"value\"").
const OPEN = `(?:[bfruBFRU@$]?\\\\?${QUOTE}(?:\\\\${QUOTE})?)?`;
// The word "value" as a field or attribute name, in any case.
const VALUE_WORD = '[Vv][Aa][Ll][Uu][Ee]';
const FORMS = [
  `${NAME_CLOSE}${TYPE}[ \\t]{0,3}${OPERATOR}[ \\t]{0,3}${OPEN}`,
  // <name>value</name>: the value may sit on its own line. Each lookbehind is guarded by a lookahead on the
  // character after it, so the backward scan runs only where that form can apply (10x faster on identifiers).
  `(?=>)(?<=<[\\w.:-]{1,80})>\\s{0,40}`,
  // set("NAME", "value"): a quoted name, then a comma.
  `${QUOTE}[ \\t]{0,3},[ \\t]{0,3}${OPEN}`,
  // <add key="Name" value="..." />, android:name="Name" android:value="..."
  `${QUOTE}[ \\t]{1,5}(?:[\\w-]{1,20}:)?${VALUE_WORD}[ \\t]{0,2}=[ \\t]{0,2}${OPEN}`,
  // {"name": "NAME", "value": "..."} and - name: NAME / value: ... (the next line, at most 20 columns in).
  `${QUOTE}[ \\t]{0,3},[ \\t]{0,3}${QUOTE}${VALUE_WORD}${QUOTE}[ \\t]{0,3}:[ \\t]{0,3}${OPEN}`,
  `${QUOTE}?[ \\t]{0,3}\\r?\\n[ \\t]{0,20}${VALUE_WORD}[ \\t]{0,3}:[ \\t]{0,3}${OPEN}`,
  // Set-Variable -Name NAME -Value "..."
  `[ \\t]{1,3}-${VALUE_WORD}[ \\t]{1,3}${OPEN}`,
  // <string name="name" translatable="false">...: the attribute holding the name closes its tag (two more at most).
  `${QUOTE}(?:[ \\t]{1,3}[\\w:-]{1,30}=${QUOTE}[^"'<>\\n]{0,40}${QUOTE}){0,2}[ \\t]{0,3}>[ \\t]{0,3}`,
  // plist: <key>Name</key> then <string>...</string>.
  `</key>\\s{0,40}<string>\\s{0,3}`,
  // --name value, -Name value, #define NAME "value", ENV NAME value, setenv NAME value: a space is the operator.
  `(?=[ \\t])(?<=(?<![^\\s("'\\x60])(?:--?|#define[ \\t]{1,3}|ENV[ \\t]{1,3}|setenv[ \\t]{1,3})[\\w.-]{1,60})[ \\t]{1,3}${OPEN}`,
];
// The value ends at a closing quote, a separator, an escaped newline, a sentence's full stop or the line end.
const VALUE_END = `(?=[\\x60'"\\s;,)\\]}<>&|]|\\\\[nrt"']|\\.(?:\\s|$)|$)`;

/** The regex source of a rule written as an assignment; the value is capture group 1. */
export function assignmentRegex(spec: AssignmentSpec): string {
  const name = `${caseless(spec.name)}${TAILS[spec.tail]}${endingExcept(spec.exceptEnding)}`;
  return `${name}(?:${FORMS.join('|')})(${spec.value})${VALUE_END}`;
}

/** A lookbehind refusing identifiers whose last word is one of `words`: after _ . - or as a CamelCase word. */
function endingExcept(words: readonly string[]): string {
  if (words.length === 0) return '';
  const separated = words.map(caseless).join('|');
  const camel = words.map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}`).join('|');
  return `(?<![_.-](?:${separated})|[a-z0-9](?:${camel}))`;
}

/**
 * The fragment with every letter matching both cases: `token` -> `[Tt][Oo][Kk][Ee][Nn]`, `[a-z_]` -> `[a-zA-Z_]`.
 * Escapes (`\d`, `\.`, `\x4b`: a letter that keeps its case) and group syntax (`(?:`, `(?<!`) are kept as they are.
 */
export function caseless(fragment: string): string {
  let out = '';
  for (let i = 0; i < fragment.length; i++) {
    const ch = fragment[i]!;
    if (ch === '\\') {
      const length = escapeLength(fragment, i);
      out += fragment.slice(i, i + length);
      i += length - 1;
    } else if (ch === '[') {
      const end = classClose(fragment, i);
      out += `[${bothCases(fragment.slice(i + 1, end))}]`;
      i = end;
    } else if (ch === '(' && fragment[i + 1] === '?') {
      const prefix = /^\(\?(?:<[=!]|[:=!])/.exec(fragment.slice(i))?.[0] ?? '(?';
      out += prefix;
      i += prefix.length - 1;
    } else if (ch === '{') {
      const end = fragment.indexOf('}', i);
      out += fragment.slice(i, end + 1);
      i = end;
    } else {
      out += /[a-z]/i.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch;
    }
  }
  return out;
}

function classClose(source: string, open: number): number {
  let i = open + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? escapeLength(source, i) : 1;
  return i;
}

/** Length of the escape starting at `at` (a backslash): `\x4b` and `\u004b` name one exact character. */
function escapeLength(source: string, at: number): number {
  const kind = source[at + 1];
  if (kind === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(at + 2, at + 4))) return 4;
  if (kind === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(at + 2, at + 6))) return 6;
  return 2;
}

/** A class body with the other case of every letter and range added: `a-z_` -> `a-zA-Z_`. */
function bothCases(body: string): string {
  let extra = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      i += escapeLength(body, i) - 1;
      continue;
    }
    const ch = body[i]!;
    const range = body[i + 1] === '-' && i + 2 < body.length ? body[i + 2]! : undefined;
    const swap = (c: string) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());
    if (range !== undefined && /[a-z]/i.test(ch) && /[a-z]/i.test(range)) {
      extra += `${swap(ch)}-${swap(range)}`;
      i += 2;
    } else if (/[a-z]/i.test(ch)) extra += swap(ch);
  }
  return body + extra;
}
