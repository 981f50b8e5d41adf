// Credentials that are not vendor tokens: private keys, JWTs, database URLs and passwords.

import { wrapWith, type SensitiveKind } from '../kind.ts';
import { userName } from '../names.ts';
import { SERVICES } from '../names.ts';
import { BASE64, type Rng } from '../rng.ts';
import { base64Lines, jwt, password, PEM_WRAPS, pemBlock, slots } from './secret-parts.ts';

const host = slots.host;

/** RFC 4880 armour: header, blank line, base64 body, "=" + 4-character CRC-24, footer. */
const pgpPrivateKey = (rng: Rng): string =>
  `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${base64Lines(rng, 'lQOYBG', 940)}\n=${rng.chars(BASE64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`;

export const CREDENTIAL_SECRET_KINDS: readonly SensitiveKind[] = [
  {
    kind: 'private-key-rsa',
    category: 'secret',
    family: 'private-key',
    ruleIds: ['pem-rsa-private-key'],
    generate: pemBlock('RSA PRIVATE KEY', 'MIIEpAIBAAKCAQEA', 1190),
    wrap: wrapWith(PEM_WRAPS, slots),
  },
  {
    kind: 'private-key-pkcs8',
    category: 'secret',
    family: 'private-key',
    ruleIds: ['pem-pkcs8-private-key'],
    generate: pemBlock('PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 1216),
    wrap: wrapWith(PEM_WRAPS, slots),
  },
  {
    kind: 'private-key-ec',
    category: 'secret',
    family: 'private-key',
    ruleIds: ['pem-ec-private-key'],
    generate: pemBlock('EC PRIVATE KEY', 'MHcCAQEEI', 121),
    wrap: wrapWith(PEM_WRAPS, slots),
  },
  {
    kind: 'private-key-openssh',
    category: 'secret',
    family: 'private-key',
    ruleIds: ['openssh-private-key'],
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
    ruleIds: ['generic-password-assignment', 'generic-password-prose', 'generic-secret-assignment'],
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
  {
    kind: 'private-key-pgp',
    category: 'secret',
    family: 'private-key',
    ruleIds: ['pgp-private-key-block'],
    generate: pgpPrivateKey,
    wrap: wrapWith(PEM_WRAPS, slots),
  },
  {
    kind: 'sqlserver-jdbc-url',
    category: 'secret',
    family: 'database',
    ruleIds: ['sqlserver-jdbc-password'],
    generate: (rng) =>
      `jdbc:sqlserver://${host(rng)}:1433;databaseName=orders;user=svc_orders;password=${password(rng)};encrypt=true`,
    wrap: wrapWith(['spring.datasource.url={v}', 'Connection string in the job config: {v}']),
  },
  {
    kind: 'password-in-url',
    category: 'secret',
    family: 'database',
    ruleIds: ['password-in-url', 'amqp-connection-string', 'file-transfer-uri'],
    generate: (rng) =>
      `${rng.pick(['https', 'ftp', 'amqp'])}://${userName(rng)}:${password(rng)}@${rng.pick(['artifacts.acme.io', 'mq.internal', 'files.acme.io'])}/${rng.pick(SERVICES)}`,
    wrap: wrapWith(['The mirror is configured as {v}', 'curl -O {v}/latest.tar.gz']),
  },
];
