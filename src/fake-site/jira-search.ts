// Enhanced JQL search (`/rest/api/3/search/jql`, GET and POST) and the approximate count: bounded JQL only,
// ids only by default, opaque nextPageToken paging with no total, index lag honoured unless reconciled.
import { anonymousHeaders } from './auth.ts';
import type { IssueMeta } from './jira-overlay.ts';
import { fieldMaps, jiraError, renderIssue, resolveFields } from './jira-render.ts';
import { compileJql, JqlError } from './jql.ts';
import { BadTokenError, clampInt, decodeToken, encodeToken, queryFingerprint } from './paging.ts';
import { input, inputList, json, type Reply, type RequestContext } from './router.ts';
import type { Site } from './site.ts';

/** The last result list, so that paging through a large result does not filter and sort it again per page. */
const lastResults = new WeakMap<Site, { key: string; issues: IssueMeta[] }>();

function matchingIssues(site: Site, jql: string, reconcile: ReadonlySet<string>): IssueMeta[] {
  // Relative dates follow the site clock; lagging answers change with wall time, so those are never reused.
  const key = JSON.stringify([jql, [...reconcile], site.jira.version, site.clock.now()]);
  const cached = lastResults.get(site);
  if (cached?.key === key && site.clock.indexLagMs === 0) return cached.issues;
  const compiled = compileJql(site, jql);
  const found: IssueMeta[] = [];
  const wallNow = site.clock.wallNow();
  for (const projectKey of compiled.projects) {
    for (const meta of site.jira.indexed(projectKey, wallNow, reconcile))
      if (compiled.matches(meta)) found.push(meta);
  }
  found.sort((a, b) => compiled.compare(a, b));
  lastResults.set(site, { key, issues: found });
  return found;
}

function jqlFailure(error: unknown): Reply {
  if (error instanceof JqlError) return jiraError(400, error.message);
  throw error;
}

export function searchJql(context: RequestContext): Reply {
  const { site } = context;
  if (context.auth !== 'ok') return json(200, { issues: [], isLast: true }, anonymousHeaders(context.auth));
  const jql = String(input(context, 'jql') ?? '');
  const requestedFields = inputList(context, 'fields');
  // POST carries expand as one comma string; GET may repeat it.
  const expand = new Set((inputList(context, 'expand') ?? []).map((e) => e.toLowerCase()));
  const fields = resolveFields(site, requestedFields, false);
  const idsOnly = [...fields].every((f) => f === 'id' || f === 'key') && !expand.size;
  const cap = idsOnly ? site.options.pageSizes.jiraSearchIds : site.options.pageSizes.jiraSearchFields;
  const maxResults = clampInt(String(input(context, 'maxResults') ?? ''), 50, 1, cap);
  const reconcile = new Set((inputList(context, 'reconcileIssues') ?? []).map(String));
  const fingerprint = queryFingerprint(['jql', jql, [...fields], [...expand]]);
  const token = input(context, 'nextPageToken');
  let offset = 0;
  let issues: IssueMeta[];
  try {
    if (token) offset = Number(decodeToken(String(token), fingerprint).o ?? 0);
    issues = matchingIssues(site, jql, reconcile);
  } catch (error) {
    if (error instanceof BadTokenError)
      return jiraError(400, 'The provided next page token is invalid or expired.');
    return jqlFailure(error);
  }
  // A short page is never the last one: clients must follow the token, not compare lengths with maxResults.
  const short = site.options.pageSizes.jiraShortPages && offset + maxResults < issues.length;
  const page = issues.slice(offset, offset + (short ? Math.ceil(maxResults / 2) : maxResults));
  // Id-only pages come straight from the index, as Jira's do: no record is generated for them.
  // Search answers carry names and schema once, at the top level, not per issue.
  const issueExpand = new Set([...expand].filter((e) => e !== 'names' && e !== 'schema'));
  const rendered = idsOnly
    ? page.map((meta) => (fields.has('key') ? { id: meta.id, key: meta.key } : { id: meta.id }))
    : page.flatMap((meta) => {
        const issue = site.jira.issue(meta.id);
        return issue ? [renderIssue(site, context.origin, issue, fields, issueExpand)] : [];
      });
  const next = offset + page.length;
  const body: Record<string, unknown> = { issues: rendered, ...fieldMaps(site, fields, expand) };
  if (next < issues.length) body.nextPageToken = encodeToken({ o: next }, fingerprint);
  body.isLast = next >= issues.length;
  return json(200, body);
}

export function approximateCount(context: RequestContext): Reply {
  try {
    return json(200, {
      count: matchingIssues(context.site, String(input(context, 'jql') ?? ''), new Set()).length,
    });
  } catch (error) {
    return jqlFailure(error);
  }
}

const REMOVED_MESSAGE =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

/** The old offset-paged search and `search/id`: removed from Cloud (CHANGE-2046). */
export function removedSearch(): Reply {
  return jiraError(410, REMOVED_MESSAGE);
}
