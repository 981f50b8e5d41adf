// Confluence v1: the CQL searches (cursor-paged, `_links.next` relative to /wiki) and the current user.
import type { LiveContent } from './confluence-overlay.ts';
import { CqlError, runCql } from './cql.ts';
import { BadTokenError, clampInt, decodeToken, encodeToken, queryFingerprint } from './paging.ts';
import { json, listParam, type Reply, type RequestContext, type Route } from './router.ts';
import type { Site } from './site.ts';

function v1Error(status: number, reason: string, message: string): Reply {
  return json(status, {
    statusCode: status,
    data: { authorized: true, valid: false, allowedInReadOnlyMode: true, errors: [], successful: false },
    message,
    reason,
  });
}

function contentUrl(live: LiveContent): string {
  const { record } = live;
  return record.type === 'page'
    ? `/spaces/${record.spaceKey}/pages/${record.id}`
    : `/spaces/${record.spaceKey}/blog/${record.id}`;
}

/** v1 content object; `expand` entries are relative to the content (body.storage, version, space, history). */
function v1Content(site: Site, live: LiveContent, expand: Set<string>) {
  const { record } = live;
  const space = site.confluence.space(record.spaceKey)!;
  const out: Record<string, unknown> = {
    id: record.id,
    type: record.type,
    status: live.status,
    title: record.title,
    _links: { webui: contentUrl(live), self: `/rest/api/content/${record.id}`, tinyui: `/x/${record.id}` },
    _expandable: {
      body: '',
      version: '',
      space: `/rest/api/space/${space.key}`,
      history: `/rest/api/content/${record.id}/history`,
    },
  };
  if (expand.has('body.storage')) out.body = { storage: { value: record.body, representation: 'storage' } };
  const version = {
    when: record.version.createdAt,
    number: record.version.number,
    minorEdit: false,
    message: record.version.message,
  };
  if (expand.has('version')) out.version = version;
  if (expand.has('history') || expand.has('history.lastupdated')) {
    out.history = { latest: live.status === 'current', createdDate: record.createdAt, lastUpdated: version };
  }
  if (expand.has('space')) {
    out.space = {
      id: Number(space.id),
      key: space.key,
      name: space.name,
      type: space.type,
      status: space.status,
      _expandable: {},
      _links: { webui: `/spaces/${space.key}` },
    };
  }
  return out;
}

function friendly(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function cqlPage(
  context: RequestContext,
  path: string,
  maxLimit: number,
): { page: LiveContent[]; start: number; limit: number; total: number; next?: string; cql: string } | Reply {
  const cql = context.query.get('cql') ?? '';
  const limit = clampInt(context.query.get('limit'), 25, 1, maxLimit);
  const print = queryFingerprint([path, cql]);
  let start = 0;
  let results: ReturnType<typeof runCql>;
  try {
    const cursor = context.query.get('cursor');
    if (cursor) start = Number(decodeToken(cursor, print).o ?? 0);
    results = runCql(context.site, cql);
  } catch (error) {
    if (error instanceof CqlError) return v1Error(400, 'Bad Request', error.message);
    if (error instanceof BadTokenError) return v1Error(400, 'Bad Request', 'Invalid cursor');
    throw error;
  }
  const page = results.slice(start, start + limit).flatMap((candidate) => {
    const live = candidate.live();
    return live ? [live] : [];
  });
  const end = Math.min(start + limit, results.length);
  const next =
    end < results.length
      ? `${path}?${new URLSearchParams([
          ['next', 'true'],
          ['cursor', encodeToken({ o: end }, print)],
          ['limit', String(limit)],
          ['cql', cql],
        ])}`
      : undefined;
  return { page, start, limit, total: results.length, cql, ...(next ? { next } : {}) };
}

function isReply(value: object): value is Reply {
  return 'status' in value;
}

function search(context: RequestContext): Reply {
  const expand = new Set(listParam(context.query, 'expand').map((e) => e.toLowerCase()));
  const withBody = expand.has('content.body.storage');
  const found = cqlPage(context, '/rest/api/search', withBody ? 50 : 100);
  if (isReply(found)) return found;
  const contentExpand = new Set(
    [...expand].filter((e) => e.startsWith('content.')).map((e) => e.slice('content.'.length)),
  );
  const { site } = context;
  const results = found.page.map((live) => ({
    content: v1Content(site, live, contentExpand),
    title: live.record.title,
    excerpt: '',
    url: contentUrl(live),
    resultGlobalContainer: {
      title: site.confluence.space(live.record.spaceKey)!.name,
      displayUrl: `/spaces/${live.record.spaceKey}`,
    },
    breadcrumbs: [],
    entityType: 'content',
    iconCssClass: `aui-icon content-type-${live.record.type}`,
    lastModified: live.record.version.createdAt,
    friendlyLastModified: friendly(live.record.version.createdAt),
    score: 0,
  }));
  return json(200, {
    results,
    start: found.start,
    limit: found.limit,
    size: results.length,
    totalSize: found.total,
    cqlQuery: found.cql,
    searchDuration: 7,
    _links: { base: `${context.origin}/wiki`, context: '/wiki', ...(found.next ? { next: found.next } : {}) },
  });
}

function contentSearch(context: RequestContext): Reply {
  const expand = new Set(listParam(context.query, 'expand').map((e) => e.toLowerCase()));
  const found = cqlPage(context, '/rest/api/content/search', expand.has('body.storage') ? 50 : 100);
  if (isReply(found)) return found;
  return json(200, {
    results: found.page.map((live) => v1Content(context.site, live, expand)),
    start: found.start,
    limit: found.limit,
    size: found.page.length,
    _links: { base: `${context.origin}/wiki`, context: '/wiki', ...(found.next ? { next: found.next } : {}) },
  });
}

/**
 * The global operations of the API user, as `expand=operations` lists them (OperationCheckResult: operation and
 * target type). Confluence administrators hold `administer` on `application`.
 */
function operations(context: RequestContext) {
  const granted = [
    { operation: 'use', targetType: 'application' },
    { operation: 'create', targetType: 'space' },
  ];
  if (context.site.options.confluenceRole === 'admin')
    granted.push({ operation: 'administer', targetType: 'application' });
  return granted;
}

function currentUser(context: RequestContext): Reply {
  const { site } = context;
  const expand = new Set(listParam(context.query, 'expand'));
  return json(200, {
    type: 'known',
    accountId: site.me.accountId,
    accountType: 'atlassian',
    email: site.options.credentials.email,
    publicName: site.me.displayName,
    displayName: site.me.displayName,
    timeZone: site.options.userTimeZone,
    isExternalCollaborator: false,
    ...(expand.has('operations') ? { operations: operations(context) } : {}),
    _expandable: { ...(expand.has('operations') ? {} : { operations: '' }), personalSpace: '' },
    _links: { self: `${context.origin}/wiki/rest/api/user?accountId=${site.me.accountId}` },
  });
}

export const confluenceV1Routes: Route[] = [
  { method: 'GET', template: '/wiki/rest/api/search', handle: search },
  { method: 'GET', template: '/wiki/rest/api/content/search', handle: contentSearch },
  { method: 'GET', template: '/wiki/rest/api/user/current', handle: currentUser },
];
