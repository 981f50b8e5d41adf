// Who may read each place, as the permission endpoints describe it: one Jira permission scheme per kind of access
// (projects share schemes, as on real sites) and the permission assignments of each Confluence space.
//
// Jira holders follow the permission scheme reference (jira.js getAllPermissionSchemes, "Holder object"): `anyone`
// is anonymous users, `applicationRole` without a parameter any logged-in user, `projectRole` and `group` name
// members. Confluence follows the v2 reference (GET /wiki/api/v2/spaces/{id}/permissions: principal type and id,
// operation key and target type). The reference shows no sample of anonymous or all-users access there; its Space
// Roles group names the access classes `anonymous-users` and `all-licensed-users`, so the fake sends those as the
// principal id with type `role` [unverified: a switch to change when a real response is seen].
import type { PlaceAccess, ProjectRecord, SpaceRecord } from './model.ts';

export interface JiraHolder {
  type: string;
  parameter?: string;
  value?: string;
}

export interface JiraScheme {
  id: number;
  name: string;
  description: string;
  grants: Array<{ id: number; permission: string; holder: JiraHolder }>;
}

const MEMBERS: JiraHolder = { type: 'projectRole', parameter: '10002', value: '10002' };
const ADMINS: JiraHolder = { type: 'projectRole', parameter: '10003', value: '10003' };
const BROWSERS: Record<PlaceAccess, JiraHolder> = {
  public: { type: 'anyone' },
  'logged-in': { type: 'applicationRole' },
  restricted: { type: 'group', parameter: 'support-team', value: '4c4ab4d6-8a41-4c5e-9a6f-2b1d0e6f7a10' },
};

function scheme(id: number, access: PlaceAccess, name: string, description: string): JiraScheme {
  const grants = [
    { permission: 'ADMINISTER_PROJECTS', holder: ADMINS },
    { permission: 'BROWSE_PROJECTS', holder: MEMBERS },
    { permission: 'BROWSE_PROJECTS', holder: BROWSERS[access] },
    { permission: 'CREATE_ISSUES', holder: MEMBERS },
    { permission: 'ADD_COMMENTS', holder: MEMBERS },
  ];
  return { id, name, description, grants: grants.map((g, i) => ({ id: id * 10 + i, ...g })) };
}

export const JIRA_SCHEMES: Readonly<Record<PlaceAccess, JiraScheme>> = {
  restricted: scheme(10000, 'restricted', 'Team permission scheme', 'Members and the support team'),
  'logged-in': scheme(10001, 'logged-in', 'Open permission scheme', 'Every logged-in user may browse'),
  public: scheme(10002, 'public', 'Public permission scheme', 'Anyone on the web may browse'),
};

export function schemeOf(project: ProjectRecord): JiraScheme {
  return JIRA_SCHEMES[project.access];
}

export function schemeById(id: string): JiraScheme | undefined {
  return Object.values(JIRA_SCHEMES).find((s) => String(s.id) === id);
}

export interface SpaceAssignment {
  id: string;
  principal: { type: string; id: string };
  operation: { key: string; targetType: string };
}

const WIDE_READERS: Partial<Record<PlaceAccess, string>> = {
  public: 'anonymous-users',
  'logged-in': 'all-licensed-users',
};

/** The space's assignments: its owner administers it, a team group reads and writes, and wider readers if any. */
export function spaceAssignments(space: SpaceRecord): SpaceAssignment[] {
  const team = { type: 'group', id: `b1e5a7c2-0d3f-4e8a-9c6b-${space.id.padStart(12, '0')}` };
  const owner = { type: 'user', id: space.authorAccountId };
  const rows: Array<[SpaceAssignment['principal'], string, string]> = [
    [owner, 'read', 'space'],
    [owner, 'administer', 'space'],
    [team, 'read', 'space'],
    [team, 'create', 'page'],
    [team, 'create', 'comment'],
  ];
  const wide = WIDE_READERS[space.access];
  if (wide) rows.push([{ type: 'role', id: wide }, 'read', 'space']);
  return rows.map(([principal, key, targetType], i) => ({
    id: `${space.id}${String(i).padStart(3, '0')}`,
    principal,
    operation: { key, targetType },
  }));
}
