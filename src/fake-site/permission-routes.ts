// Who may read each place (permission-grants.ts), through the endpoints a real site answers it on:
// - Jira GET /rest/api/3/project/{projectKeyOrId}/permissionscheme: Administer Jira, or Administer Projects for
//   that project (the reference); the grants come only with an `expand` value ("permissions are included when you
//   specify any value"). A user without the right gets 403 [message text unverified]; a project it cannot see, 404.
// - Jira GET /rest/api/3/permissionscheme/{schemeId}: any user ("Permission to access Jira"), grants with expand.
// - Confluence GET /wiki/api/v2/spaces/{id}/permissions: anyone who may view the space, cursor-paged.
import { cursorPage, type Walk } from './confluence-pager.ts';
import { notFound } from './confluence-access.ts';
import { jiraError } from './jira-render.ts';
import type { ProjectRecord } from './model.ts';
import {
  schemeById,
  schemeOf,
  spaceAssignments,
  type JiraScheme,
  type SpaceAssignment,
} from './permission-grants.ts';
import { json, listParam, type Reply, type RequestContext, type Route } from './router.ts';

function renderScheme(origin: string, scheme: JiraScheme, grants: boolean) {
  const self = `${origin}/rest/api/3/permissionscheme/${scheme.id}`;
  return {
    expand: 'permissions,user,group,projectRole,field,all',
    id: scheme.id,
    self,
    name: scheme.name,
    description: scheme.description,
    ...(grants
      ? {
          permissions: scheme.grants.map((g) => ({
            id: g.id,
            self: `${self}/permission/${g.id}`,
            holder: { ...g.holder, expand: g.holder.type },
            permission: g.permission,
          })),
        }
      : {}),
  };
}

/** Administer Jira covers every project; the fake's project administrators run the team-managed ones. */
function administers(context: RequestContext, project: ProjectRecord): boolean {
  const { jiraRole } = context.site.options;
  if (jiraRole === 'admin') return true;
  return (
    jiraRole === 'project-admin' && context.site.content.workflows.some((w) => w.projectId === project.id)
  );
}

function assignedScheme(context: RequestContext): Reply {
  const { site, params } = context;
  const key = params.projectKeyOrId!;
  const project = site.jira.project(key);
  if (!project || (project.forbidden && site.options.jiraRole !== 'admin'))
    return jiraError(404, `No project could be found with key '${key}'.`);
  if (!administers(context, project))
    return jiraError(403, 'You do not have permission to view the permission scheme of this project.');
  const expand = listParam(context.query, 'expand').length > 0;
  return json(200, renderScheme(context.origin, schemeOf(project), expand));
}

function schemeRoute(context: RequestContext): Reply {
  const scheme = schemeById(context.params.schemeId!);
  if (!scheme)
    return jiraError(404, `The permission scheme with id '${context.params.schemeId}' does not exist.`);
  const expand = listParam(context.query, 'expand').length > 0;
  return json(200, renderScheme(context.origin, scheme, expand));
}

function spacePermissions(context: RequestContext): Reply {
  const space = context.site.confluence.space(context.params.id!);
  if (!space || space.forbidden || space.id !== context.params.id) return notFound();
  const rows = spaceAssignments(space);
  const walk: Walk<SpaceAssignment> = function* (from) {
    for (let i = from.i ?? 0; i < rows.length; i++) yield { item: rows[i]!, resume: { i: i + 1 } };
  };
  return cursorPage(context, walk, (row) => row);
}

export const permissionRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/project/{projectKeyOrId}/permissionscheme',
    handle: assignedScheme,
  },
  { method: 'GET', template: '/rest/api/3/permissionscheme/{schemeId}', handle: schemeRoute },
  { method: 'GET', template: '/wiki/api/v2/spaces/{id}/permissions', handle: spacePermissions },
];
