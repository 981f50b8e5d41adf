// Jira Cloud REST v3 routes: identity, fields, projects, issues, comments, changelog (search is jira-search.ts).
import { anonymousHeaders } from './auth.ts';
import { approximateCount, removedSearch, searchJql } from './jira-search.ts';
import {
  jiraError,
  jiraTime,
  renderComment,
  renderField,
  renderIssue,
  renderProject,
  renderUser,
  resolveFields,
} from './jira-render.ts';
import { worklogPage } from './jira-activity-render.ts';
import type { IssueRecord } from './model.ts';
import { clampInt } from './paging.ts';
import { json, listParam, type Reply, type RequestContext, type Route } from './router.ts';

const ISSUE_MISSING = 'Issue does not exist or you do not have permission to see it.';

function visibleIssue(context: RequestContext, idOrKey: string): IssueRecord | undefined {
  const issue = context.site.jira.issue(idOrKey);
  if (!issue || context.site.jira.project(issue.projectKey)?.forbidden) return undefined;
  return issue;
}

function expandSet(context: RequestContext): Set<string> {
  return new Set(listParam(context.query, 'expand').map((e) => e.toLowerCase()));
}

function getIssue(context: RequestContext): Reply {
  const issue = visibleIssue(context, context.params.issueIdOrKey!);
  if (!issue) return jiraError(404, ISSUE_MISSING);
  const requested = context.query.has('fields') ? listParam(context.query, 'fields') : undefined;
  const fields = resolveFields(context.site, requested, true);
  return json(200, renderIssue(context.site, context.origin, issue, fields, expandSet(context)));
}

function bulkFetch(context: RequestContext): Reply {
  const body = (context.body ?? {}) as { issueIdsOrKeys?: unknown; fields?: unknown; expand?: unknown };
  const wanted = Array.isArray(body.issueIdsOrKeys) ? body.issueIdsOrKeys.map(String) : [];
  if (!wanted.length || wanted.length > 100)
    return jiraError(400, 'issueIdsOrKeys must hold between 1 and 100 issue ids or keys.');
  const fields = resolveFields(
    context.site,
    Array.isArray(body.fields) ? body.fields.map(String) : undefined,
    false,
  );
  const expand = new Set(
    (Array.isArray(body.expand) ? body.expand : String(body.expand ?? '').split(','))
      .map((e) => String(e).trim().toLowerCase())
      .filter(Boolean),
  );
  const issues = [];
  const issueErrors = [];
  for (const idOrKey of wanted) {
    const issue = visibleIssue(context, idOrKey);
    if (issue) issues.push(renderIssue(context.site, context.origin, issue, fields, expand));
    else issueErrors.push({ id: idOrKey, errorMessages: [ISSUE_MISSING], errors: {} });
  }
  return json(200, { expand: 'schema,names', issues, issueErrors });
}

function comments(context: RequestContext): Reply {
  const { site } = context;
  const issue = visibleIssue(context, context.params.issueIdOrKey!);
  if (!issue) return jiraError(404, ISSUE_MISSING);
  const startAt = clampInt(context.query.get('startAt'), 0, 0, Number.MAX_SAFE_INTEGER);
  const maxResults = clampInt(
    context.query.get('maxResults'),
    site.options.pageSizes.jiraComments,
    0,
    site.options.pageSizes.jiraComments,
  );
  const ordered =
    context.query.get('orderBy') === '-created' ? [...issue.comments].reverse() : issue.comments;
  const rendered = expandSet(context).has('renderedbody');
  return json(200, {
    startAt,
    maxResults,
    total: issue.comments.length,
    comments: ordered
      .slice(startAt, startAt + maxResults)
      .map((c) => renderComment(site, context.origin, issue, c, rendered)),
  });
}

function oneComment(context: RequestContext): Reply {
  const issue = visibleIssue(context, context.params.issueIdOrKey!);
  const comment = issue?.comments.find((c) => c.id === context.params.id);
  if (!issue || !comment)
    return jiraError(404, 'Can not find a comment for the id: ' + context.params.id + '.');
  return json(
    200,
    renderComment(context.site, context.origin, issue, comment, expandSet(context).has('renderedbody')),
  );
}

/** POST /comment/list: comments by id, across issues. Ids are looked up in the issues named by `issueIdsOrKeys` or through the overlay. */
function commentList(context: RequestContext): Reply {
  const ids = ((context.body as { ids?: unknown } | undefined)?.ids ?? []) as unknown[];
  const wanted = new Set(ids.map(String));
  const found = [];
  for (const id of wanted) {
    const owner = context.site.jira.commentOwner(id);
    const issue = owner ? visibleIssue(context, owner) : undefined;
    const comment = issue?.comments.find((c) => c.id === id);
    if (issue && comment)
      found.push(
        renderComment(context.site, context.origin, issue, comment, expandSet(context).has('renderedbody')),
      );
  }
  return json(200, {
    self: `${context.origin}/rest/api/3/comment/list`,
    maxResults: 1000,
    startAt: 0,
    total: found.length,
    isLast: true,
    values: found,
  });
}

/** GET /issue/{id}/worklog: oldest first, offset-paged; Jira's default and largest page is 5000. */
function worklogs(context: RequestContext): Reply {
  const issue = visibleIssue(context, context.params.issueIdOrKey!);
  if (!issue) return jiraError(404, ISSUE_MISSING);
  const startAt = clampInt(context.query.get('startAt'), 0, 0, Number.MAX_SAFE_INTEGER);
  const maxResults = clampInt(context.query.get('maxResults'), 5000, 1, 5000);
  return json(200, worklogPage(context.site, context.origin, issue, startAt, maxResults));
}

