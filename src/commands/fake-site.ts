// `exposure fake-site`: runs the loopback Atlassian Cloud in the foreground for the demo and for trying the
// scanner, prints the base URL and the credentials it accepts, and stops cleanly on Ctrl-C / SIGTERM.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import { DEFAULT_SITE_SPEC } from '../fake-site/generator.ts';
import { DEFAULT_EMAIL, DEFAULT_TOKEN, startFakeSite } from '../fake-site/server.ts';
import type { TokenKind } from '../fake-site/gateway.ts';
import { DEFAULT_GRANT, parseScopes } from '../fake-site/scopes.ts';
import type { ConfluenceRole, JiraRole } from '../fake-site/site.ts';
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
  confluenceRole: string;
}

const JIRA_ROLES: readonly JiraRole[] = ['admin', 'project-admin', 'user'];
const TOKEN_KINDS: readonly TokenKind[] = ['classic', 'scoped'];
const CONFLUENCE_ROLES: readonly ConfluenceRole[] = ['admin', 'user'];

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

function role<T extends string>(name: string, raw: string, roles: readonly T[]): T {
  const found = roles.find((r) => r === raw);
  if (!found) throw new UsageError(`--${name} must be one of ${roles.join(', ')}`);
  return found;
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
    jiraRole: role('jira-role', flags.jiraRole, JIRA_ROLES),
    tokenKind: role('token-kind', flags.tokenKind, TOKEN_KINDS),
    confluenceRole: role('confluence-role', flags.confluenceRole, CONFLUENCE_ROLES),
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
      `  roles of the API user: Jira ${options.jiraRole}, Confluence ${options.confluenceRole}`,
      ...(options.tokenKind === 'scoped' ? scopedLines(site, granted ?? DEFAULT_GRANT) : []),
      `  admin API: ${site.url}/__admin/ (stats, truth, churn, clock, faults, access of projects and spaces)`,
      '  public: the Jira project SUP and the Confluence space SUP; open to logged-in users: ENG in both',
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
      "the API user's Jira role: admin, project-admin (sees its team-managed workflows only) or user (no workflows, " +
        'no permission schemes)',
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
    .option(
      '--confluence-role <role>',
      "the API user's Confluence role: admin (Confluence Administrator) or user; neither sees the space LEGAL",
      'admin',
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
