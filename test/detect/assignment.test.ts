// The assignment grammar on its own: one table of syntaxes people paste into tickets, each of which must give
// exactly the value, and near misses that must give nothing.
import { describe, expect, it } from 'vitest';
import { assignmentRegex, caseless, type NameTail } from '../../src/detect/assignment.ts';

const VALUE = 'q8VnT3kLm0ZpR6xWb2Jc';
const grammar = (name: string, tail: NameTail, exceptEnding: string[] = [], value = '[A-Za-z0-9]{20}') =>
  new RegExp(assignmentRegex({ name, value, tail, exceptEnding }), 'd');
const vendor = grammar('acme', 'words');
const exact = grammar('token', 'exact');
const identifier = grammar('token', 'identifier', ['name', 'url', 'id']);

function valueOf(pattern: RegExp, text: string): string | undefined {
  const match = pattern.exec(text);
  return match?.indices?.[1] && text.slice(...match.indices[1]);
}

describe('assignment grammar', () => {
  it.each([
    ['env, unquoted', `ACME_TOKEN=${VALUE}`],
    ['env, quoted', `ACME_TOKEN="${VALUE}"`],
    ['ini with spaces', `acme_token = '${VALUE}'`],
    ['properties', `acme.api.token=${VALUE}`],
    ['YAML', `acme_token: ${VALUE}`],
    ['YAML, quoted', `  acmeToken: "${VALUE}"`],
    ['JSON', `{\n  "acme_token": "${VALUE}"\n}`],
    ['JSON inside a string', `{"env": "{\\"acmeToken\\":\\"${VALUE}\\"}"}`],
    ['env file inside a JSON string', `{"config.ini": "ACME_TOKEN=${VALUE}\\nDEBUG=true"}`],
    ['Go short declaration', `acmeToken := "${VALUE}"`],
    ['Go typed declaration', `var acmeToken string = "${VALUE}"`],
    ['Go backticks', `acmeToken := \`${VALUE}\``],
    ['Kotlin annotation', `val acmeToken: String = "${VALUE}"`],
    ['Python annotation and bytes', `acme_token: bytes = b"${VALUE}"`],
    ['C#/Java declaration', `private static final String ACME_TOKEN = "${VALUE}";`],
    ['PHP concatenation', `$acmeToken .= "${VALUE}";`],
    ['Ruby ||=', `@acme_token ||= '${VALUE}'`],
    ['R arrow', `acme_token <- "${VALUE}"`],
    ['make recursive', `ACME_TOKEN = ${VALUE}`],
    ['make simple', `ACME_TOKEN := ${VALUE}`],
    ['make ::=', `ACME_TOKEN ::= ${VALUE}`],
    ['make :::=', `ACME_TOKEN :::= ${VALUE}`],
    ['make ?=', `ACME_TOKEN ?= ${VALUE}`],
    ['make !=', `ACME_TOKEN != ${VALUE}`],
    ['make +=', `ACME_TOKEN += ${VALUE}`],
    ['hash rocket', `  "acmeToken" => "${VALUE}"`],
    ['index assignment', `config['acme_token'] = '${VALUE}'`],
    ['XML element', `<acmeToken>${VALUE}</acmeToken>`],
    ['XML element, value on its own line', `<acmeToken>\n    ${VALUE}\n</acmeToken>`],
    ['call, second argument', `System.setProperty("ACME_TOKEN", "${VALUE}");`],
    ['getenv default', `os.getenv('ACME_TOKEN', '${VALUE}')`],
    ['attribute pair', `<add key="AcmeToken" value="${VALUE}" />`],
    ['C define', `#define ACME_TOKEN "${VALUE}"`],
    ['PowerShell parameter', `Connect-Acme -AcmeToken ${VALUE} -Verbose`],
    ['long flag with a space', `acme-cli --acme-token ${VALUE}`],
    ['long flag with =', `acme-cli --acme-token=${VALUE}`],
    ['Dockerfile ENV', `ENV ACME_TOKEN ${VALUE}`],
    ['csh setenv', `setenv ACME_TOKEN ${VALUE}`],
    ['HTTP header', `X-Acme-Token: ${VALUE}`],
    ['prose label', `Acme prod API token: ${VALUE}. Rotate it monthly.`],
    ['value before a comma', `acme_token=${VALUE}, region=eu`],
    ['namespaced attribute pair', `<meta-data android:name="com.acme.Token" android:value="${VALUE}"/>`],
    ['name/value record, JSON', `{"name": "ACME_TOKEN", "value": "${VALUE}"}`],
    ['name/value record, YAML', `env:\n  - name: ACME_TOKEN\n    value: "${VALUE}"`],
    ['Set-Variable', `Set-Variable -Name AcmeToken -Value "${VALUE}"`],
    ['Android string resource', `<string name="acme_token" translatable="false">${VALUE}</string>`],
    ['plist', `<key>AcmeToken</key>\n\t<string>${VALUE}</string>`],
    ['Gradle buildConfigField', `buildConfigField "String", "ACME_TOKEN", "\\"${VALUE}\\""`],
    ['default after ||', `const token = process.env.ACME_TOKEN || "${VALUE}";`],
    ['default after ??', `ENV['ACME_TOKEN'] ?? '${VALUE}'`],
    ['shell default', `token: \${ACME_TOKEN:-${VALUE}}`],
  ])('%s', (_, text) => {
    expect(valueOf(vendor, text)).toBe(VALUE);
  });

  it.each([
    ['value runs on', `acme_token=${VALUE}X`],
    ['no operator', `acme token ${VALUE}`],
    ['operator on the next line', `acme_token=\n${VALUE}`],
    ['a closing tag is not an opening one', `</acmeToken>\n${VALUE}`],
    ['a space operator needs a flag, #define, ENV or setenv', `acme_token ${VALUE}`],
    ['a comma needs a quoted name', `acme_token, ${VALUE}`],
    ['a value field two lines down', `- name: ACME_TOKEN\n  kind: x\n  value: ${VALUE}`],
    ['a value field of another record', `acme_token: 1\nother: 2\nvalue: ${VALUE}`],
    ['a closing tag other than a plist key', `<name>AcmeToken</name>\n<string>${VALUE}</string>`],
  ])('gives nothing: %s', (_, text) => {
    expect(valueOf(vendor, text)).toBeUndefined();
  });

  it.each([
    ['the name ends with the fragment', `API_TOKEN=${VALUE}`, VALUE],
    ['case does not matter', `apiToken = "${VALUE}"`, VALUE],
    ['a longer identifier', `tokenizer = "${VALUE}"`, undefined],
    ['another word after the name', `token type: ${VALUE}`, undefined],
  ])('exact tail: %s', (_, text, expected) => {
    expect(valueOf(exact, text)).toBe(expected);
  });

  it.each([
    ['the word ends the name', `API_TOKEN=${VALUE}`, VALUE],
    ['more words after it', `api_token_prod_eu = "${VALUE}"`, VALUE],
    ['a CamelCase word after it', `tokenProd: ${VALUE}`, VALUE],
    ['not a word of its own', `tokenizer = "${VALUE}"`, undefined],
    ['an excluded last word after _', `TOKEN_NAME=${VALUE}`, undefined],
    ['an excluded last word in CamelCase', `accessTokenUrl = "${VALUE}"`, undefined],
    ['an excluded word that is not last', `token_id_prod = "${VALUE}"`, VALUE],
    ['an excluded word glued lower-case is not a word', `tokenid = "${VALUE}"`, undefined],
  ])('identifier tail: %s', (_, text, expected) => {
    expect(valueOf(identifier, text)).toBe(expected);
  });

  it('keeps the value case-sensitive while the name is not', () => {
    const lower = grammar('acme', 'words', [], '[a-f0-9]{8}');
    expect(lower.test('ACME_KEY=0a1b2c3d')).toBe(true);
    expect(lower.test('acme_key=0A1B2C3D')).toBe(false);
  });
});

describe('caseless', () => {
  it.each([
    ['token', '[tT][oO][kK][eE][nN]'],
    ['api[_.-]?key', '[aA][pP][iI][_.-]?[kK][eE][yY]'],
    ['[a-z_]{2}', '[a-z_A-Z]{2}'],
    ['(?<!csrf)\\.x\\d', '(?<![cC][sS][rR][fF])\\.[xX]\\d'],
    // \xNN and \uNNNN name one character whose case stays, in and out of classes.
    ['(?<=[\\x61-\\x7a])\\x4bey', '(?<=[\\x61-\\x7a])\\x4b[eE][yY]'],
    ['[\\u0061b]', '[\\u0061bB]'],
  ])('%s -> %s', (fragment, expected) => {
    expect(caseless(fragment)).toBe(expected);
  });
});
