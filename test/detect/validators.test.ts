// Truth tables for every validator in the registry. Valid values were computed from each specification's
// algorithm by an independent implementation; each invalid value breaks exactly one check.
import { describe, expect, it } from 'vitest';
import { VALIDATORS } from '../../src/detect/validators/index.ts';
import { cardIssuer } from '../../src/detect/validators/luhn.ts';
import { numericDateCandidates } from '../../src/detect/validators/date-of-birth.ts';
import { verhoeffValid } from '../../src/detect/validators/verhoeff.ts';
import { TRUTH_TABLES, type Row } from './truth-tables/index.ts';

const TABLE: Row[] = [
  ['random-looking', 'gT4vQ9zLm2Rk7XpN0bWc', true, 'random base62'],
  ['random-looking', '7c3f9a0e5b21d84f6a9e0c7b3d5f1a28', true, 'random hex'],
  ['random-looking', 'Wq2Lp9XzN4mVt7RkB0cHs3Jy/+e5Ua8=', true, 'random base64'],
  ['random-looking', 'rc0.15.0_20231217_1420-SNAPSHOT', false, 'a version stamp'],
  ['random-looking', 'orders-prod-credentials', false, 'words, no digit'],
  ['random-looking', '0123456789012345', false, 'digits only'],
  ['random-looking', 'aaaa1111bbbb2222cccc', false, 'entropy far below its alphabet'],
  [
    'jwt',
    'eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NiIsImtpZCI6Im9QU3hZMjFhRlZVIn0.eyJzdWIiOiJjMjM1MzZiMC1iOTI4LTQzNDktOGQ4Zi03YTNjN2UzYjg2YWIiLCJzY29wZSI6Im9yZGVyczp3cml0ZSIsImlhdCI6MTc2NDM0NTc0MiwiZXhwIjoxNzY0MzkwMDAwfQ.AQkp697R0jQHnhJGwpbLNX6oNQe5wO9QDy3AaSkVKi2eGIGTGAEp57qVrEk0FD-jF9MO1fvQwEv8zMCQr0JW6w',
    true,
    'alg after typ',
  ],
  [
    'jwt',
    'eyJhbGciOp0_oSwia2lkIjoicjcifQ.eyJzdWIiOiJjNDFmIiwiaWF0IjoxNzY0MzEyNzIwfQ.Zk3pQ9vX2mLr8TnW4bYc1hJs',
    true,
    'alg value mangled',
  ],
  [
    'jwt',
    'eyJ2ZXIiOiIxIiwidHlwIjoiSldUIn0.eyJzdWIiOiI4Mzg3NDY3Yi00YjFlLTQ2MWYtYjQ2My1iZmFmNjgzYjQyNDMiLCJpYXQiOjE3NjQzMTI3MjB9.Heia8XUNQxzo31mlIipU4QRNwFliU4JS5vbY6qNpxZo',
    false,
    'header without alg',
  ],
  [
    'jwt',
    'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIyMzU5OGI1Yy1jOTEzLTQxMDYtOTE3Mi03Yzc4Yjg1ODIxMjkiLCJyb2xlIjoiYWRtaW4iLCJpYXQiOjE3NjQzNDE4NDJ9.',
    false,
    'alg none',
  ],
  [
    'jwt-unsecured',
    'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJ1c2VyIjoic3ZjLS1wRldud28iLCJpYXQiOjE3NjQzNDE4NDIsImV4cCI6MTc2NDM5MDAwMH0.',
    true,
    'alg none after typ',
  ],
  [
    'jwt-unsecured',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4MDE4ZTMzMy1hOTJmLTQ4MDQtYjYzZi1mM2IxZjkyNTFkYjgiLCJpYXQiOjE3NjQzMTI3MjB9.A0-MJbtMUi0ltrDuvQB77lUCKTM5caJdGJY3YJvi1Vo',
    false,
    'alg HS256',
  ],
  [
    'base64-jwt',
    'ZXlKaGJHY2lPaUpJVXpJMU5pSXNJblI1Y0NJNklrcFhWQ0o5LmV5SnpkV0lpT2lKbU1ERTROMlU0TlMwelpXRXdMVFExTUdZdE9Ea3haUzAyTUdZeU1ERXlZekEyTnpBaUxDSnBjM01pT2lKb2RIUndjem92TDJGMWRHZ3VZMjl5Y0M1cGJ5SXNJbWxoZENJNk1UYzJORE14TWpjeU1IMC44Z3ZURlVmaHdQTEJVY0FBTHp6TU9QcGtKQThMV2FFREhZRG5DUHR1QVhr',
    true,
    'base64 of a signed JWT',
  ],
  [
    'base64-jwt',
    'ZXlKbWIyOGlPaUppWVhJaUxDSjBlWEFpT2lKS1YxUWlmUS5leUp6ZFdJaU9pSTBOV0UzTkRGallTMHdNV1l4TFRSbFptTXRZalUyWkMxaVl6QTVOR1EzWkRSbVpUUWlMQ0pwWVhRaU9qRTNOalF6TVRJM01qQjkua08zdnFLUXZvX1dWdnlQOTMwa2N1SmNYY1JwdEQzX0ZLV0JsWC0xb2UwVQ==',
    false,
    'base64 of a token without alg',
  ],
  ['base64-jwt', 'ZXlKaGJHY2lPaUpJVXpJMU5pSjkuZm9vYmFy', false, 'base64 of a header and no payload'],
  ['luhn', '4064206423017209', true, 'Luhn valid'],
  ['luhn', '4064206423017208', false, 'check digit off by one'],
  ['payment-card', '4064 2064 2301 7209', true, 'Visa 16, spaced'],
  ['payment-card', '4069805731433803861', true, 'Visa 19'],
  ['payment-card', '5170-3760-0968-0783', true, 'Mastercard 51-55, dashed'],
  ['payment-card', '2720400459230873', true, 'Mastercard 2-series upper bound'],
  ['payment-card', '345726373341647', true, 'Amex 34'],
  ['payment-card', '6011952405786852', true, 'Discover 6011'],
  ['payment-card', '3530612046497991', true, 'JCB'],
  ['payment-card', '36544944947493', true, 'Diners 36, 14 digits'],
  ['payment-card', '6272446256966790', true, 'UnionPay'],
  ['payment-card', '501807769275', true, 'Maestro 12 digits'],
  ['payment-card', '4064206423017208', false, 'Luhn fails'],
  ['payment-card', '4272936690388', false, 'Visa 13 no longer accepted'],
  ['payment-card', '3457263733416471', false, 'Amex prefix with 16 digits'],
  ['payment-card', '9064206423017201', false, 'no issuer starts with 9'],
  ['payment-card', '4064 2064-2301 7209', false, 'mixed separators'],
  ['payment-card', '4028000000000000', false, 'run of 11 equal digits (register dump)'],
  ['payment-card', '6011000400000000', true, 'a run of 8 zeros still issues'],
  ['iban', 'DE50 5260 1815 9083 0166 13', true, 'Germany, grouped'],
  ['iban', 'GB55CRNB91390996030824', true, 'UK, electronic'],
  ['iban', 'DE51 5260 1815 9083 0166 13', false, 'mod-97 check digits'],
  ['iban', 'DE50 5260 1815 9083 0166 1', false, 'country length'],
  ['iban', 'XY50 5260 1815 9083 0166 13', false, 'unknown country'],
  ['us-ssn', '244-69-7786', true, 'valid structure'],
  ['us-ssn', '880324579', true, 'undelimited'],
  ['us-ssn', '000-69-7786', false, 'area 000'],
  ['us-ssn', '666-69-7786', false, 'area 666'],
  ['us-ssn', '944-69-7786', false, 'area 9xx'],
  ['us-ssn', '244-00-7786', false, 'group 00'],
  ['us-ssn', '244-69-0000', false, 'serial 0000'],
  ['us-ssn', '078-05-1120', false, 'voided advertising number'],
  ['us-itin', '922-52-0802', true, 'group 52'],
  ['us-itin', '974-78-0148', true, 'group 78'],
  ['us-itin', '937-94-0951', true, 'group 94'],
  ['us-itin', '822-52-0802', false, 'does not start with 9'],
  ['us-itin', '922-93-0802', false, 'group 93 not issued'],
  ['us-itin', '922-45-0802', false, 'group below 50'],
  ['aba-routing', '210841156', true, 'prefix 21'],
  ['aba-routing', '117087194', true, 'prefix 11'],
  ['aba-routing', '210841157', false, '3-7-1 checksum'],
  ['aba-routing', '410841154', false, 'prefix 41 is not a Federal Reserve district'],
  ['npi', '1555007651', true, 'Luhn over 80840 prefix'],
  ['npi', '2535937306', true, 'starts with 2'],
  ['npi', '1555007652', false, 'check digit'],
  ['npi', '3555007651', false, 'first digit 3'],
  ['dea', 'AT3015244', true, 'practitioner'],
  ['dea', 'MD9077430', true, 'mid-level practitioner'],
  ['dea', 'AT3015245', false, 'check digit'],
  ['dea', 'ZT3015244', false, 'registrant letter Z'],
  ['medicare-mbi', '8D61-KU1-CM97', true, 'dashed'],
  ['medicare-mbi', '5Q85AT5GY17', true, 'compact'],
  ['medicare-mbi', '0D61KU1CM97', false, 'first character 0'],
  ['medicare-mbi', '8S61KU1CM97', false, 'letter S excluded'],
  ['medicare-mbi', '8D61KU1C397', false, 'position 9 must be a letter'],
  ['icd10', 'E11.9', true, 'diabetes code with subcategory'],
  ['icd10', 'J18', true, 'category only'],
  ['icd10', 'M1A.0710', true, 'letter category with 7th character'],
  ['icd10', 'U07.1', false, 'U chapter reserved'],
  ['icd10', 'E1X.9', false, 'letter third character outside the lettered categories'],
  ['icd10', 'E11.12345', false, 'too many characters after the dot'],
  ['aadhaar', '9546 4065 5065', true, 'Verhoeff valid'],
  ['aadhaar', '891067915882', true, 'compact'],
  ['aadhaar', '9546 4065 5066', false, 'check digit'],
  ['aadhaar', '1546 4065 5065', false, 'first digit 1'],
  ['uk-nino', 'JT 48 21 93 C', true, 'spaced'],
  ['uk-nino', 'SK592047B', true, 'compact'],
  ['uk-nino', 'QQ482193C', false, 'prefix letter Q'],
  ['uk-nino', 'GB482193A', false, 'unallocated prefix GB'],
  ['uk-nino', 'JT482193E', false, 'suffix E'],
  ['canada-sin', '484 727 185', true, 'Luhn valid'],
  ['canada-sin', '484 727 186', false, 'Luhn fails'],
  ['canada-sin', '884727183', false, 'first digit 8'],
  ['brazil-cpf', '725.287.480-00', true, 'both check digits'],
  ['brazil-cpf', '12306703272', true, 'unformatted'],
  ['brazil-cpf', '725.287.480-10', false, 'first check digit'],
  ['brazil-cpf', '725.287.480-01', false, 'second check digit'],
  ['brazil-cpf', '111.111.111-11', false, 'repeated digits'],
  ['spain-dni', '27406935C', true, 'control letter'],
  ['spain-dni', '95943741-T', true, 'dashed'],
  ['spain-dni', '27406935D', false, 'wrong letter'],
  ['spain-dni', '27406935c', true, 'lower case'],
  ['spain-dni', 'L4820913K', true, 'K/L/M NIF: letter of the 7 digits'],
  ['spain-dni', 'M-4820913-K', true, 'K/L/M NIF, dashed'],
  ['spain-dni', 'L4820913Q', false, 'K/L/M NIF, wrong letter'],
  ['spain-dni', 'Q4820913K', false, 'prefix not K/L/M'],
  ['spain-dni', 'L48209135K', false, 'K/L/M NIF with 8 digits'],
  ['spain-nie', 'X0079490W', true, 'X prefix'],
  ['spain-nie', 'Z7547960D', true, 'Z prefix'],
  ['spain-nie', 'X0079490A', false, 'wrong letter'],
  ['spain-nie', 'A0079490W', false, 'prefix not X/Y/Z'],
  ['italy-codice-fiscale', 'VFPHRD42C43B442E', true, 'check letter'],
  ['italy-codice-fiscale', 'KJGTNZ04E19M643I', true, 'check letter'],
  ['italy-codice-fiscale', 'VFPHRD42C43B442F', false, 'wrong check letter'],
  ['italy-codice-fiscale', 'VFPHRD42F43B442E', false, 'month letter F not used'],
  ['france-nir', '2 30 12 15 865 920 59', true, 'spaced'],
  ['france-nir', '224022A75383241', true, 'Corsica 2A'],
  ['france-nir', '230121586592058', false, 'key'],
  ['france-nir', '530121586592059', false, 'sex digit 5'],
  ['germany-tax-id', '65 254 978 013', true, 'one digit twice'],
  ['germany-tax-id', '28340057192', true, 'compact'],
  ['germany-tax-id', '65254978014', false, 'check digit'],
  ['germany-tax-id', '12345678903', false, 'no repeated digit'],
  ['germany-tax-id', '05254978013', false, 'leading zero'],
  ['australia-tfn', '632 598 795', true, 'weights divisible by 11'],
  ['australia-tfn', '567134119', true, 'compact'],
  ['australia-tfn', '632598796', false, 'weights fail'],
  ['public-ipv4', '81.214.37.190', true, 'public'],
  ['public-ipv4', '10.1.2.3', false, 'private 10/8'],
  ['public-ipv4', '172.20.3.4', false, 'private 172.16/12'],
  ['public-ipv4', '192.168.1.20', false, 'private 192.168/16'],
  ['public-ipv4', '127.0.0.1', false, 'loopback'],
  ['public-ipv4', '169.254.10.2', false, 'link-local'],
  ['public-ipv4', '100.64.1.1', false, 'CGNAT'],
  ['public-ipv4', '203.0.113.7', false, 'documentation TEST-NET-3'],
  ['public-ipv4', '198.18.0.5', false, 'benchmarking'],
  ['public-ipv4', '239.1.2.3', false, 'multicast'],
  ['public-ipv4', '256.1.2.3', false, 'octet out of range'],
  ['public-ipv4', '2.0.0.1', false, 'single-digit parts read as a version'],
  ['public-ipv6', '2a02:8071:b83:4e00:5d1c:9f2:1a3b:77c4', true, 'global unicast'],
  ['public-ipv6', '2600:1700:3c0:88f0::19', true, 'compressed'],
  ['public-ipv6', '2001:db8::1', false, 'documentation'],
  ['public-ipv6', 'fe80::1c2d:3e4f', false, 'link-local'],
  ['public-ipv6', '2600:1700::3c0::19', false, 'two :: is not an address'],
  ['email', 'marta.kowalczyk@ferrowind.pl', true, 'personal address'],
  ['email', 'icon@2x.png', false, 'retina asset'],
  ['email', 'report@build.json', false, 'file extension TLD'],
  ['email', 'no-reply@northgrid-energy.com', false, 'role mailbox'],
  ['phone', '+44 20 7183 4426', true, 'UK international'],
  ['phone', '+1 (415) 829-4417', true, 'US international'],
  ['phone', '+1 (415) 555-0132', false, 'NANPA fictional 555-01xx'],
  ['phone', '+44 20 7946 0958', false, 'Ofcom drama number'],
  ['phone', '+44 20 7946', false, 'too short'],
  ['phone-us', '(212) 867-5309', true, 'NANP'],
  ['phone-us', '(112) 867-5309', false, 'area code starting with 1'],
  ['phone-gb', '020 7183 4426', true, 'London'],
  ['phone-de', '030 12345678', true, 'Berlin'],
  ['phone-gb', '030 12345678', false, 'Berlin grouping (GB writes 0301 234 5678)'],
  ['phone-de', '07912 345678', false, 'UK mobile grouping (DE writes 0791 2345678)'],
  ['phone-gb', '07912 345678', true, 'UK mobile'],
  ['phone-gb', '0207 183 4426', true, 'London in a popular non-Ofcom grouping'],
  ['phone-gb', '07700 900123', false, 'Ofcom drama mobile range'],
  ['phone-de', '07456 128093', true, 'grouped alike in both plans: both rules accept it'],
  ['phone-fr', '06.12.34.56.78', true, 'dotted mobile'],
  ['phone-fr', '00 12 34 56 78', false, 'no French number starts 00'],
  ['phone-in', '98765 43210', true, 'mobile'],
  ['phone-in', '98765 4321', false, 'one digit short'],
  ['us-driver-licence', 'B4729183', true, 'generic shape without a state'],
  ['us-driver-licence', 'B47', false, 'too short'],
  ['date-of-birth', '03/12/1985', true, 'past date'],
  ['date-of-birth', '1990-07-04', true, 'ISO'],
  ['date-of-birth', '31/02/1990', false, 'no 31 February, either order'],
  ['date-of-birth', '12/03/2099', false, 'future'],
  ['date-of-birth', '1850-01-01', false, 'older than 120 years'],
];

