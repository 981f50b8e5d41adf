// Jira v3 shapes of what people type on an issue besides its fields: comments (service desks mark them public or
// internal with jsdPublic; any comment may be restricted to a role or group) and worklogs, embedded in issues up to
// EMBEDDED_LIMIT each with their total, as real sites do, and paged from their own endpoints.
import { jiraTime, renderUser } from './jira-user.ts';
import type { CommentRecord, IssueRecord, RestrictionRecord, WorklogRecord } from './model.ts';
import { adfToHtml } from './representations.ts';
import type { Site } from './site.ts';

/** Embedded comment and worklog lists (search results, issue GET) hold at most this many. */
export const EMBEDDED_LIMIT = 20;

/** A role or group restriction; `identifier` is the group id or the role name, as Jira documents it. */
function renderRestriction(restriction: RestrictionRecord | undefined) {
  return restriction
    ? { visibility: { type: restriction.type, value: restriction.value, identifier: restriction.value } }
    : {};
}

export function renderComment(
  site: Site,
  origin: string,
  issue: IssueRecord,
  comment: CommentRecord,
  rendered: boolean,
) {
  return {
    self: `${origin}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author: renderUser(site, origin, comment.authorAccountId),
    body: comment.body,
    ...(rendered ? { renderedBody: adfToHtml(comment.body) } : {}),
    updateAuthor: renderUser(site, origin, comment.authorAccountId),
    created: jiraTime(site, comment.created),
    updated: jiraTime(site, comment.updated),
    // Jira sends jsdPublic on every comment, true unless a service desk agent wrote an internal note.
    jsdPublic: comment.jsdPublic ?? true,
    ...renderRestriction(comment.visibility),
  };
}

/** `2h 15m`, as Jira writes durations (a working day of 8 hours is not folded into days here). */
function timeSpent(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].filter(Boolean).join(' ') || '0m';
}

export function renderWorklog(site: Site, origin: string, issue: IssueRecord, worklog: WorklogRecord) {
  return {
    self: `${origin}/rest/api/3/issue/${issue.id}/worklog/${worklog.id}`,
    author: renderUser(site, origin, worklog.authorAccountId),
    updateAuthor: renderUser(site, origin, worklog.authorAccountId),
    ...(worklog.comment ? { comment: worklog.comment } : {}),
    created: jiraTime(site, worklog.created),
    updated: jiraTime(site, worklog.updated),
    started: jiraTime(site, worklog.started),
    timeSpent: timeSpent(worklog.timeSpentSeconds),
    timeSpentSeconds: worklog.timeSpentSeconds,
    id: worklog.id,
    issueId: issue.id,
    ...renderRestriction(worklog.visibility),
  };
}

export function embeddedComments(site: Site, origin: string, issue: IssueRecord) {
  return {
    comments: issue.comments
      .slice(0, EMBEDDED_LIMIT)
      .map((c) => renderComment(site, origin, issue, c, false)),
    self: `${origin}/rest/api/3/issue/${issue.id}/comment`,
    maxResults: EMBEDDED_LIMIT,
    total: issue.comments.length,
    startAt: 0,
  };
}

export function embeddedWorklogs(site: Site, origin: string, issue: IssueRecord) {
  return worklogPage(site, origin, issue, 0, EMBEDDED_LIMIT);
}

/** One page of the issue's worklogs, oldest first (GET /issue/{id}/worklog and the embedded field alike). */
export function worklogPage(
  site: Site,
  origin: string,
  issue: IssueRecord,
  startAt: number,
  maxResults: number,
) {
  return {
    startAt,
    maxResults,
    total: issue.worklogs.length,
    worklogs: issue.worklogs
      .slice(startAt, startAt + maxResults)
      .map((w) => renderWorklog(site, origin, issue, w)),
  };
}
