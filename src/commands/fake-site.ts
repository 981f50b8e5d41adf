// `exposure fake-site`: runs the loopback Atlassian Cloud in the foreground for the demo and for trying the
// scanner, prints the base URL and the credentials it accepts, and stops cleanly on Ctrl-C / SIGTERM.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import { DEFAULT_SITE_SPEC } from '../fake-site/generator.ts';
import { DEFAULT_EMAIL, DEFAULT_TOKEN, startFakeSite } from '../fake-site/server.ts';
import type { TokenKind } from '../fake-site/gateway.ts';
import { DEFAULT_GRANT, parseScopes } from '../fake-site/scopes.ts';
import type { JiraRole } from '../fake-site/site.ts';
import { isKnownZone } from '../fake-site/time-zone.ts';

export interface FakeSiteFlags {
  port: string;
  seed: string;
  issues: string;
  pages: string;
  email: string;
  token: string;
  truth?: string;
  userTz: string;
  siteTz: string;
  jiraRole: string;
  tokenKind: string;
  scopes?: string;
}

const JIRA_ROLES: readonly JiraRole[] = ['admin', 'project-admin', 'user'];
const TOKEN_KINDS: readonly TokenKind[] = ['classic', 'scoped'];

function integer(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function zone(name: string, raw: string): string {
  if (!isKnownZone(raw)) throw new UsageError(`--${name} must be an IANA time zone such as Europe/Berlin`);
  return raw;
}

function jiraRole(raw: string): JiraRole {
  const role = JIRA_ROLES.find((r) => r === raw);
  if (!role) throw new UsageError(`--jira-role must be one of ${JIRA_ROLES.join(', ')}`);
  return role;
}

function tokenKind(raw: string): TokenKind {
  const kind = TOKEN_KINDS.find((k) => k === raw);
  if (!kind) throw new UsageError(`--token-kind must be one of ${TOKEN_KINDS.join(', ')}`);
  return kind;
}

function scopes(raw: string | undefined, kind: TokenKind): Set<string> | undefined {
  if (raw === undefined) return undefined;
  if (kind !== 'scoped') throw new UsageError('--scopes needs --token-kind scoped');
  try {
    return parseScopes(raw);
  } catch (error) {
    throw new UsageError(`--scopes: ${(error as Error).message}`);
  }
}

/** How to point a scan at the gateway listener of a scoped fake site. */
function scopedLines(site: { url: string; gatewayUrl: string; cloudId: string }, granted: Iterable<string>) {
  return [
    `  token kind: scoped (the site URL refuses it; the API gateway at ${site.gatewayUrl} takes it)`,
    `  scopes: ${[...granted].join(', ')}`,
    `  cloud id: ${site.cloudId}; scan with EXPOSURE_TEST_GATEWAY=${site.gatewayUrl} (a loopback-only test hook)`,
  ];
}

/** Runs until `stopSignal` aborts; resolves once every socket is closed. */
export async function runFakeSite(
  flags: FakeSiteFlags,
  out: { write(text: string): unknown },
  stopSignal: AbortSignal,
): Promise<void> {
  const spec = {
    ...DEFAULT_SITE_SPEC,
    seed: integer('seed', flags.seed, 0, 2 ** 31 - 1),
    issues: integer('issues', flags.issues, 1, 1_000_000),
    pages: integer('pages', flags.pages, 1, 200_000),
  };
  const options = {
    port: integer('port', flags.port, 0, 65_535),
    email: flags.email,
    token: flags.token,
    userTimeZone: zone('user-tz', flags.userTz),
    siteTimeZone: zone('site-tz', flags.siteTz),
    jiraRole: jiraRole(flags.jiraRole),
    tokenKind: tokenKind(flags.tokenKind),
  };
  const granted = scopes(flags.scopes, options.tokenKind);
  const site = await startFakeSite({ spec, ...options, scopes: granted });
  if (flags.truth)
    writeFileSync(flags.truth, JSON.stringify(site.admin.truth(), null, 2) + '\n', { mode: 0o600 });
  out.write(
    [
      `fake Atlassian site (seed ${spec.seed}, ${spec.issues} issues, ${spec.pages} pages) at ${site.url}`,
      `  email: ${site.email}`,
      `  token: ${site.token}`,
      `  time zones: site ${options.siteTimeZone}, user ${options.userTimeZone}`,
      `  Jira role of the API user: ${options.jiraRole}`,
      ...(options.tokenKind === 'scoped' ? scopedLines(site, granted ?? DEFAULT_GRANT) : []),
      `  admin API: ${site.url}/__admin/ (stats, truth, churn, clock, faults)`,
      ...(flags.truth ? [`  truth manifest written to ${flags.truth}`] : []),
      'press Ctrl-C to stop',
      '',
    ].join('\n'),
  );
  if (!stopSignal.aborted)
    await new Promise((resolve) => stopSignal.addEventListener('abort', resolve, { once: true }));
  await site.stop();
}

export function register(program: Command): void {
  program
    .command('fake-site')
    .description(
      'run the loopback fake Atlassian Cloud site (Jira + Confluence) used by the demo and the tests',
    )
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', '8080')
    .option('--seed <n>', 'content seed: the same seed gives the same site', '42')
    .option('--issues <n>', 'issues over all projects', String(DEFAULT_SITE_SPEC.issues))
    .option('--pages <n>', 'pages over all spaces (blog posts come on top)', String(DEFAULT_SITE_SPEC.pages))
    .option('--email <email>', 'the account email the site accepts', DEFAULT_EMAIL)
    .option('--token <token>', 'the API token the site accepts', DEFAULT_TOKEN)
    .option('--truth <file>', 'write the ground-truth manifest of planted values to this JSON file')
    .option('--user-tz <zone>', 'the API user profile zone (JQL/CQL dates are read in it)', 'Europe/Berlin')
    .option(
      '--site-tz <zone>',
      'the site default zone (Jira renders timestamps in it)',
      'America/Los_Angeles',
    )
    .option(
      '--jira-role <role>',
      "the API user's Jira role: admin, project-admin (sees its team-managed workflows only) or user (no workflows)",
      'admin',
    )
    .option(
      '--token-kind <kind>',
      'classic (the site URL takes the token) or scoped (only the API gateway, on a second port, takes it)',
      'classic',
    )
    .option(
      '--scopes <list>',
      "a scoped token's scopes (default: those exposure needs), or -scope,... to withhold some of them",
    )
    .action(async (flags: FakeSiteFlags) => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await runFakeSite(flags, process.stdout, controller.signal);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
