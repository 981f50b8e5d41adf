// Whole-value format checks per sensitive kind, shared by the generator and corpus tests.

import { isIPv6 } from 'node:net';
import { crc32 as zlibCrc32 } from 'node:zlib';
import * as check from './format-checks.ts';

const shape = (re: RegExp) => (value: string) => re.test(value);
const b64 = 'A-Za-z0-9+/';
const pem = (label: string) =>
  shape(new RegExp(`^-----BEGIN ${label}-----\\n([${b64}]{64}\\n)+[${b64}]{1,64}\\n-----END ${label}-----$`));

function jwtValid(value: string): boolean {
  const parts = value.split('.');
  if (parts.length !== 3 || !/^[\w-]{43}$/.test(parts[2]!)) return false;
  const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString()) as { typ?: string };
  const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as { exp?: number };
  return header.typ === 'JWT' && typeof payload.exp === 'number';
}

function githubChecksumValid(value: string): boolean {
  const m = /^(?:ghp|gho|npm)_([A-Za-z0-9]{30})([A-Za-z0-9]{6})$/.exec(value);
  if (!m) return false;
  // Re-derive the CRC-32 with Node's zlib rather than the generator's own table.
  return decodeBase62(m[2]!) === zlibCrc32(m[1]!) >>> 0;
}

const decodeBase62 = (s: string): number =>
  [...s].reduce(
    (acc, ch) => acc * 62 + '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.indexOf(ch),
    0,
  );

const url = (scheme: string) =>
  shape(new RegExp(`^${scheme}://[a-z.]+(:[A-Za-z0-9!*._~-]{12,})?@[a-z0-9.-]+(:\\d+)?/\\w+$`));

