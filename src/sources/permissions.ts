// The permission reads behind each place's visibility (place-access.ts), one request per place: Jira's project
// permission scheme with its grants (GET /rest/api/3/project/{key}/permissionscheme?expand=permissions: Administer
// Jira or Administer Projects), Confluence's space permission assignments (GET /wiki/api/v2/spaces/{id}/permissions,
// 250 a page: anyone who may view the space). Read permissions only; nothing is changed.
import type { ConfluenceV2 } from './confluence.ts';
import { nextCursor, PAGE_LIMIT } from './confluence-cursor.ts';
import type { JiraClient } from './jira.ts';
import type { PlaceVisibility } from '../types.ts';
import { jiraVisibility, spaceVisibility, type JiraGrant, type SpaceAssignment } from './place-access.ts';
import { listOf } from './response-shape.ts';

/** Pages of assignments past this many are not read: a space with 2,500 assignments is not `restricted` by luck. */
const MAX_PAGES = 10;

export class PermissionReader {
  private readonly jira: JiraClient;
  private readonly v2: ConfluenceV2;
  private readonly site: string;

  constructor(jira: JiraClient, v2: ConfluenceV2, site: string) {
    this.jira = jira;
    this.v2 = v2;
    this.site = site;
  }

  /** Undefined when the grants hold a holder not understood; throws the API's error (403 without the right). */
  async project(key: string): Promise<PlaceVisibility | undefined> {
    const scheme = await this.jira.projectPermissionSchemes.getAssignedPermissionScheme({
      projectKeyOrId: key,
      expand: 'permissions',
    });
    return jiraVisibility(listOf<JiraGrant>(scheme, 'permissions', 'permission grant'));
  }

  /** Undefined when a read grant names a principal not understood, or there are too many pages to read. */
  async space(id: string): Promise<PlaceVisibility | undefined> {
    const assignments: SpaceAssignment[] = [];
    for (let cursor: string | undefined, page = 0; page < MAX_PAGES; page++) {
      const result = await this.v2.spacePermissions.getSpacePermissionsAssignments({
        id: Number(id),
        cursor,
        limit: PAGE_LIMIT,
      });
      assignments.push(...listOf<SpaceAssignment>(result, 'results', 'space permission'));
      cursor = nextCursor(result._links, this.site);
      if (!cursor) return spaceVisibility(assignments);
    }
    return spaceVisibility(assignments) === 'public' ? 'public' : undefined;
  }
}
