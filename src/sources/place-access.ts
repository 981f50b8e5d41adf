// Who may read a project or space, from its permissions: `public` (anonymous visitors), `logged-in` (every user of
// the product) or `restricted` (named roles, groups and users). Pure functions of the API's answers, so that a
// shape the scanner does not recognise gives no answer (undefined) rather than a guess.
//
// Jira: the Browse Projects grants of the project's permission scheme. Holder types from the permission scheme
// reference (jira.js getAllPermissionSchemes, "Holder object"): `anyone` is anonymous users; `applicationRole` is
// users with access to the application named by its parameter, and without one any logged-in user; the other
// documented types (group, user, projectRole, projectLead, reporter, assignee, the custom-field and customer-portal
// ones) name particular people.
//
// Confluence: the v2 space permission assignments (GET /wiki/api/v2/spaces/{id}/permissions) granting read on the
// space. The reference types principals as user, group or role and shows no anonymous sample; its Space Roles group
// names the access classes that stand for everyone: `anonymous-users`, `authenticated-users`,
// `all-licensed-users`. So anonymous access is read from a principal of type `anonymous` or with the id
// `anonymous-users`, all users from `authenticated-users` or `all-licensed-users`; a read grant to any other
// principal that is neither a user nor a group leaves the answer unknown.

import type { PlaceVisibility } from '../types.ts';

const WIDTH: Record<Exclude<PlaceVisibility, 'unknown'>, number> = {
  restricted: 0,
  'logged-in': 1,
  public: 2,
};

/** The widest of several answers; one undefined (not understood) leaves the result undefined unless public. */
function widest(answers: ReadonlyArray<Exclude<PlaceVisibility, 'unknown'> | undefined>) {
  if (answers.includes('public')) return 'public';
  if (answers.includes(undefined)) return undefined;
  return answers.reduce<Exclude<PlaceVisibility, 'unknown'>>(
    (wide, a) => (a !== undefined && WIDTH[a] > WIDTH[wide] ? a : wide),
    'restricted',
  );
}

export interface JiraGrant {
  permission?: string;
  holder?: { type?: string; parameter?: string };
}

const JIRA_NAMED = new Set([
  'group',
  'user',
  'projectRole',
  'projectLead',
  'reporter',
  'assignee',
  'groupCustomField',
  'userCustomField',
  'sd.customer.portal.only',
]);

function jiraHolder(holder: JiraGrant['holder']): Exclude<PlaceVisibility, 'unknown'> | undefined {
  const type = holder?.type;
  if (type === 'anyone') return 'public';
  if (type === 'applicationRole') return 'logged-in';
  return type !== undefined && JIRA_NAMED.has(type) ? 'restricted' : undefined;
}

/** A project's visibility from its permission scheme's grants; undefined when a grant is not understood. */
export function jiraVisibility(grants: readonly JiraGrant[]): PlaceVisibility | undefined {
  const browse = grants.filter((g) => g.permission === 'BROWSE_PROJECTS');
  return widest(browse.map((g) => jiraHolder(g.holder)));
}

export interface SpaceAssignment {
  principal?: { type?: string; id?: string } | null;
  operation?: { key?: string; targetType?: string } | null;
}

const EVERYONE = new Set(['anonymous-users']);
const ALL_USERS = new Set(['authenticated-users', 'all-licensed-users']);

function spacePrincipal(
  principal: SpaceAssignment['principal'],
): Exclude<PlaceVisibility, 'unknown'> | undefined {
  const type = principal?.type?.toLowerCase();
  const id = principal?.id ?? '';
  if (type === 'anonymous' || EVERYONE.has(id)) return 'public';
  if (ALL_USERS.has(id)) return 'logged-in';
  return type === 'user' || type === 'group' ? 'restricted' : undefined;
}

/** A space's visibility from its permission assignments; undefined when a read grant is not understood. */
export function spaceVisibility(assignments: readonly SpaceAssignment[]): PlaceVisibility | undefined {
  const reads = assignments.filter((a) => a.operation?.key === 'read' && a.operation.targetType === 'space');
  return widest(reads.map((a) => spacePrincipal(a.principal)));
}
