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
  confluenceRole: 'admin',
};

const AUTH = `Basic ${Buffer.from('someone@example.com:tok-for-tests').toString('base64')}`;

/** GETs a path of the site as the API user; the status and body text. */
async function get(url: string, path: string): Promise<[number, string]> {
  const response = await fetch(`${url}${path}`, { headers: { Authorization: AUTH } });
  return [response.status, await response.text()];
}

describe('exposure fake-site', () => {
  it('serves the generated site with the given credentials until stopped, and writes the truth', async () => {
    const printed: string[] = [];
    const controller = new AbortController();
    const truth = join(dir, 'truth.json');
    const running = runFakeSite(
      { ...FLAGS, truth },
      { write: (text: string) => printed.push(text) },
      controller.signal,
    );
    await expect.poll(() => printed.join('')).toContain('press Ctrl-C');
    const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(printed.join(''))![1]!;
    expect(printed.join('')).toContain('token: tok-for-tests');
    expect((await get(url, '/rest/api/3/myself'))[0]).toBe(200);
    const manifest = JSON.parse(readFileSync(truth, 'utf8')) as { planted: unknown[] };
    expect(manifest.planted.length).toBeGreaterThan(0);
    controller.abort();
    await running;
    await expect(fetch(`${url}/rest/api/3/myself`)).rejects.toThrow();
  });

  it.each([
    ['admin', 'admin', 200, true, true],
    ['user', 'user', 403, false, false],
  ])(
    'answers as --jira-role %s --confluence-role %s would get it: workflows %i, FIN listed %s, Confluence admin %s',
    async (jiraRole, confluenceRole, workflows, listsFin, confluenceAdmin) => {
      const printed: string[] = [];
      const controller = new AbortController();
      const running = runFakeSite(
        { ...FLAGS, jiraRole, confluenceRole },
        { write: (text: string) => printed.push(text) },
        controller.signal,
      );
      await expect.poll(() => printed.join('')).toContain('press Ctrl-C');
      expect(printed.join('')).toContain(
        `roles of the API user: Jira ${jiraRole}, Confluence ${confluenceRole}`,
      );
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(printed.join(''))![1]!;
      expect((await get(url, '/rest/api/3/workflows/search'))[0]).toBe(workflows);
      expect((await get(url, '/rest/api/3/project/search'))[1].includes('"key":"FIN"')).toBe(listsFin);
      const [, me] = await get(url, '/wiki/rest/api/user/current?expand=operations');
      expect(me.includes('"operation":"administer"')).toBe(confluenceAdmin);
      controller.abort();
      await running;
    },
  );

  it.each([
    [{ port: '70000' }, '--port'],
    [{ issues: '0' }, '--issues'],
    [{ seed: 'x' }, '--seed'],
    [{ userTz: 'Mars/Olympus' }, '--user-tz'],
    [{ siteTz: 'nowhere' }, '--site-tz'],
    [{ jiraRole: 'owner' }, '--jira-role'],
    [{ confluenceRole: 'project-admin' }, '--confluence-role'],
  ])('rejects %j as a usage error', async (override, flag) => {
    const controller = new AbortController();
    controller.abort();
    const result = runFakeSite({ ...FLAGS, ...override }, { write: () => true }, controller.signal);
    await expect(result).rejects.toThrow(UsageError);
    await expect(result).rejects.toThrow(flag);
  });
});
