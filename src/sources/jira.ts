// Jira Cloud REST v3 through jira.js: projects, and issues with every text field (from the catalogue, jira-config.ts)
// and every comment and worklog comment. One search page (up to 100 issues with their fields and embedded comments
// and worklogs) is one request; those are fetched separately only for issues whose embedded list is truncated
// (jira-activity.ts).
import type { createCloudClient } from 'jira.js';
import type { AttachmentScan, Container, Doc, Item } from '../types.ts';
import { attachmentDocs, jiraAttachments, type AttachmentRef } from './attachments.ts';
import { toText } from './extract.ts';
import { JiraActivity, visibilityOf } from './jira-activity.ts';
import { JiraConfig } from './jira-config.ts';
import { quoteLiteral } from './query-literal.ts';
import { listOf } from './response-shape.ts';

export type JiraClient = ReturnType<typeof createCloudClient>;

/** Project keys named by Jira's own 400 message ("The value 'FIN' does not exist for the field 'project'."). */
function refusedProjects(error: unknown): Set<string> {
  const { status, body } = (error ?? {}) as { status?: unknown; body?: unknown };
  if (status !== 400) return new Set();
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  return new Set(
    Array.from(text.matchAll(/The value '([^']+)' does not exist for the field 'project'/g), (m) => m[1]!),
  );
}

const displayName = (user: unknown): string | undefined => {
  const name = (user as { displayName?: unknown } | null | undefined)?.displayName;
  return typeof name === 'string' ? name : undefined;
};

export interface SourceItem {
  item: Item;
  docs: Doc[];
  /** Fields cut at the size limit: recorded as a coverage note, never silently. */
  truncated: number;
  /** The item's attachments, whose names (and comments) are among the docs; contents are read apart. */
  attachments?: AttachmentRef[];
  /** Attachment contents read or refused for this record (crawl/attachment-content.ts), stored with it. */
  attachmentScans?: AttachmentScan[];
}

export interface TextField {
  id: string;
  name: string;
}

/** A text field as issue searches need it: by id only (a field's name may hold a value found in it). */
export type FieldRef = Pick<TextField, 'id'>;

const SEARCH_PAGE = 100;
const BASE_FIELDS = [
  'summary',
  'description',
  'environment',
  'comment',
  'worklog',
  'status',
  'project',
  'created',
  'updated',
  'reporter',
  'assignee',
  'attachment',
];

type Fields = Record<string, unknown>;
interface RawIssue {
  id: string;
  key: string;
  fields?: Fields;
}

export class JiraSource {
  private readonly client: JiraClient;
  private readonly site: string;
  private readonly maxChars: number;
  /** The field catalogue and the site configuration texts (custom field and workflow names), same client. */
  readonly config: JiraConfig;
  private admin: Promise<boolean> | undefined;
  private readonly activity: JiraActivity;

  constructor(client: JiraClient, site: string, maxChars: number) {
    this.client = client;
    this.site = site;
    this.maxChars = maxChars;
    this.config = new JiraConfig(client, site, () => this.isAdmin());
    this.activity = new JiraActivity(client);
  }

  /**
   * Whether the API user holds the Administer Jira global permission (GET /mypermissions?permissions=ADMINISTER),
   * asked once: it decides what project/search lists and whether every workflow is readable.
   */
  isAdmin(): Promise<boolean> {
    this.admin ??= this.client.permissions
      .getMyPermissions({ permissions: 'ADMINISTER' })
      .then(
        (mine) =>
          (mine.permissions?.ADMINISTER as { havePermission?: unknown } | undefined)?.havePermission === true,
      );
    return this.admin;
  }

  /** The credential probe: /myself never answers anonymously, so a dead token fails here with a 401. */
  async whoami(): Promise<{ accountId: string; timeZone: string | undefined }> {
    const me = await this.client.myself.getCurrentUser();
    return { accountId: String(me.accountId ?? ''), timeZone: me.timeZone ?? undefined };
  }

  async projects(includeArchived: boolean): Promise<Container[]> {
    const out: Container[] = [];
    for (let startAt = 0; ;) {
      const page = await this.client.projects.searchProjects({
        startAt,
        maxResults: 100,
        orderBy: 'key',
        expand: 'description',
        status: includeArchived ? ['live', 'archived'] : ['live'],
      });
      const values = listOf<NonNullable<typeof page.values>[number]>(page, 'values', 'project', [
        'id',
        'key',
      ]);
      for (const p of values) {
        out.push({
          product: 'jira',
          id: String(p.id),
          key: String(p.key),
          name: String(p.name ?? p.key),
          url: `${this.site}/browse/${p.key}`,
          type: p.projectTypeKey ?? undefined,
          status: p.archived ? 'archived' : 'live',
          description: typeof p.description === 'string' ? p.description : undefined,
        });
      }
      startAt += values.length;
      if (page.isLast || values.length === 0) return out;
    }
  }

