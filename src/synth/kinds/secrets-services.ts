// Secrets of SaaS services: payments, AI providers, package registries, messaging and observability.

import { wrapWith, type SensitiveKind } from '../kind.ts';
import { ALNUM, BASE64URL, DIGITS, HEX, UPPER } from '../rng.ts';
import { checksummedToken, slots } from './secret-parts.ts';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export const SERVICE_SECRET_KINDS: readonly SensitiveKind[] = [
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
    ruleIds: ['openai-project-key', 'openai-service-account-key'],
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
    ruleIds: ['huggingface-access-token'],
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
    ruleIds: ['docker-hub-access-token'],
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
    kind: 'square-access-token',
    category: 'secret',
    family: 'payments',
    ruleIds: ['square-access-token'],
    generate: (rng) => `EAAA${rng.chars(`${ALNUM}-_`, 60)}`,
    wrap: wrapWith([
      'SQUARE_ACCESS_TOKEN={v}',
      'curl https://connect.squareup.com/v2/locations -H "Authorization: Bearer {v}"',
    ]),
  },
  {
    kind: 'braintree-access-token',
    category: 'secret',
    family: 'payments',
    ruleIds: ['braintree-access-token'],
    generate: (rng) => `access_token$production$${rng.chars(LOWER_ALNUM, 16)}$${rng.chars(HEX, 32)}`,
    wrap: wrapWith([
      'BRAINTREE_ACCESS_TOKEN={v}',
      'gateway = braintree.BraintreeGateway(access_token="{v}")',
    ]),
  },
  {
    kind: 'twilio-api-key',
    category: 'secret',
    family: 'comms',
    ruleIds: ['twilio-api-key'],
    generate: (rng) => `SK${rng.chars(HEX, 32)}`,
    wrap: wrapWith(['TWILIO_API_KEY={v}', 'twilio api key sid {v} for the SMS fallback']),
  },
  {
    kind: 'mailgun-api-key',
    category: 'secret',
    family: 'comms',
    ruleIds: ['mailgun-private-key', 'mailgun-api-key'],
    generate: (rng) => `key-${rng.chars(HEX, 32)}`,
    wrap: wrapWith([
      'curl -s --user "api:{v}" https://api.mailgun.net/v3/mg.acme.io/messages',
      'MAILGUN_API_KEY={v}',
    ]),
  },
  {
    kind: 'mailchimp-api-key',
    category: 'secret',
    family: 'comms',
    ruleIds: ['mailchimp-api-key'],
    generate: (rng) => `${rng.chars(HEX, 32)}-us${rng.int(1, 21)}`,
    wrap: wrapWith(['MAILCHIMP_API_KEY={v}', 'mailchimp client configured with api key {v}']),
  },
  {
    kind: 'cohere-api-key',
    category: 'secret',
    family: 'ai',
    ruleIds: ['cohere-api-key'],
    generate: (rng) => rng.chars(ALNUM, 40),
    wrap: wrapWith(['COHERE_API_KEY={v}', 'co = cohere.Client("{v}")']),
  },
  {
    kind: 'pypi-api-token',
    category: 'secret',
    family: 'registry',
    ruleIds: ['pypi-api-token'],
    generate: (rng) => `pypi-AgEIcHlwaS5vcmc${rng.chars(BASE64URL, rng.int(60, 160))}`,
    wrap: wrapWith([
      'twine upload -u __token__ -p {v} dist/*',
      '[pypi]\n  username = __token__\n  password = {v}',
    ]),
  },
  {
    kind: 'rubygems-api-key',
    category: 'secret',
    family: 'registry',
    ruleIds: ['rubygems-api-key'],
    generate: (rng) => `rubygems_${rng.chars(HEX, 48)}`,
    wrap: wrapWith(['GEM_HOST_API_KEY={v}', ':rubygems_api_key: {v}']),
  },
  {
    kind: 'sentry-dsn',
    category: 'secret',
    family: 'observability',
    ruleIds: ['sentry-dsn'],
    generate: (rng) =>
      `https://${rng.chars(HEX, 32)}@o${rng.chars(DIGITS, 6)}.ingest.sentry.io/${rng.int(1, 9)}${rng.chars(DIGITS, 6)}`,
    wrap: wrapWith(['SENTRY_DSN={v}', 'Sentry.init({ dsn: "{v}", tracesSampleRate: 0.2 })']),
  },
  {
    kind: 'new-relic-user-api-key',
    category: 'secret',
    family: 'observability',
    ruleIds: ['new-relic-user-api-key'],
    generate: (rng) => `NRAK-${rng.chars(`${UPPER}${DIGITS}`, 27)}`,
    wrap: wrapWith(['NEW_RELIC_API_KEY={v}', 'curl https://api.newrelic.com/graphql -H "API-Key: {v}"']),
  },
  {
    kind: 'grafana-service-account-token',
    category: 'secret',
    family: 'observability',
    ruleIds: ['grafana-service-account-token'],
    generate: (rng) => `glsa_${rng.chars(ALNUM, 32)}_${rng.chars(HEX, 8)}`,
    wrap: wrapWith([
      'GRAFANA_TOKEN={v}',
      'curl -H "Authorization: Bearer {v}" https://grafana.acme.io/api/dashboards/home',
    ]),
  },
  {
    kind: 'datadog-api-key',
    category: 'secret',
    family: 'observability',
    ruleIds: ['datadog-api-key'],
    generate: (rng) => rng.chars(HEX, 32),
    wrap: wrapWith(
      ['DD_API_KEY={v}', 'datadog:\n  apiKey: {v}', 'docker run -e DD_API_KEY={v} datadog/agent:7'],
      slots,
    ),
  },
];
