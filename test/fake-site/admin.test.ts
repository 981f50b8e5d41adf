// Admin mutations (HTTP and in process), clock, churn, stats, truth and index lag, seen through the emulated API.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultConfig } from '../../src/fake-site/faults.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { createFixtureContent, FIXTURE_SECRET } from './fixture-content.ts';

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.stop();
  site = undefined;
});

async function start(faults: FaultConfig = {}): Promise<FakeSite> {
  site = await startFakeSite({ content: createFixtureContent(), faults });
  return site;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${site!.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${site!.token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function searchKeys(jql: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const { body } = await call<{ issues: Array<{ key: string }> }>('POST', '/rest/api/3/search/jql', {
    jql,
    fields: ['summary'],
    maxResults: 100,
    ...extra,
  });
  return body.issues.map((i) => i.key);
}

const SINCE_START = 'project = ENG AND updated >= "2026/03/01 13:00"'; // the site clock starts at 12:00 UTC = 13:00 Berlin

describe('admin mutations', () => {
  it('creates an issue over HTTP that GET, search and the truth manifest all see', async () => {
    await start();
    const planted = [
      { field: 'description', category: 'secret', kind: 'test-token', value: 'zq7-synthetic-value' },
    ];
    const created = await call<{ key: string }>('POST', '/__admin/issues', {
      projectKey: 'ENG',
      summary: 'new one',
      description: 'has zq7-synthetic-value',
      planted,
    });
    expect(created).toMatchObject({ status: 201, body: { key: 'ENG-13' } });
    expect((await call('GET', '/rest/api/3/issue/ENG-13')).status).toBe(200);
    expect(await searchKeys(SINCE_START)).toEqual(['ENG-13']);
    const truth = await call<{ planted: Array<{ item: string; value: string }> }>('GET', '/__admin/truth');
    expect(truth.body.planted).toContainEqual(
      expect.objectContaining({ item: 'ENG-13', value: 'zq7-synthetic-value' }),
    );
  });

  it('bumps updated on edits and comments so incremental JQL finds exactly the changed issues', async () => {
    await start();
    site!.admin.updateIssue('ENG-4', { summary: 'edited' });
    site!.admin.addIssueComment('SUP-1', { text: 'new comment' });
    expect(await searchKeys(SINCE_START)).toEqual(['ENG-4']);
    expect(
      await searchKeys('project in (ENG, SUP) AND updated >= "2026/03/01 13:00" ORDER BY key DESC'),
    ).toEqual(['SUP-1', 'ENG-4']);
    const comments = await call<{ total: number }>('GET', '/rest/api/3/issue/SUP-1/comment');
    expect(comments.body.total).toBe(1);
  });

  it('never answers a repeated search from a result list made stale by a mutation or the clock', async () => {
    await start();
    expect(await searchKeys(SINCE_START)).toEqual([]);
    site!.admin.updateIssue('ENG-6', { summary: 'changed' });
    expect(await searchKeys(SINCE_START)).toEqual(['ENG-6']);
    expect(await searchKeys('project = ENG AND updated >= -1m')).toEqual(['ENG-6']);
    site!.admin.advanceClock(5 * 60_000);
    expect(await searchKeys('project = ENG AND updated >= -1m')).toEqual([]);
  });

  it('never answers a repeated CQL search from a result list made stale by an edit or the trash', async () => {
    await start();
    const cql = `/wiki/rest/api/search?cql=${encodeURIComponent('type = page and lastmodified >= "2026/03/01 13:00"')}`;
    const found = async () =>
      (await call<{ results: Array<{ content: { id: string } }> }>('GET', cql)).body.results.map(
        (r) => r.content.id,
      );
    expect(await found()).toEqual([]);
    site!.admin.updateContent('100004', { body: '<p>new</p>' });
    expect(await found()).toEqual(['100004']);
    site!.admin.deleteContent('100004');
    expect(await found()).toEqual([]);
  });

  it('deletes an issue: 404, gone from search, its planted value gone from the truth', async () => {
    await start();
    expect(site!.admin.truth().planted.map((p) => p.value)).toContain(FIXTURE_SECRET);
    expect((await call('DELETE', '/__admin/issues/ENG-3')).status).toBe(200);
    expect((await call('GET', '/rest/api/3/issue/ENG-3')).status).toBe(404);
    expect(await searchKeys('key in (ENG-2, ENG-4) OR project = ENG')).not.toContain('ENG-3');
    expect(site!.admin.truth().planted.map((p) => p.value)).not.toContain(FIXTURE_SECRET);
  });

  it('moves an issue: the old key resolves to the new one, the truth follows', async () => {
    await start();
    const moved = await call<{ key: string }>('POST', '/__admin/issues/ENG-3/move', { projectKey: 'SUP' });
    expect(moved.body.key).toBe('SUP-4');
    const fetched = await call<{ key: string }>('GET', '/rest/api/3/issue/ENG-3');
    expect(fetched.body.key).toBe('SUP-4');
    expect(await searchKeys('project = SUP')).toContain('SUP-4');
    expect(site!.admin.truth().planted.find((p) => p.value === FIXTURE_SECRET)).toMatchObject({
      item: 'SUP-4',
      container: 'SUP',
    });
  });

  it('deletes a project and a space: gone from the listings, their content 404, their values gone from the truth', async () => {
    await start();
    expect((await call('DELETE', '/__admin/projects/ENG')).status).toBe(200);
    expect((await call('DELETE', '/__admin/spaces/ENG')).status).toBe(200);
    expect((await call('DELETE', '/__admin/spaces/ENG')).status).toBe(404);
    const projects = await call<{ values: Array<{ key: string }> }>('GET', '/rest/api/3/project/search');
    expect(projects.body.values.map((p) => p.key)).not.toContain('ENG');
    const spaces = await call<{ results: Array<{ key: string }> }>('GET', '/wiki/api/v2/spaces?limit=250');
    expect(spaces.body.results.map((s) => s.key)).not.toContain('ENG');
    expect((await call('GET', '/rest/api/3/issue/ENG-3')).status).toBe(404);
    expect((await call('GET', '/wiki/api/v2/pages/100000')).status).toBe(404);
    const left = site!.admin.truth().planted;
    expect(left.filter((p) => p.container === 'ENG')).toEqual([]);
    expect(left.map((p) => p.value)).not.toContain(FIXTURE_SECRET);
  });

  it.each([
    ['project', 'ENG', 400, 'GET', '/rest/api/3/issue/ENG-3'],
    ['space', 'ENG', 200, 'GET', '/wiki/api/v2/pages/100000'],
  ] as const)(
    'refuses a %s to the API user and lets it in again: its content answers 404, then 200',
    async (what, key, searchWhileRefused, method, content) => {
      await start();
      const url = `/__admin/${what}s/${key}/forbidden`;
      expect((await call('PUT', url, { forbidden: true })).status).toBe(200);
      expect((await call(method, content)).status).toBe(404);
      const search = await call('POST', '/rest/api/3/search/jql', { jql: `project = ${key}`, maxResults: 1 });
      expect(search.status).toBe(searchWhileRefused);
      const product = what === 'project' ? 'jira' : 'confluence';
      const readable = (p: PlantedRecord) => p.product === product && p.container === key && p.readable;
      expect(site!.admin.truth().planted.filter(readable)).toEqual([]);
      expect((await call('PUT', url, { forbidden: false })).status).toBe(200);
      expect((await call(method, content)).status).toBe(200);
      expect((await call('PUT', `/__admin/${what}s/NOPE/forbidden`, { forbidden: true })).status).toBe(404);
      expect((await call('PUT', url, { forbidden: 'yes' })).status).toBe(400);
    },
  );

  it('advances the clock, which stamps later mutations and moves relative JQL', async () => {
    await start();
    const { body } = await call<{ now: string }>('POST', '/__admin/clock', { advanceMs: 2 * 3_600_000 });
    expect(body.now).toBe('2026-03-01T14:00:00.000Z');
    site!.admin.updateIssue('ENG-5', { summary: 'later' });
    expect(await searchKeys('project = ENG AND updated >= -30m')).toEqual(['ENG-5']);
    expect(await searchKeys(SINCE_START)).toEqual(['ENG-5']);
  });

  it('edits, comments on, trashes and purges Confluence content', async () => {
    await start();
    site!.admin.updateContent('100003', { body: '<p>rewritten</p>' });
    const page = await call<{ version: { number: number }; body: { storage: { value: string } } }>(
      'GET',
      '/wiki/api/v2/pages/100003?body-format=storage',
    );
    expect(page.body.version.number).toBe(2);
    expect(page.body.body.storage.value).toBe('<p>rewritten</p>');
    const newest = await call<{ results: Array<{ id: string }> }>(
      'GET',
      '/wiki/api/v2/pages?sort=-modified-date&limit=1',
    );
    expect(newest.body.results[0]!.id).toBe('100003');
    const cql = await call<{ results: Array<{ content: { id: string } }> }>(
      'GET',
      `/wiki/rest/api/search?cql=${encodeURIComponent('lastmodified >= "2026/03/01 13:00"')}`,
    );
    expect(cql.body.results.map((r) => r.content.id)).toEqual(['100003']);
    const comment = await call<{ id: string }>('POST', '/__admin/content/100003/comments', { text: 'hello' });
    const comments = await call<{ results: Array<{ id: string }> }>(
      'GET',
      '/wiki/api/v2/pages/100003/footer-comments',
    );
    expect(comments.body.results.map((c) => c.id)).toContain(comment.body.id);
    await call('DELETE', '/__admin/content/100003');
    expect((await call<{ status: string }>('GET', '/wiki/api/v2/pages/100003')).body.status).toBe('trashed');
    await call('DELETE', '/__admin/content/100003?purge=true');
    expect((await call('GET', '/wiki/api/v2/pages/100003')).status).toBe(404);
  });
});

describe('churn', () => {
  async function churnOnce(seed: number) {
    await start();
    const summary = await call<Record<string, Record<string, number>>>('POST', '/__admin/churn', {
      fraction: 0.5,
      seed,
    });
    const changed = await searchKeys('project in (ENG, SUP) AND updated >= "2026/03/01 13:00"');
    const truth = site!.admin.truth();
    await site!.stop();
    site = undefined;
    return { summary: summary.body, changed, truth };
  }

  it('changes a seeded share in one call, identically for the same seed', async () => {
    const first = await churnOnce(1);
    const touched = Object.values(first.summary.issues!).reduce((a, b) => a + b, 0);
    expect(touched).toBeGreaterThan(3);
    expect(first.changed.length).toBe(first.summary.issues!.commented! + first.summary.issues!.edited!);
    expect(await churnOnce(1)).toEqual(first);
    expect((await churnOnce(2)).changed).not.toEqual(first.changed);
  });
});

describe('stats', () => {
  it('counts requests in total and per route template, and resets', async () => {
    await start();
    await call('GET', '/rest/api/3/issue/ENG-1');
    await call('GET', '/rest/api/3/issue/ENG-2');
    await call('GET', '/wiki/api/v2/spaces');
    await call('GET', '/__admin/truth');
    const stats = await call<{ total: number; byRoute: Record<string, number> }>('GET', '/__admin/stats');
    expect(stats.body).toEqual({
      total: 3,
      byRoute: { '/rest/api/3/issue/{issueIdOrKey}': 2, '/wiki/api/v2/spaces': 1 },
    });
    await call('POST', '/__admin/stats/reset');
    expect(site!.stats()).toEqual({ total: 0, byRoute: {} });
  });
});

describe('search index lag', () => {
  it('hides fresh Confluence edits from CQL (not from v2) until the lag has passed', async () => {
    await start({ indexLagMs: 400 });
    site!.admin.updateContent('100003', { body: '<p>fresh</p>' });
    const cql = `/wiki/rest/api/search?cql=${encodeURIComponent('lastmodified >= "2026/03/01 13:00"')}`;
    const found = async () =>
      (await call<{ results: Array<{ content: { id: string } }> }>('GET', cql)).body.results.map(
        (r) => r.content.id,
      );
    expect(await found()).toEqual([]);
    const listed = await call<{ results: Array<{ id: string }> }>(
      'GET',
      '/wiki/api/v2/pages?sort=-modified-date&limit=1',
    );
    expect(listed.body.results[0]!.id).toBe('100003');
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await found()).toEqual(['100003']);
  });

  it('hides fresh mutations from search unless reconciled, then shows them', async () => {
    await start({ indexLagMs: 400 });
    const created = site!.admin.createIssue({ projectKey: 'ENG', summary: 'fresh' });
    expect(await searchKeys(SINCE_START)).toEqual([]);
    expect(await searchKeys(SINCE_START, { reconcileIssues: [Number(created.id)] })).toEqual(['ENG-13']);
    expect((await call('GET', '/rest/api/3/issue/ENG-13')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await searchKeys(SINCE_START)).toEqual(['ENG-13']);
  });
});
