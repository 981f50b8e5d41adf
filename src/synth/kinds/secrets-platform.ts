// Secrets of cloud providers, code hosts, Atlassian and chat tools, from their documented token formats.

import { wrapWith, type SensitiveKind } from '../kind.ts';
import { ALNUM, BASE32, BASE64, BASE64URL, DIGITS, HEX, UPPER } from '../rng.ts';
import { uuid } from '../benign/identifiers.ts';
import { checksummedToken, slots } from './secret-parts.ts';

export const PLATFORM_SECRET_KINDS: readonly SensitiveKind[] = [
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
    ruleIds: ['azure-storage-account-key', 'azure-storage-key-assignment'],
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
    ruleIds: ['github-fine-grained-pat'],
    generate: (rng) => `github_pat_${rng.chars(ALNUM, 22)}_${rng.chars(ALNUM, 59)}`,
    wrap: wrapWith(['GH_TOKEN={v} gh release create v2.4.0', 'Fine-grained token for the release bot: {v}']),
  },
  {
    kind: 'gitlab-pat',
    category: 'secret',
    family: 'code-host',
    ruleIds: ['gitlab-personal-access-token'],
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
    kind: 'bitbucket-app-password',
    category: 'secret',
    family: 'code-host',
    ruleIds: ['bitbucket-app-password'],
    generate: (rng) => `ATBB${rng.chars(ALNUM, 32)}${rng.chars('0123456789ABCDEF', 8)}`,
    wrap: wrapWith(
      ['git clone https://{user}:{v}@bitbucket.org/acme/{service}.git', 'BITBUCKET_APP_PASSWORD={v}'],
      slots,
    ),
  },
  {
    kind: 'discord-webhook-url',
    category: 'secret',
    family: 'chat',
    ruleIds: ['discord-webhook-url'],
    generate: (rng) =>
      `https://discord.com/api/webhooks/${rng.int(1, 9)}${rng.chars(DIGITS, 17)}/${rng.chars(`${ALNUM}-_`, 68)}`,
    wrap: wrapWith(['The build bot posts to {v}', 'DISCORD_WEBHOOK={v}']),
  },
  {
    kind: 'teams-webhook-url',
    category: 'secret',
    family: 'chat',
    ruleIds: ['microsoft-teams-webhook-url'],
    generate: (rng) =>
      `https://acme.webhook.office.com/webhookb2/${uuid(rng)}@${uuid(rng)}/IncomingWebhook/${rng.chars(HEX, 32)}/${uuid(rng)}`,
    wrap: wrapWith(['Teams connector for #incidents: {v}', 'teams_webhook_url: {v}']),
  },
];