  /**
   * Approximate count of the projects' issues, for progress bars only; never a loop bound. Jira refuses the
   * whole query (400) when it names a project the token can list but not browse, so those are dropped and the
   * count asked again (a few rounds at most).
   */
  async count(projectKeys: readonly string[]): Promise<number | undefined> {
    let keys = [...projectKeys];
    for (let round = 0; round < 3 && keys.length > 0; round++) {
      try {
        const jql = `project in (${keys.map(quoteLiteral).join(',')})`;
        return (await this.client.issueSearch.countIssues({ jql })).count ?? undefined;
      } catch (error) {
        const refused = refusedProjects(error);
        if (!keys.some((key) => refused.has(key))) return undefined;
        keys = keys.filter((key) => !refused.has(key));
      }
    }
    return keys.length === 0 ? 0 : undefined;
  }

  /** One page of issue ids and keys for `jql` (up to 5000 per request: ids only are cheap). */
  async idPage(
    jql: string,
    nextPageToken?: string,
  ): Promise<{ issues: Array<{ id: string; key: string }>; nextPageToken?: string }> {
    const page = await this.client.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql,
      nextPageToken,
      maxResults: 5000,
      fields: ['key'],
    });
    const issues = listOf<RawIssue>(page, 'issues', 'issue search', ['id', 'key']).map((i) => ({
      id: String(i.id),
      key: String(i.key),
    }));
    const token =
      typeof page.nextPageToken === 'string' && page.nextPageToken !== '' ? page.nextPageToken : undefined;
    return { issues, nextPageToken: token };
  }

  /** One page of issues for `jql`, with every text field; `nextPageToken` undefined on the last page. */
  async searchPage(
    jql: string,
    textFields: readonly FieldRef[],
    nextPageToken?: string,
  ): Promise<{ items: SourceItem[]; nextPageToken?: string; statuses: string[] }> {
    const page = await this.client.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql,
      nextPageToken,
      maxResults: SEARCH_PAGE,
      fields: [...BASE_FIELDS, ...textFields.map((f) => f.id)],
    });
    const issues = listOf<RawIssue>(page, 'issues', 'issue search', ['id', 'key']);
    const statuses = new Set<string>();
    for (const issue of issues) {
      const status = (issue.fields?.status as { name?: string } | undefined)?.name;
      if (status) statuses.add(status);
    }
    // Issues whose embedded comments were truncated page their comments at the same time, not one after another.
    const items = await Promise.all(issues.map((issue) => this.toSourceItem(issue, textFields)));
    const token =
      typeof page.nextPageToken === 'string' && page.nextPageToken !== '' ? page.nextPageToken : undefined;
    return { items, nextPageToken: token, statuses: [...statuses] };
  }

  private async toSourceItem(issue: RawIssue, textFields: readonly FieldRef[]): Promise<SourceItem> {
    const fields = issue.fields ?? {};
    const url = `${this.site}/browse/${issue.key}`;
    const project = fields.project as { key?: string; projectTypeKey?: string } | undefined;
    const item: Item = {
      product: 'jira',
      containerKey: String(project?.key ?? issue.key.split('-')[0]),
      kind: 'issue',
      id: String(issue.id),
      key: issue.key,
      title: typeof fields.summary === 'string' ? fields.summary : '',
      url,
      created: typeof fields.created === 'string' ? fields.created : undefined,
      updated: typeof fields.updated === 'string' ? fields.updated : undefined,
      version: typeof fields.updated === 'string' ? Date.parse(fields.updated) : undefined,
      status: (fields.status as { name?: string } | undefined)?.name,
      people: { reporter: displayName(fields.reporter), assignee: displayName(fields.assignee) },
    };
    const docs: Doc[] = [];
    let truncated = 0;
    const add = (
      field: string,
      value: unknown,
      fieldId?: string,
      link = url,
      visibility?: Doc['visibility'],
    ) => {
      const extracted = toText(value, this.maxChars);
      if (extracted.truncated) truncated++;
      if (extracted.text.trim() !== '')
        docs.push({ itemId: item.id, field, fieldId, url: link, text: extracted.text, visibility });
    };
    add('title', fields.summary);
    add('description', fields.description);
    add('environment', fields.environment);
    for (const field of textFields) add(field.id, fields[field.id], field.id);
    const serviceDesk = project?.projectTypeKey === 'service_desk';
    const [comments, worklogs] = await Promise.all([
      this.activity.comments(issue.id, fields),
      this.activity.worklogs(issue.id, fields),
    ]);
    for (const c of comments) {
      const visibility = visibilityOf(c, 'comment', serviceDesk);
      add('comment', c.body, c.id, `${url}?focusedCommentId=${c.id}`, visibility);
    }
    for (const w of worklogs) {
      const visibility = visibilityOf(w, 'worklog', serviceDesk);
      add('worklog', w.comment, w.id, `${url}?focusedWorklogId=${w.id}`, visibility);
    }
    // Names and media types come with the search results: no request per issue.
    const attachments = jiraAttachments(fields.attachment, item.id, this.site);
    for (const attachment of attachments) docs.push(...attachmentDocs(attachment));
    return { item, docs, truncated, attachments };
  }
}
