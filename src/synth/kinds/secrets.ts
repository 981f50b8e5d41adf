// Secret kinds, generated from the vendors' documented token formats.

import { base62, crc32 } from '../checksums.ts';
import { wrapWith, type SensitiveKind } from '../kind.ts';
import { INTERNAL_HOSTS, SERVICES, userName } from '../names.ts';
import { ALNUM, BASE32, BASE64, BASE64URL, DIGITS, HEX, UPPER, type Rng } from '../rng.ts';

const service = (rng: Rng): string => rng.pick(SERVICES);
const host = (rng: Rng): string => rng.pick(INTERNAL_HOSTS);
const slots = { service, host, user: userName };

/** GitHub/npm style: prefix + 30 random base62 + 6-char base62 CRC-32 of the random part. */
const checksummedToken = (prefix: string) => (rng: Rng) => {
  const random = rng.chars(ALNUM, 30);
  return `${prefix}${random}${base62(crc32(random), 6)}`;
};

/** Password characters that survive URLs, shells, YAML and XHTML unescaped. */
const PASSWORD_CHARS = `${ALNUM}!*-_.~`;
const password = (rng: Rng): string => {
  // At least one of each class, so no generated password reads like a word.
  const core = `${rng.chars(UPPER, 2)}${rng.chars(DIGITS, 2)}${rng.chars('!*-_.~', 1)}${rng.chars(PASSWORD_CHARS, rng.int(9, 15))}`;
  return `${rng.chars('abcdefghijklmnopqrstuvwxyz', 2)}${rng.shuffle(core.split('')).join('')}`;
};

const base64Body = (rng: Rng, prefix: string, bytes: number): string => {
  const body = prefix + rng.chars(BASE64, Math.ceil((bytes * 4) / 3) - prefix.length);
  const lines = body.match(/.{1,64}/g) ?? [];
  return lines.join('\n');
};

const pemBlock = (label: string, derPrefix: string, bytes: number) => (rng: Rng) =>
  `-----BEGIN ${label}-----\n${base64Body(rng, derPrefix, bytes)}\n-----END ${label}-----`;

const PEM_WRAPS = [
  'Key that was on the bastion, rotating it now:\n{v}',
  'Here is the deploy key for {service}:\n```\n{v}\n```',
  'cat ~/.ssh/id_deploy\n{v}\nPlease remove this from the ticket once copied.',
];

const b64url = (json: object): string => Buffer.from(JSON.stringify(json)).toString('base64url');

