// What people type on a Jira issue besides its fields: comments and worklog comments. Search results embed the
// first 20 of each with their total; an issue holding more has that list paged from its own endpoint (one issue in
// a hundred or so), never one request per issue. Each entry says who can read it (see visibilityOf).
import type { CommentVisibility } from '../types.ts';
import type { JiraClient } from './jira.ts';
import { listOf } from './response-shape.ts';

/** A comment restricted to a role or a group carries `visibility`; service desks add `jsdPublic`. */
interface Restrictable {
  id?: string;
  jsdPublic?: unknown;
  visibility?: unknown;
}

export interface RawComment extends Restrictable {
  body?: unknown;
}

export interface RawWorklog extends Restrictable {
  comment?: unknown;
}

/** An embedded sub-collection of a search result: `comment` holds `comments`, `worklog` holds `worklogs`. */
type Embedded = Record<string, unknown> & { total?: unknown };

const PAGE = 100;

/**
 * Who can read a comment or worklog. A role or group restriction wins anywhere. On a service desk, a comment is
 * `public` unless jsdPublic is false (Jira's documented default is true), and a worklog is `internal`: the portal
 * never shows worklogs. Elsewhere jsdPublic is always true and means nothing, so nothing is marked.
 */
export function visibilityOf(
  entry: Restrictable,
  kind: 'comment' | 'worklog',
  serviceDesk: boolean,
): CommentVisibility | undefined {
  const restriction = entry.visibility as { type?: unknown; value?: unknown } | null | undefined;
  if (restriction && (restriction.type !== undefined || restriction.value !== undefined)) return 'restricted';
  if (!serviceDesk) return undefined;
  return kind === 'comment' && entry.jsdPublic !== false ? 'public' : 'internal';
}

/**
 * Offset paging to the end: `startAt` advances by what each page held in `page[key]`, until `total` or an empty
 * page.
 */
async function pageAll<T>(
  key: string,
  what: string,
  fetch: (startAt: number) => Promise<{ total?: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let startAt = 0; ;) {
    const page = await fetch(startAt);
    const list = listOf<T>(page, key, what);
    all.push(...list);
    startAt += list.length;
    if (list.length === 0 || startAt >= (page.total ?? 0)) return all;
  }
}

/** The embedded list when it is complete; `undefined` when the issue holds more than the search embedded. */
function complete<T>(embedded: Embedded | undefined, key: string, what: string): T[] | undefined {
  if (!embedded) return [];
  const list = embedded[key] === undefined ? [] : listOf<T>(embedded, key, what);
  const total = typeof embedded.total === 'number' ? embedded.total : list.length;
  return total <= list.length ? list : undefined;
}

export class JiraActivity {
  private readonly client: JiraClient;

  constructor(client: JiraClient) {
    this.client = client;
  }

  /** Embedded comments when complete, otherwise the comment endpoint paged to the end. */
  async comments(issueId: string, fields: Record<string, unknown>): Promise<RawComment[]> {
    const embedded = fields.comment as Embedded | undefined;
    // A search result without the comment field says nothing about comments: ask the endpoint.
    const listed = embedded ? complete<RawComment>(embedded, 'comments', 'issue comment') : undefined;
    const page = (startAt: number) =>
      this.client.issueComments.getComments({
        issueIdOrKey: issueId,
        startAt,
        maxResults: PAGE,
        orderBy: 'created',
      });
    return listed ?? pageAll<RawComment>('comments', 'issue comment', page);
  }

  /**
   * Embedded worklogs when complete, otherwise the worklog endpoint paged to the end. No worklog field (time
   * tracking is off on the site) means no worklogs: nothing is asked.
   */
  async worklogs(issueId: string, fields: Record<string, unknown>): Promise<RawWorklog[]> {
    const listed = complete<RawWorklog>(fields.worklog as Embedded | undefined, 'worklogs', 'issue worklog');
    const page = (startAt: number) =>
      this.client.issueWorklogs.getIssueWorklog({ issueIdOrKey: issueId, startAt, maxResults: PAGE });
    return listed ?? pageAll<RawWorklog>('worklogs', 'issue worklog', page);
  }
}