function changelog(context: RequestContext): Reply {
  const { site, origin } = context;
  const issue = visibleIssue(context, context.params.issueIdOrKey!);
  if (!issue) return jiraError(404, ISSUE_MISSING);
  const all = site.jira.changes(issue.id);
  const startAt = clampInt(context.query.get('startAt'), 0, 0, Number.MAX_SAFE_INTEGER);
  const maxResults = clampInt(context.query.get('maxResults'), 100, 1, 100);
  const values = all.slice(startAt, startAt + maxResults).map((change) => ({
    id: change.id,
    author: renderUser(site, origin, change.authorAccountId),
    created: jiraTime(site, change.created),
    items: change.items,
  }));
  const self = `${origin}/rest/api/3/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt}`;
  const isLast = startAt + values.length >= all.length;
  return json(200, {
    self,
    ...(isLast
      ? {}
      : {
          nextPage: `${origin}/rest/api/3/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt + values.length}`,
        }),
    maxResults,
    startAt,
    total: all.length,
    isLast,
    values,
  });
}

function projectSearch(context: RequestContext): Reply {
  const { site, origin, query } = context;
  const startAt = clampInt(query.get('startAt'), 0, 0, Number.MAX_SAFE_INTEGER);
  const maxResults = clampInt(query.get('maxResults'), 50, 1, 100);
  const statuses = listParam(query, 'status');
  const keys = new Set(listParam(query, 'keys'));
  // The reference of GET /project/search ("Get projects paginated", quoted in jira.js's searchProjects): projects
  // are returned only where the user has Browse Projects or Administer Projects for the project, or Administer
  // Jira globally. So an administrator's token lists a project it cannot browse (searching it then fails: see
  // jql.ts), and a plain user's never shows it. A project administrator administers only the team-managed
  // projects here, so it sees what a plain user sees.
  const listable = (p: (typeof site.content.projects)[number]) =>
    !p.forbidden || site.options.jiraRole === 'admin';
  const visible =
    context.auth === 'ok' && (statuses.length === 0 || statuses.includes('live'))
      ? site.content.projects.filter((p) => listable(p) && (!keys.size || keys.has(p.key)))
      : [];
  const page = visible.slice(startAt, startAt + maxResults);
  const link = (start: number) =>
    `${origin}/rest/api/3/project/search?maxResults=${maxResults}&startAt=${start}`;
  const isLast = startAt + page.length >= visible.length;
  const body = {
    self: link(startAt),
    ...(isLast ? {} : { nextPage: link(startAt + page.length) }),
    maxResults,
    startAt,
    total: visible.length,
    isLast,
    values: page.map((p) => renderProject(site, origin, p)),
  };
  return json(200, body, anonymousHeaders(context.auth));
}

function getProject(context: RequestContext): Reply {
  const project =
    context.site.jira.project(context.params.projectIdOrKey!.toUpperCase()) ??
    context.site.jira.project(context.params.projectIdOrKey!);
  if (!project || project.forbidden) {
    return jiraError(404, `No project could be found with key '${context.params.projectIdOrKey}'.`);
  }
  return json(200, renderProject(context.site, context.origin, project));
}

function fields(context: RequestContext): Reply {
  const catalogue = context.site.content.fields.filter((f) => context.auth === 'ok' || !f.custom);
  return json(200, catalogue.map(renderField), anonymousHeaders(context.auth));
}

function myself(context: RequestContext): Reply {
  const { site, origin } = context;
  return json(200, {
    ...renderUser(site, origin, site.me.accountId),
    emailAddress: site.options.credentials.email,
    locale: 'en_US',
    groups: { size: 1, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  });
}

function serverInfo(context: RequestContext): Reply {
  const { site } = context;
  return json(200, {
    baseUrl: context.origin,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100281,
    buildDate: '2026-01-01T00:00:00.000+0000',
    serverTime: jiraTime(site, site.clock.isoNow()),
    scmInfo: 'fake-site',
    serverTitle: 'Jira',
    defaultLocale: { locale: 'en_US' },
    serverTimeZone: site.options.siteTimeZone,
  });
}

export const jiraRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/myself', handle: myself },
  { method: 'GET', template: '/rest/api/3/serverInfo', handle: serverInfo },
  { method: 'GET', template: '/rest/api/3/field', anonymous: true, handle: fields },
  { method: 'GET', template: '/rest/api/3/project/search', anonymous: true, handle: projectSearch },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', handle: getProject },
  { method: 'GET', template: '/rest/api/3/search/jql', anonymous: true, handle: searchJql },
  { method: 'POST', template: '/rest/api/3/search/jql', anonymous: true, handle: searchJql },
  { method: 'POST', template: '/rest/api/3/search/approximate-count', handle: approximateCount },
  ...(['2', '3'] as const).flatMap((v): Route[] => [
    { method: 'GET', template: `/rest/api/${v}/search`, handle: removedSearch },
    { method: 'POST', template: `/rest/api/${v}/search`, handle: removedSearch },
    { method: 'POST', template: `/rest/api/${v}/search/id`, handle: removedSearch },
  ]),
  { method: 'POST', template: '/rest/api/3/issue/bulkfetch', handle: bulkFetch },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', handle: getIssue },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/comment', handle: comments },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', handle: oneComment },
  { method: 'POST', template: '/rest/api/3/comment/list', handle: commentList },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/changelog', handle: changelog },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/worklog', handle: worklogs },
];