/** Every kind must have an entry: a new generator cannot ship without a check of its format. */
export const VALID: Record<string, (value: string) => boolean> = {
  'aws-access-key-id': shape(/^(AKIA|ASIA)[A-Z2-7]{16}$/),
  'aws-secret-access-key': shape(/^[A-Za-z0-9+/]{40}$/),
  'gcp-api-key': shape(/^AIza[\w-]{35}$/),
  'azure-storage-connection-string': shape(
    /^DefaultEndpointsProtocol=https;AccountName=[a-z0-9]{3,24};AccountKey=[A-Za-z0-9+/]{86}==;EndpointSuffix=core\.windows\.net$/,
  ),
  'github-pat-classic': (v) => v.startsWith('ghp_') && githubChecksumValid(v),
  'github-oauth-token': (v) => v.startsWith('gho_') && githubChecksumValid(v),
  'github-pat-fine-grained': shape(/^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/),
  'gitlab-pat': shape(/^glpat-[\w-]{20}$/),
  'atlassian-api-token': shape(/^ATATT3xFfGF0[\w-]{171}=[0-9A-F]{8}$/),
  'slack-bot-token': shape(/^xoxb-\d{10,13}-\d{10,13}-[A-Za-z0-9]{24}$/),
  'slack-user-token': shape(/^xoxp-\d{12}-\d{12}-\d{13}-[a-f0-9]{32}$/),
  'slack-webhook-url': shape(
    /^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8}\/B[A-Z0-9]{10}\/[A-Za-z0-9]{24}$/,
  ),
  'stripe-live-secret-key': shape(/^sk_live_([A-Za-z0-9]{24}|51[A-Za-z0-9]{97})$/),
  'openai-api-key': shape(/^sk-(proj|svcacct)-[\w-]{64}T3BlbkFJ[\w-]{64}$/),
  'anthropic-api-key': shape(/^sk-ant-api03-[\w-]{93}AA$/),
  'huggingface-token': shape(/^hf_[A-Za-z]{34}$/),
  'npm-token': (v) => v.startsWith('npm_') && githubChecksumValid(v),
  'docker-hub-pat': shape(/^dckr_pat_[\w-]{27}$/),
  'sendgrid-api-key': shape(/^SG\.[\w-]{22}\.[\w-]{43}$/),
  'private-key-rsa': pem('RSA PRIVATE KEY'),
  'private-key-pkcs8': pem('PRIVATE KEY'),
  'private-key-ec': pem('EC PRIVATE KEY'),
  'private-key-openssh': pem('OPENSSH PRIVATE KEY'),
  'bitbucket-app-password': shape(/^ATBB[A-Za-z0-9]{32}[0-9A-F]{8}$/),
  'discord-webhook-url': shape(/^https:\/\/discord\.com\/api\/webhooks\/\d{18}\/[\w-]{68}$/),
  'teams-webhook-url': shape(
    /^https:\/\/acme\.webhook\.office\.com\/webhookb2\/[\da-f-]{36}@[\da-f-]{36}\/IncomingWebhook\/[\da-f]{32}\/[\da-f-]{36}$/,
  ),
  'square-access-token': shape(/^EAAA[\w-]{60}$/),
  'braintree-access-token': shape(/^access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}$/),
  'twilio-api-key': shape(/^SK[0-9a-f]{32}$/),
  'mailgun-api-key': shape(/^key-[0-9a-f]{32}$/),
  'mailchimp-api-key': shape(/^[0-9a-f]{32}-us\d{1,2}$/),
  'cohere-api-key': shape(/^[A-Za-z0-9]{40}$/),
  'pypi-api-token': shape(/^pypi-AgEIcHlwaS5vcmc[\w-]{60,160}$/),
  'rubygems-api-key': shape(/^rubygems_[0-9a-f]{48}$/),
  'sentry-dsn': shape(/^https:\/\/[0-9a-f]{32}@o\d{6}\.ingest\.sentry\.io\/\d{7}$/),
  'new-relic-user-api-key': shape(/^NRAK-[A-Z0-9]{27}$/),
  'grafana-service-account-token': shape(/^glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}$/),
  'datadog-api-key': shape(/^[0-9a-f]{32}$/),
  'private-key-pgp': shape(
    /^-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n([A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/]{1,64}\n=[A-Za-z0-9+/]{4}\n-----END PGP PRIVATE KEY BLOCK-----$/,
  ),
  'sqlserver-jdbc-url': shape(
    /^jdbc:sqlserver:\/\/[a-z0-9.-]+:1433;databaseName=orders;user=svc_orders;password=[A-Za-z0-9!*._~-]{16,22};encrypt=true$/,
  ),
  'password-in-url': shape(/^(https|ftp|amqp):\/\/[a-z.]+:[A-Za-z0-9!*._~-]{16,22}@[a-z.]+\/[a-z-]+$/),
  jwt: jwtValid,
  'postgres-url': url('postgres'),
  'mysql-url': url('mysql'),
  'mongodb-url': shape(
    /^mongodb\+srv:\/\/[a-z.]+:[A-Za-z0-9!*._~-]{12,}@cluster0\.[a-z0-9]{5}\.mongodb\.net\/app$/,
  ),
  'redis-url': url('rediss'),
  'generic-password-assignment': shape(
    /^(?=.*[A-Z])(?=.*\d)(?=.*[a-z])(?=.*[!*._~-])[A-Za-z0-9!*._~-]{16,22}$/,
  ),
  email: shape(/^[a-z]+\.[a-z]+\d{0,2}@[a-z.]+\.[a-z]{2,}$/),
  'phone-nanp': check.phoneValid('US'),
  'phone-uk': check.phoneValid('GB'),
  'phone-de': check.phoneValid('DE'),
  'phone-fr': check.phoneValid('FR'),
  'phone-in': check.phoneValid('IN'),
  'ipv4-public': (v) => {
    const [a, b] = v.split('.').map(Number) as [number, number];
    return (
      /^(\d{1,3}\.){3}\d{1,3}$/.test(v) &&
      ![10, 127, 0].includes(a) &&
      !(a === 172 && b >= 16 && b <= 31) &&
      !(a === 192 && b === 168) &&
      a < 224
    );
  },
  'date-of-birth': (v) => {
    const year = Number(/(19|20)\d\d/.exec(v)?.[0]);
    return (
      year >= 1900 &&
      year <= 2010 &&
      !Number.isNaN(Date.parse(v.replace(/^(\d\d)\.(\d\d)\.(\d{4})$/, '$3-$2-$1')))
    );
  },
  'us-street-address': shape(
    /^\d{2,4} [A-Z][a-z]+ [A-Z][a-z]+( Apt \d+[A-Z]?)?, [A-Z][a-z]+, [A-Z]{2} \d{5}$/,
  ),
  iban: check.ibanValid,
  'us-bank-routing': check.abaValid,
  'us-ssn': check.ssnValid,
  'uk-nino': check.ninoValid,
  'ca-sin': (v) => /^[1-7]\d{2} \d{3} \d{3}$/.test(v) && check.luhnValid(v),
  'in-aadhaar': (v) => /^[2-9]\d{3} \d{4} \d{4}$/.test(v) && check.verhoeffValid(v),
  'br-cpf': (v) => /^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(v) && check.cpfValid(v),
  'es-dni': (v) => /^\d{8}[A-Z]$/.test(v) && check.dniValid(v),
  'es-nie': (v) => /^[XYZ]\d{7}[A-Z]$/.test(v) && check.dniValid(v),
  'it-codice-fiscale': check.codiceFiscaleValid,
  'fr-nir': check.nirValid,
  'de-steuer-id': check.steuerIdValid,
  'au-tfn': check.tfnValid,
  'us-itin': shape(/^9\d{2}-(5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])-\d{4}$/),
  'us-driver-licence': shape(/^([A-Z]\d{7}|\d{9}|[A-Z]\d{12}|\d{8})$/),
  'ipv6-public': (v) => isIPv6(v) && /^2(a0|60|40)[1-9a-f]:/.test(v),
  'bank-account-number': shape(/^\d{8,12}$/),
  'us-passport': shape(/^[A-Z]\d{8}$/),
  mrn: shape(/^(\d{8}|MRN\d{7}|[A-Z]{2}-\d{6})$/),
  'health-member-id': shape(/^[A-Z]{3}\d{9}$/),
  'medicare-mbi': check.mbiValid,
  npi: check.npiValid,
  'dea-number': check.deaValid,
  'icd10-clinical': shape(/^[A-TV-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/),
  'patient-health-combo': shape(/^Patient:? [A-Z]\S+ [A-Z]\S+(,| was seen)/),
  ...Object.fromEntries(
    ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners', 'unionpay'].map((n) => [
      `card-${n}`,
      check.cardValid(`card-${n}`),
    ]),
  ),
};
