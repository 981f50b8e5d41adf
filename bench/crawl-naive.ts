// The peer crawler `bench:crawl` compares against: what a straightforward scanner does. It lists ids cheaply,
// then per issue GETs the issue and pages its comments, and per page or blog post GETs the body and pages its
// footer and inline comments. It does not even fetch comment replies, so its count is a lower bound for naive.
import pLimit from 'p-limit';

export interface NaiveDetail {
  /** Items listed on the site. */
  listed: number;
  /** Items fetched in detail (all of them, or the first `sample`). */
  fetched: number;
  /** Requests spent on the fetched items (item and its comments). */
  requests: number;
}

export interface NaiveResult {
  requests: number;
  listingRequests: number;
  jira: NaiveDetail;
  confluence: NaiveDetail;
  failed: number;
}

interface Listing<T> {
  values?: T[];
  results?: T[];
  issues?: T[];
  isLast?: boolean;
  nextPageToken?: string;
  startAt?: number;
  total?: number;
  comments?: unknown[];
  _links?: { next?: string };
}

class NaiveClient {
  requests = 0;
  failed = 0;
  private readonly origin: string;
  private readonly auth: string;
  constructor(site: string, email: string, token: string) {
    this.origin = new URL(site).origin;
    this.auth = `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
  }

  async call<T>(path: string, body?: unknown): Promise<Listing<T> | undefined> {
    this.requests++;
    const response = await fetch(`${this.origin}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: this.auth, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      this.failed++;
      await response.arrayBuffer();
      return undefined;
    }
    return (await response.json()) as Listing<T>;
  }

  /** Follows Confluence's `_links.next` to the end. */
  async allPages<T>(path: string): Promise<T[]> {
    const all: T[] = [];
    for (let next: string | undefined = path; next;) {
      const page: Listing<T> | undefined = await this.call<T>(next);
      all.push(...(page?.results ?? []));
      next = page?._links?.next;
    }
    return all;
  }
}

async function issueIds(client: NaiveClient): Promise<string[]> {
  const keys: string[] = [];
  for (let startAt = 0; ;) {
    const page = await client.call<{ key: string }>(
      `/rest/api/3/project/search?maxResults=50&startAt=${startAt}`,
    );
    const projects = page?.values ?? [];
    for (const project of projects) {
      for (let token: string | undefined, first = true; first || token; first = false) {
        const jql = `project = "${project.key}" ORDER BY key ASC`;
        // Asked for the id field only, search answers issue ids (no keys); the issue endpoints take either.
        const found = await client.call<{ id: string }>('/rest/api/3/search/jql', {
          jql,
          fields: ['id'],
          maxResults: 5000,
          nextPageToken: token,
        });
        keys.push(...(found?.issues ?? []).map((i) => i.id));
        token = found?.nextPageToken;
      }
    }
    startAt += projects.length;
    if (!page || page.isLast !== false || projects.length === 0) return keys;
  }
}

async function issueDetail(client: NaiveClient, key: string): Promise<void> {
  await client.call(`/rest/api/3/issue/${key}`);
  for (let startAt = 0; ;) {
    const page = await client.call(`/rest/api/3/issue/${key}/comment?maxResults=100&startAt=${startAt}`);
    startAt += page?.comments?.length ?? 0;
    if (!page?.comments?.length || startAt >= (page.total ?? 0)) return;
  }
}

async function contentIds(client: NaiveClient): Promise<Array<{ plural: string; id: string }>> {
  const spaces = await client.allPages<{ id: string }>('/wiki/api/v2/spaces?limit=250');
  const ids: Array<{ plural: string; id: string }> = [];
  for (const space of spaces) {
    for (const plural of ['pages', 'blogposts']) {
      const items = await client.allPages<{ id: string }>(
        `/wiki/api/v2/spaces/${space.id}/${plural}?limit=250`,
      );
      ids.push(...items.map((item) => ({ plural, id: item.id })));
    }
  }
  return ids;
}

async function contentDetail(
  client: NaiveClient,
  { plural, id }: { plural: string; id: string },
): Promise<void> {
  await client.call(`/wiki/api/v2/${plural}/${id}?body-format=storage`);
  await client.allPages(`/wiki/api/v2/${plural}/${id}/footer-comments?body-format=storage&limit=250`);
  await client.allPages(`/wiki/api/v2/${plural}/${id}/inline-comments?body-format=storage&limit=250`);
}

/** Runs the naive crawl with `concurrency` items in flight; `sample` limits detailed items per product. */
export async function naiveCrawl(
  site: { url: string; email: string; token: string },
  concurrency: number,
  sample = Infinity,
): Promise<NaiveResult> {
  const client = new NaiveClient(site.url, site.email, site.token);
  const keys = await issueIds(client);
  const content = await contentIds(client);
  const listingRequests = client.requests;
  const limit = pLimit(concurrency);
  const detail = async <T>(all: T[], fetchOne: (client: NaiveClient, item: T) => Promise<void>) => {
    const before = client.requests;
    const fetched = all.slice(0, sample);
    await Promise.all(fetched.map((item) => limit(() => fetchOne(client, item))));
    return { listed: all.length, fetched: fetched.length, requests: client.requests - before };
  };
  const jira = await detail(keys, issueDetail);
  const confluence = await detail(content, contentDetail);
  return { requests: client.requests, listingRequests, jira, confluence, failed: client.failed };
}

/** Requests a naive crawl of the whole site makes: its listings plus each product's per-item rate x items. */
export function extrapolatedRequests(result: NaiveResult): number {
  const rate = (d: NaiveDetail) => (d.fetched === 0 ? 0 : (d.requests / d.fetched) * d.listed);
  return result.listingRequests + rate(result.jira) + rate(result.confluence);
}