const ROWS = [...TABLE, ...TRUTH_TABLES];

describe('validators', () => {
  it.each(ROWS)('%s(%j) is %s: %s', (name, value, expected) => {
    const validate = VALIDATORS[name];
    expect(validate, `validator ${name} is registered`).toBeDefined();
    expect(validate!(value, { text: value, start: 0, end: value.length })).toBe(expected);
  });

  it('has a truth table row for every registered validator', () => {
    const covered = new Set(ROWS.map(([name]) => name));
    expect(Object.keys(VALIDATORS).filter((name) => !covered.has(name))).toEqual([]);
  });
});

describe('validators that read the surrounding text', () => {
  const inText = (name: string, before: string, value: string, after = ''): boolean => {
    const text = before + value + after;
    return VALIDATORS[name]!(value, { text, start: before.length, end: before.length + value.length });
  };

  it.each([
    ['Login from ', '81.214.37.190', true],
    ['Upgraded to version ', '81.214.37.190', false],
    ['tag v', '81.214.37.190', false],
  ])('public-ipv4 after %j is %s', (before, value, expected) => {
    expect(inText('public-ipv4', before, value)).toBe(expected);
  });

  it.each([
    ['reach ', 'anna.berg@korvo-mail.se', ' today', true],
    ['git clone ', 'git@korvo-mail.se', ':org/repo.git', false],
  ])('email %j%j%j is %s', (before, value, after, expected) => {
    expect(inText('email', before, value, after)).toBe(expected);
  });

  it.each([
    ['California DL ', 'B4729183', true],
    ['California DL ', '48293017', false],
    ['Texas DL ', '48293017', true],
    ['DL number ', '48293017', true],
    ['DL number ', 'AB12', false],
  ])('us-driver-licence %j%j is %s', (before, value, expected) => {
    expect(inText('us-driver-licence', before, value)).toBe(expected);
  });

  it.each([
    ['Born on ', '12 March 1985', true],
    ['Born on ', 'March 12th, 2090', false],
  ])('date-of-birth with a month name %j%j is %s', (before, value, expected) => {
    expect(inText('date-of-birth', before, value)).toBe(expected);
  });
});

describe('building blocks', () => {
  it.each([
    ['4064206423017209', 'visa'],
    ['2221008265916447', 'mastercard'],
    ['373025338075894', 'amex'],
    ['6523596422462673', 'discover'],
    ['30056920022759', 'diners'],
    ['6759620923407394', 'maestro'],
    ['9999999999999999', undefined],
  ])('cardIssuer(%s) is %s', (pan, issuer) => {
    expect(cardIssuer(pan)).toBe(issuer);
  });

  it.each([
    ['236', true],
    ['235', false],
  ])('verhoeffValid(%s) is %s', (digits, expected) => {
    expect(verhoeffValid(digits)).toBe(expected);
  });

  it.each([
    ['03/04/1985', ['1985-04-03', '1985-03-04']],
    ['25.12.1979', ['1979-12-25']],
    ['01/02/85', ['1985-02-01', '1985-01-02']],
  ])('numericDateCandidates(%s) tries both orders', (value, expected) => {
    expect(numericDateCandidates(value, new Date('2026-01-01T00:00:00Z'))).toEqual(expected);
  });
});