function jwt(rng: Rng): string {
  const header = b64url({ alg: rng.pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' });
  const now = 1_700_000_000 + rng.int(0, 60_000_000);
  const payload = b64url({
    sub: rng.chars(DIGITS, 10),
    name: userName(rng),
    scope: rng.pick(['read:all', 'admin', 'write:orders']),
    iat: now,
    exp: now + 3600,
  });
  return `${header}.${payload}.${rng.chars(BASE64URL, 43)}`;
}

export const SECRET_KINDS: readonly SensitiveKind[] = [
  {
    kind: 'aws-access-key-id',
    category: 'secret',
    family: 'cloud',
    ruleIds: ['aws-access-key-id'],
    generate: (rng) => `${rng.pick(['AKIA', 'AKIA', 'ASIA'])}${rng.chars(BASE32, 16)}`,
    wrap: wrapWith(
      [
        'export AWS_ACCESS_KEY_ID={v}',
        'aws_access_key_id = {v}',
        '[{service}] boto3 client init with key {v} failed: AccessDenied',
        '"accessKeyId": "{v}",',
      ],
      slots,
    ),
  },
  {
    kind: 'aws-secret-access-key',
    category: 'secret',
    family: 'cloud',
    ruleIds: ['aws-secret-access-key'],
    generate: (rng) => rng.chars(BASE64, 40),
    wrap: wrapWith(
      [
        'aws_secret_access_key = {v}',
        'export AWS_SECRET_ACCESS_KEY="{v}"',
        'AWS_SECRET_ACCESS_KEY: {v}',
        '"secretAccessKey": "{v}"',
      ],
      slots,
    ),
  },
  {
    kind: 'gcp-api-key',
    category: 'secret',
    family: 'cloud',
    ruleIds: ['gcp-api-key'],
    generate: (rng) => `AIza${rng.chars(BASE64URL, 35)}`,
    wrap: wrapWith([
      'curl "https://maps.googleapis.com/maps/api/geocode/json?address=Main&key={v}"',
      'GOOGLE_API_KEY={v}',
      'The Firebase config has apiKey: "{v}"',
    ]),
  },
  {
    kind: 'azure-storage-connection-string',
    category: 'secret',
    family: 'cloud',
    ruleIds: ['azure-storage-connection-string', 'azure-storage-account-key'],
    generate: (rng) =>
      `DefaultEndpointsProtocol=https;AccountName=${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 12)};AccountKey=${rng.chars(BASE64, 86)}==;EndpointSuffix=core.windows.net`,
    wrap: wrapWith([
      'AZURE_STORAGE_CONNECTION_STRING="{v}"',
      'appsettings.json has "StorageConnection": "{v}"',
    ]),
  },
  {
    kind: 'github-pat-classic',
    category: 'secret',
    family: 'code-host',
    ruleIds: ['github-pat-classic'],
    generate: checksummedToken('ghp_'),
    wrap: wrapWith(
      [
        'git clone https://{v}@github.com/acme/{service}.git',
        'export GITHUB_TOKEN={v}',
        'curl -H "Authorization: token {v}" https://api.github.com/user',
      ],
      slots,
    ),
  },
  {
    kind: 'github-oauth-token',
    category: 'secret',
    family: 'code-host',
    ruleIds: ['github-oauth-token'],
    generate: checksummedToken('gho_'),
    wrap: wrapWith(['gh auth status shows token {v}', 'oauth_token: {v}']),
  },
  {
    kind: 'github-pat-fine-grained',
    category: 'secret',
    family: 'code-host',
    ruleIds: ['github-pat-fine-grained'],
    generate: (rng) => `github_pat_${rng.chars(ALNUM, 22)}_${rng.chars(ALNUM, 59)}`,
    wrap: wrapWith(['GH_TOKEN={v} gh release create v2.4.0', 'Fine-grained token for the release bot: {v}']),
  },
  {
    kind: 'gitlab-pat',
    category: 'secret',
    family: 'code-host',
    ruleIds: ['gitlab-pat'],
    generate: (rng) => `glpat-${rng.chars(`${ALNUM}-_`, 20)}`,
    wrap: wrapWith([
      'git remote set-url origin https://oauth2:{v}@gitlab.com/acme/infra.git',
      'PRIVATE-TOKEN: {v}',
    ]),
  },
  {
    kind: 'atlassian-api-token',
    category: 'secret',
    family: 'code-host',
    ruleIds: ['atlassian-api-token'],
    generate: (rng) => `ATATT3xFfGF0${rng.chars(`${ALNUM}-_`, 171)}=${rng.chars('0123456789ABCDEF', 8)}`,
    wrap: wrapWith(
      ['curl -u {user}@acme.io:{v} https://acme.atlassian.net/rest/api/3/myself', 'JIRA_API_TOKEN={v}'],
      slots,
    ),
  },
  {
    kind: 'slack-bot-token',
    category: 'secret',
    family: 'chat',
    ruleIds: ['slack-bot-token'],
    generate: (rng) =>
      `xoxb-${rng.chars(DIGITS, rng.int(10, 13))}-${rng.chars(DIGITS, rng.int(10, 13))}-${rng.chars(ALNUM, 24)}`,
    wrap: wrapWith(['SLACK_BOT_TOKEN={v}', 'slack: {\n  token: "{v}",\n  channel: "#deploys"\n}']),
  },
  {
    kind: 'slack-user-token',
    category: 'secret',
    family: 'chat',
    ruleIds: ['slack-user-token'],
    generate: (rng) =>
      `xoxp-${rng.chars(DIGITS, 12)}-${rng.chars(DIGITS, 12)}-${rng.chars(DIGITS, 13)}-${rng.chars(HEX, 32)}`,
    wrap: wrapWith(['My user token, for the export script: {v}', 'SLACK_USER_TOKEN="{v}"']),
  },
  {
    kind: 'slack-webhook-url',
    category: 'secret',
    family: 'chat',
    ruleIds: ['slack-webhook-url'],
    generate: (rng) =>
      `https://hooks.slack.com/services/T${rng.chars(`${UPPER}0123456789`, 8)}/B${rng.chars(`${UPPER}0123456789`, 10)}/${rng.chars(ALNUM, 24)}`,
    wrap: wrapWith([
      'curl -X POST -H \'Content-type: application/json\' --data \'{"text":"deploy done"}\' {v}',
      'alertmanager receiver slack_api_url: {v}',
    ]),
  },
  {
    kind: 'stripe-live-secret-key',
    category: 'secret',
    family: 'payments',
    ruleIds: ['stripe-secret-key'],
    generate: (rng) =>
      rng.chance(0.5) ? `sk_live_${rng.chars(ALNUM, 24)}` : `sk_live_51${rng.chars(ALNUM, 97)}`,
    wrap: wrapWith([
      'STRIPE_SECRET_KEY={v}',
      'stripe.api_key = "{v}"',
      'curl https://api.stripe.com/v1/charges -u {v}:',
    ]),
  },
  {
    kind: 'openai-api-key',
    category: 'secret',
    family: 'ai',
    ruleIds: ['openai-api-key'],
    generate: (rng) =>
      `sk-${rng.pick(['proj', 'svcacct'])}-${rng.chars(`${ALNUM}-_`, 64)}T3BlbkFJ${rng.chars(`${ALNUM}-_`, 64)}`,
    wrap: wrapWith(['OPENAI_API_KEY={v}', 'client = OpenAI(api_key="{v}")']),
  },
  {
    kind: 'anthropic-api-key',
    category: 'secret',
    family: 'ai',
    ruleIds: ['anthropic-api-key'],
    generate: (rng) => `sk-ant-api03-${rng.chars(`${ALNUM}-_`, 93)}AA`,
    wrap: wrapWith([
      'ANTHROPIC_API_KEY={v}',
      'curl https://api.anthropic.com/v1/messages -H "x-api-key: {v}"',
    ]),
  },
  {
    kind: 'huggingface-token',
    category: 'secret',
    family: 'ai',
    ruleIds: ['huggingface-token'],
    generate: (rng) => `hf_${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`,
    wrap: wrapWith(['huggingface-cli login --token {v}', 'HF_TOKEN={v}']),
  },
  {
    kind: 'npm-token',
    category: 'secret',
    family: 'registry',
    ruleIds: ['npm-access-token'],
    generate: checksummedToken('npm_'),
    wrap: wrapWith(['//registry.npmjs.org/:_authToken={v}', 'NPM_TOKEN={v} npm publish']),
  },
  {
    kind: 'docker-hub-pat',
    category: 'secret',
    family: 'registry',
    ruleIds: ['docker-hub-pat'],
    generate: (rng) => `dckr_pat_${rng.chars(`${ALNUM}-_`, 27)}`,
    wrap: wrapWith(['echo {v} | docker login -u acmeci --password-stdin', 'DOCKERHUB_TOKEN={v}']),
  },
  {
    kind: 'sendgrid-api-key',
    category: 'secret',
    family: 'comms',
    ruleIds: ['sendgrid-api-key'],
    generate: (rng) => `SG.${rng.chars(`${ALNUM}-_`, 22)}.${rng.chars(`${ALNUM}-_`, 43)}`,
    wrap: wrapWith(['SENDGRID_API_KEY={v}', 'mail.sendgrid.apiKey: {v}']),
  },
  {
    kind: 'private-key-rsa',
    category: 'secret',
    family: 'private-key',
    ruleIds: ['private-key-pem', 'private-key-rsa'],
    generate: pemBlock('RSA PRIVATE KEY', 'MIIEpAIBAAKCAQEA', 1190),
    wrap: wrapWith(PEM_WRAPS, slots),
  },
  {
    kind: 'private-key-pkcs8',
    category: 'secret',
    family: 'private-key',
    ruleIds: ['private-key-pem', 'private-key-pkcs8'],
    generate: pemBlock('PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 1216),
    wrap: wrapWith(PEM_WRAPS, slots),
  },
  {
    kind: 'private-key-ec',
    category: 'secret',
    family: 'private-key',
    ruleIds: ['private-key-pem', 'private-key-ec'],
    generate: pemBlock('EC PRIVATE KEY', 'MHcCAQEEI', 121),
    wrap: wrapWith(PEM_WRAPS, slots),
  },
  {
    kind: 'private-key-openssh',
    category: 'secret',
    family: 'private-key',
    ruleIds: ['private-key-openssh'],
    generate: pemBlock(
      'OPENSSH PRIVATE KEY',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
      399,
    ),
    wrap: wrapWith(PEM_WRAPS, slots),
  },
  {
    kind: 'jwt',
    category: 'secret',
    family: 'token',
    ruleIds: ['jwt'],
    generate: jwt,
    wrap: wrapWith([
      'Authorization: Bearer {v}',
      'curl -H "Authorization: Bearer {v}" https://api.acme.io/v2/orders',
      'the session cookie was token={v}; Path=/; HttpOnly',
    ]),
  },
  {
    kind: 'postgres-url',
    category: 'secret',
    family: 'database',
    ruleIds: ['postgres-connection-string', 'password-in-url'],
    generate: (rng) =>
      `postgres://${userName(rng)}:${password(rng)}@${host(rng)}:5432/${rng.pick(SERVICES).replace('-', '_')}`,
    wrap: wrapWith([
      'DATABASE_URL={v}',
      'psql "{v}" -c "select 1"',
      'Connection failed for {v} (timeout after 30s)',
    ]),
  },
  {
    kind: 'mysql-url',
    category: 'secret',
    family: 'database',
    ruleIds: ['mysql-connection-string', 'password-in-url'],
    generate: (rng) => `mysql://${userName(rng)}:${password(rng)}@${host(rng)}:3306/shop`,
    wrap: wrapWith(['spring.datasource.url={v}', 'MYSQL_URL="{v}"']),
  },
  {
    kind: 'mongodb-url',
    category: 'secret',
    family: 'database',
    ruleIds: ['mongodb-connection-string', 'password-in-url'],
    generate: (rng) =>
      `mongodb+srv://${userName(rng)}:${password(rng)}@cluster0.${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 5)}.mongodb.net/app`,
    wrap: wrapWith(['MONGO_URI={v}', 'mongosh "{v}"']),
  },
  {
    kind: 'redis-url',
    category: 'secret',
    family: 'database',
    ruleIds: ['redis-connection-string', 'password-in-url'],
    generate: (rng) => `rediss://default:${password(rng)}@${host(rng)}:6380/0`,
    wrap: wrapWith(['REDIS_URL={v}', 'cache.url: {v}']),
  },
  {
    kind: 'generic-password-assignment',
    category: 'secret',
    family: 'generic',
    ruleIds: ['generic-password-assignment', 'generic-password', 'generic-secret-assignment'],
    generate: password,
    wrap: wrapWith(
      [
        'password={v}',
        'DB_PASSWORD="{v}"',
        '  password: "{v}"',
        'mysql -u admin --password={v} -h {host}',
        'The new admin password is {v}',
      ],
      slots,
    ),
  },
];
