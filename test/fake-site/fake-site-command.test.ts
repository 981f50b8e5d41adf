// The fake-site command: flags validated, URL and credentials printed, truth written, clean stop on abort.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFakeSite, type FakeSiteFlags } from '../../src/commands/fake-site.ts';
import { UsageError } from '../../src/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'fake-site-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FLAGS: FakeSiteFlags = {
  port: '0',
  seed: '42',
  issues: '120',
  pages: '30',
  email: 'someone@example.com',
  token: 'tok-for-tests',
  userTz: 'Europe/Berlin',
  siteTz: 'America/Los_Angeles',
  jiraRole: 'admin',
  tokenKind: 'classic',
  confluenceRole: 'admin',
};

const AUTH = `Basic ${Buffer.from('someone@example.com:tok-for-tests').toString('base64')}`;

/** Starts the command with these flags; returns what it printed, the site URL, and a stop function. */
async function running(flags: Partial<FakeSiteFlags>) {
  const printed: string[] = [];
  const controller = new AbortController();
  const done = runFakeSite(
    { ...FLAGS, ...flags },
    { write: (text: string) => printed.push(text) },
    controller.signal,
  );
  await expect.poll(() => printed.join('')).toContain('press Ctrl-C');
  const text = printed.join('');
  const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
  return { text, url, stop: () => (controller.abort(), done) };
}

/** GETs a path of the site as the API user; the status and body text. */
async function get(url: string, path: string): Promise<[number, string]> {
  const response = await fetch(`${url}${path}`, { headers: { Authorization: AUTH } });
  return [response.status, await response.text()];
}

describe('exposure fake-site', () => {
  it('serves the generated site with the given credentials until stopped, and writes the truth', async () => {
    const truth = join(dir, 'truth.json');
    const { text, url, stop } = await running({ truth });
    expect(text).toContain('token: tok-for-tests');
    expect((await get(url, '/rest/api/3/myself'))[0]).toBe(200);
    const manifest = JSON.parse(readFileSync(truth, 'utf8')) as { planted: unknown[] };
    expect(manifest.planted.length).toBeGreaterThan(0);
    await stop();
    await expect(fetch(`${url}/rest/api/3/myself`)).rejects.toThrow();
  });

  it.each([
    ['admin', 'admin', 200, true, true],
    ['user', 'user', 403, false, false],
  ])(
    'answers as --jira-role %s --confluence-role %s would get it: workflows %i, FIN listed %s, Confluence admin %s',
    async (jiraRole, confluenceRole, workflows, listsFin, confluenceAdmin) => {
      const { text, url, stop } = await running({ jiraRole, confluenceRole });
      expect(text).toContain(`roles of the API user: Jira ${jiraRole}, Confluence ${confluenceRole}`);
      expect((await get(url, '/rest/api/3/workflows/search'))[0]).toBe(workflows);
      expect((await get(url, '/rest/api/3/project/search'))[1].includes('"key":"FIN"')).toBe(listsFin);
      const [, me] = await get(url, '/wiki/rest/api/user/current?expand=operations');
      expect(me.includes('"operation":"administer"')).toBe(confluenceAdmin);
      await stop();
    },
  );

  it.each([
    [undefined, 'read:jira-user', 200],
    ['-read:jira-user', 'read:jira-work', 401],
  ])(
    'with --token-kind scoped --scopes %s: the site URL refuses the token, the gateway takes it (myself: %s)',
    async (scopes, printedScope, gatewayStatus) => {
      const { text, url, stop } = await running({ tokenKind: 'scoped', scopes });
      const gateway = /API gateway at (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
      const cloudId = /cloud id: ([0-9a-f-]+)/.exec(text)![1]!;
      expect(gateway).not.toBe(url);
      expect(text).toContain(`EXPOSURE_TEST_GATEWAY=${gateway}`);
      expect(text).toMatch(new RegExp(`scopes: .*${printedScope}`));
      const headers = { Authorization: AUTH };
      expect((await fetch(`${url}/rest/api/3/myself`, { headers })).status).toBe(401);
      expect(await (await fetch(`${url}/_edge/tenant_info`)).json()).toEqual({ cloudId });
      const viaGateway = await fetch(`${gateway}/ex/jira/${cloudId}/rest/api/3/myself`, { headers });
      expect(viaGateway.status).toBe(gatewayStatus);
      if (gatewayStatus === 401)
        expect(await viaGateway.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
      await stop();
    },
  );

  it.each([
    [{ port: '70000' }, '--port'],
    [{ issues: '0' }, '--issues'],
    [{ seed: 'x' }, '--seed'],
    [{ userTz: 'Mars/Olympus' }, '--user-tz'],
    [{ siteTz: 'nowhere' }, '--site-tz'],
    [{ jiraRole: 'owner' }, '--jira-role'],
    [{ tokenKind: 'bearer' }, '--token-kind'],
    [{ scopes: 'read:jira-work' }, '--scopes needs --token-kind scoped'],
    [{ tokenKind: 'scoped', scopes: 'read:jira-work,-read:jira-user' }, '--scopes'],
    [{ tokenKind: 'scoped', scopes: 'everything' }, '--scopes: not a scope: everything'],
    [{ confluenceRole: 'project-admin' }, '--confluence-role'],
  ])('rejects %j as a usage error', async (override, flag) => {
    const controller = new AbortController();
    controller.abort();
    const result = runFakeSite({ ...FLAGS, ...override }, { write: () => true }, controller.signal);
    await expect(result).rejects.toThrow(UsageError);
    await expect(result).rejects.toThrow(flag);
  });
});
