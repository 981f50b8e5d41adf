// Jira site configuration: GET /rest/api/3/workflows/search (workflows, their transitions with
// expand=values.transitions, and the statuses they use). It needs the
// Administer Jira global permission: an API user without it gets 403, as a scanning account often would.
import { jiraError, jiraTime } from './jira-render.ts';
import type { WorkflowRecord, WorkflowTransitionRecord } from './model.ts';
import { clampInt } from './paging.ts';
import { json, listParam, type Reply, type RequestContext, type Route } from './router.ts';
import type { Site } from './site.ts';

/** A transition as expand=values.transitions shows it: rules left empty, links from each source status. */
function renderTransition(transition: WorkflowTransitionRecord) {
  return {
    id: transition.id,
    type: transition.type,
    name: transition.name,
    description: transition.description,
    toStatusReference: transition.toStatusId,
    links: transition.fromStatusIds.map((from) => ({ fromStatusReference: from, fromPort: 0, toPort: 1 })),
    actions: [],
    validators: [],
    triggers: [],
    properties: {},
  };
}

function renderWorkflow(site: Site, workflow: WorkflowRecord, transitions: boolean) {
  const scope = workflow.projectId
    ? { type: 'PROJECT', project: { id: workflow.projectId } }
    : { type: 'GLOBAL' };
  return {
    id: workflow.id,
    name: workflow.name,
    description: workflow.description,
    scope,
    isEditable: true,
    created: jiraTime(site, workflow.created),
    updated: jiraTime(site, workflow.updated),
    version: { id: `${workflow.id.slice(0, 24)}${'0'.repeat(12)}`, versionNumber: 1 },
    startPointLayout: { x: 0, y: 0 },
    statuses: workflow.statusIds.map((id, i) => ({
      statusReference: id,
      deprecated: false,
      layout: { x: 200 * i, y: 0 },
      properties: {},
    })),
    ...(transitions ? { transitions: workflow.transitions.map(renderTransition) } : {}),
  };
}

function orderOf(context: RequestContext): (a: WorkflowRecord, b: WorkflowRecord) => number {
  const orderBy = context.query.get('orderBy') ?? 'name';
  const field = orderBy.replace(/^[-+]/, '') as 'name' | 'created' | 'updated';
  const sign = orderBy.startsWith('-') ? -1 : 1;
  const key = (w: WorkflowRecord) => (field === 'name' ? w.name.toLowerCase() : (w[field] ?? ''));
  return (a, b) => sign * key(a).localeCompare(key(b));
}

/** GET /rest/api/3/mypermissions for global permissions: only ADMINISTER is modelled. */
function myPermissions(context: RequestContext): Reply {
  const keys = listParam(context.query, 'permissions');
  if (keys.length === 0) return jiraError(400, 'The permissions query parameter was not provided.');
  const known: Record<string, { id: string; name: string; description: string; have: boolean }> = {
    ADMINISTER: {
      id: '0',
      name: 'Administer Jira',
      description: 'Create and administer projects, issue types, fields, workflows and schemes.',
      have: context.site.options.jiraRole === 'admin',
    },
  };
  const unknown = keys.find((key) => !known[key]);
  if (unknown) return jiraError(404, `No project permissions or global permissions found for ${unknown}.`);
  const permissions = Object.fromEntries(
    keys.map((key) => {
      const p = known[key]!;
      const entry = { id: p.id, key, name: p.name, type: 'GLOBAL', description: p.description };
      return [key, { ...entry, havePermission: p.have }];
    }),
  );
  return json(200, { permissions });
}

function searchWorkflows(context: RequestContext): Reply {
  const { site, origin, query } = context;
  if (site.options.jiraRole === 'user') {
    return jiraError(
      403,
      'You are not authorized to perform this action. Administrator privileges are required.',
    );
  }
  const startAt = clampInt(query.get('startAt'), 0, 0, Number.MAX_SAFE_INTEGER);
  const cap = site.options.pageSizes.jiraWorkflows;
  const maxResults = clampInt(query.get('maxResults'), cap, 1, cap);
  const text = query.get('queryString')?.toLowerCase() ?? '';
  const projectId = query.get('projectId');
  const matching = site.content.workflows
    .filter((w) => site.seesWorkflow(w))
    .filter((w) => w.name.toLowerCase().includes(text))
    .filter((w) => !projectId || w.projectId === projectId)
    .sort(orderOf(context));
  const page = matching.slice(startAt, startAt + maxResults);
  const transitions = listParam(query, 'expand').includes('values.transitions');
  const used = new Set(page.flatMap((w) => w.statusIds));
  const link = (start: number) =>
    `${origin}/rest/api/3/workflows/search?maxResults=${maxResults}&startAt=${start}`;
  const isLast = startAt + page.length >= matching.length;
  return json(200, {
    self: link(startAt),
    ...(isLast ? {} : { nextPage: link(startAt + page.length) }),
    maxResults,
    startAt,
    total: matching.length,
    isLast,
    values: page.map((w) => renderWorkflow(site, w, transitions)),
    statuses: site.content.workflowStatuses
      .filter((s) => used.has(s.id))
      .map((s) => ({
        id: s.id,
        name: s.name,
        description: s.description,
        statusCategory: s.category,
        statusReference: s.id,
        scope: { type: 'GLOBAL' },
      })),
  });
}

export const jiraConfigRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/workflows/search', handle: searchWorkflows },
  { method: 'GET', template: '/rest/api/3/mypermissions', handle: myPermissions },
];
