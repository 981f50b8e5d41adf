// Jira v3 JSON shapes for issues, comments, users and projects. Timestamps are rendered in the SITE zone with a
// colon-less offset; absolute `self` links are built from the address the client used.
import { embeddedComments, embeddedWorklogs, EMBEDDED_LIMIT } from './jira-activity-render.ts';
import { jiraTime, renderUser } from './jira-user.ts';
import type { FieldRecord, IssueRecord, ProjectRecord } from './model.ts';
import { jiraAttachmentField } from './attachment-render.ts';
import { adfToHtml } from './representations.ts';
import type { Site } from './site.ts';

export { renderComment } from './jira-activity-render.ts';
export { jiraTime, renderUser } from './jira-user.ts';

const NOT_NAVIGABLE = new Set(['comment', 'worklog']);
const SYSTEM_FIELDS = [
  'summary',
  'description',
  'environment',
  'labels',
  'status',
  'issuetype',
  'project',
  'reporter',
  'assignee',
  'created',
  'updated',
  'comment',
  'attachment',
  'worklog',
];

export function renderProject(site: Site, origin: string, project: ProjectRecord) {
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${origin}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    description: project.description,
    lead: renderUser(site, origin, project.leadAccountId),
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    style: 'classic',
    isPrivate: false,
    avatarUrls: { '48x48': `${origin}/secure/projectavatar?pid=${project.id}` },
    properties: {},
  };
}

const fieldIdsBySite = new WeakMap<Site, string[]>();

/** Field ids an issue can carry: the system fields plus every custom field of the catalogue. */
export function knownFieldIds(site: Site): string[] {
  let ids = fieldIdsBySite.get(site);
  if (!ids) {
    ids = [...SYSTEM_FIELDS, ...site.content.fields.filter((f) => f.custom).map((f) => f.id)];
    fieldIdsBySite.set(site, ids);
  }
  return ids;
}

/**
 * Resolves a `fields` request: `*all`, `*navigable`, ids, and `-id` exclusions. `undefined` = the endpoint default
 * (`defaultAll` for issue GETs, id only for search).
 */
export function resolveFields(site: Site, requested: string[] | undefined, defaultAll: boolean): Set<string> {
  const all = knownFieldIds(site);
  const tokens = requested ?? (defaultAll ? ['*all'] : ['id']);
  const chosen = new Set<string>();
  for (const token of tokens) {
    if (token === '*all') all.forEach((id) => chosen.add(id));
    else if (token === '*navigable')
      all.filter((id) => !NOT_NAVIGABLE.has(id)).forEach((id) => chosen.add(id));
    else if (!token.startsWith('-')) chosen.add(token);
  }
  for (const token of tokens) if (token.startsWith('-')) chosen.delete(token.slice(1));
  return chosen;
}

function fieldValue(site: Site, origin: string, issue: IssueRecord, id: string): unknown {
  const project = site.jira.project(issue.projectKey);
  switch (id) {
    case 'summary':
      return issue.summary;
    case 'description':
      return issue.description;
    case 'environment':
      return issue.environment;
    case 'labels':
      return issue.labels;
    case 'created':
      return jiraTime(site, issue.created);
    case 'updated':
      return jiraTime(site, issue.updated);
    case 'reporter':
      return renderUser(site, origin, issue.reporterAccountId);
    case 'assignee':
      return issue.assigneeAccountId ? renderUser(site, origin, issue.assigneeAccountId) : null;
    case 'issuetype':
      return {
        self: `${origin}/rest/api/3/issuetype/${issue.issueType.id}`,
        ...issue.issueType,
        subtask: false,
      };
    case 'project':
      return (
        project && {
          self: `${origin}/rest/api/3/project/${project.id}`,
          id: project.id,
          key: project.key,
          name: project.name,
          projectTypeKey: project.projectTypeKey,
        }
      );
    case 'status': {
      const category = {
        new: [2, 'To Do', 'blue-gray'],
        indeterminate: [4, 'In Progress', 'yellow'],
        done: [3, 'Done', 'green'],
      }[issue.status.category];
      return {
        self: `${origin}/rest/api/3/status/${issue.status.id}`,
        id: issue.status.id,
        name: issue.status.name,
        statusCategory: {
          id: category[0],
          key: issue.status.category,
          name: category[1],
          colorName: category[2],
        },
      };
    }
    case 'comment':
      return embeddedComments(site, origin, issue);
    case 'worklog':
      return embeddedWorklogs(site, origin, issue);
    case 'attachment':
      return jiraAttachmentField(site, origin, issue);
    default:
      return issue.customFields[id] ?? null;
  }
}

function isAdf(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc';
}

const cataloguesBySite = new WeakMap<Site, Map<string, FieldRecord>>();

function fieldCatalogue(site: Site): Map<string, FieldRecord> {
  let catalogue = cataloguesBySite.get(site);
  if (!catalogue) {
    catalogue = new Map(site.content.fields.map((f) => [f.id, f]));
    cataloguesBySite.set(site, catalogue);
  }
  return catalogue;
}

/** `names` and `schema` maps for the chosen fields, as `expand=names,schema` asks for them. */
export function fieldMaps(
  site: Site,
  wanted: Iterable<string>,
  expand: Set<string>,
): Record<string, unknown> {
  const catalogue = fieldCatalogue(site);
  const ids = [...wanted].filter((id) => knownFieldIds(site).includes(id));
  const maps: Record<string, unknown> = {};
  if (expand.has('names'))
    maps.names = Object.fromEntries(ids.map((id) => [id, catalogue.get(id)?.name ?? id]));
  if (expand.has('schema')) {
    maps.schema = Object.fromEntries(ids.map((id) => [id, catalogue.get(id)?.schema ?? { type: 'any' }]));
  }
  return maps;
}

/** One issue: `{id}` alone when only id/key were asked for, else the full envelope with the chosen fields. */
export function renderIssue(
  site: Site,
  origin: string,
  issue: IssueRecord,
  fields: Set<string>,
  expand: Set<string>,
) {
  const known = knownFieldIds(site);
  const wanted = [...fields].filter((id) => id !== 'id' && id !== 'key' && known.includes(id));
  if (!wanted.length && !expand.size)
    return fields.has('key') ? { id: issue.id, key: issue.key } : { id: issue.id };
  const values: Record<string, unknown> = {};
  for (const id of wanted) values[id] = fieldValue(site, origin, issue, id);
  const out: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${origin}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields: values,
  };
  if (expand.has('renderedfields')) {
    const rendered: Record<string, unknown> = {};
    for (const id of wanted) {
      const value = values[id];
      if (isAdf(value)) rendered[id] = adfToHtml(value as IssueRecord['description']);
      else if (id === 'comment')
        rendered[id] = {
          comments: issue.comments
            .slice(0, EMBEDDED_LIMIT)
            .map((c) => ({ id: c.id, body: adfToHtml(c.body) })),
        };
      else rendered[id] = value ?? null;
    }
    out.renderedFields = rendered;
  }
  Object.assign(out, fieldMaps(site, wanted, expand));
  return out;
}

export function renderField(field: FieldRecord) {
  const clause = field.custom ? [`cf[${field.schema.customId ?? ''}]`, field.name] : [field.id];
  return {
    id: field.id,
    key: field.id,
    name: field.name,
    untranslatedName: field.name,
    custom: field.custom,
    orderable: true,
    navigable: !NOT_NAVIGABLE.has(field.id),
    searchable: true,
    clauseNames: clause,
    schema: field.schema,
  };
}

export function jiraError(status: number, ...messages: string[]) {
  return { status, body: { errorMessages: messages, errors: {} } };
}
