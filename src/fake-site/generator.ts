// createSiteContent: the fake site's content as lazy, deterministic records (see model.ts). Only the small
// catalogues are held; every issue, page and comment is rebuilt from (seed, container, index) on demand.

import type { SiteContent, SiteSpec } from './model.ts';
import { createProjects, createSpaces } from './content/catalog.ts';
import { createUsers } from './content/users.ts';
import { buildContent } from './content/confluence-content.ts';
import { flattenComments, planContent } from './content/confluence-plan.ts';
import { createFields } from './content/fields.ts';
import {
  parseCommentId,
  parseContentId,
  parseIssueId,
  parseIssueKey,
  type ContentType,
} from './content/ids.ts';
import { buildIssue } from './content/jira-content.ts';
import { createMutations } from './content/mutations.ts';
import { confluencePlanted, jiraPlanted } from './content/planted.ts';
import { createWorkflowStatuses, createWorkflows } from './content/workflows.ts';

export const DEFAULT_SITE_SPEC: SiteSpec = {
  seed: 42,
  issues: 2000,
  pages: 400,
  now: '2026-01-15T12:00:00.000Z',
};

export function createSiteContent(spec: SiteSpec): SiteContent {
  const now = Date.parse(spec.now);
  if (!Number.isFinite(now)) throw new RangeError('SiteSpec.now must be an ISO instant');
  for (const [name, value] of [
    ['issues', spec.issues],
    ['pages', spec.pages],
    ['seed', spec.seed],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`SiteSpec.${name} must be a non-negative integer`);
  }
  const users = createUsers(spec.seed);
  const projects = createProjects(spec, users);
  const spaces = createSpaces(spec, users, now);
  const workflows = createWorkflows(spec.seed, now, projects);
  const jira = { seed: spec.seed, now, users, projects };
  const confluence = { seed: spec.seed, now, users, spaces };
  const projectOrdinal = new Map(projects.map((p, i) => [p.key, i]));
  const spaceOrdinal = new Map(spaces.map((s, i) => [s.key, i]));

  const ordinalOf = (map: Map<string, number>, key: string): number => {
    const ordinal = map.get(key);
    if (ordinal === undefined) throw new RangeError(`unknown container ${key}`);
    return ordinal;
  };
  const checkIndex = (index: number, count: number): void => {
    if (!Number.isInteger(index) || index < 0 || index >= count)
      throw new RangeError(`index ${index} outside [0, ${count})`);
  };
  const locateContent = (id: string): { spaceKey: string; type: ContentType; index: number } | undefined => {
    const parsed = parseContentId(id);
    const space = parsed && spaces[parsed.spaceOrdinal];
    if (!parsed || !space) return undefined;
    const count = parsed.type === 'page' ? space.pageCount : space.blogPostCount;
    return parsed.index < count ? { spaceKey: space.key, type: parsed.type, index: parsed.index } : undefined;
  };

  return {
    spec,
    users,
    projects,
    fields: createFields(),
    workflows: workflows.workflows,
    workflowStatuses: createWorkflowStatuses(),
    spaces,
    issue(projectKey, index) {
      const ordinal = ordinalOf(projectOrdinal, projectKey);
      checkIndex(index, (projects[ordinal] as (typeof projects)[number]).issueCount);
      return buildIssue(jira, ordinal, index);
    },
    content(spaceKey, type, index) {
      const ordinal = ordinalOf(spaceOrdinal, spaceKey);
      const space = spaces[ordinal] as (typeof spaces)[number];
      checkIndex(index, type === 'page' ? space.pageCount : space.blogPostCount);
      return buildContent(confluence, ordinal, type, index);
    },
    locateIssue(idOrKey) {
      const byKey = parseIssueKey(idOrKey);
      const byId = byKey ? undefined : parseIssueId(idOrKey);
      const project = byKey
        ? projects.find((p) => p.key === byKey.projectKey)
        : byId && projects[byId.projectOrdinal];
      const index = byKey?.index ?? byId?.index;
      return project && index !== undefined && index < project.issueCount
        ? { projectKey: project.key, index }
        : undefined;
    },
    locateContent,
    locateConfluenceComment(id) {
      const parsed = parseCommentId(id);
      if (!parsed || parsed.ordinal === 0) return undefined;
      const where = locateContent(parsed.parentId);
      if (!where) return undefined;
      const ordinal = ordinalOf(spaceOrdinal, where.spaceKey);
      // The plan alone knows the comment tree: no text is generated to answer this.
      const plan = planContent(
        spec.seed,
        ordinal,
        spaces[ordinal] as (typeof spaces)[number],
        where.type,
        where.index,
      );
      const ids = new Set(flattenComments([...plan.footer, ...plan.inline]).map((c) => c.id));
      return ids.has(id) ? where : undefined;
    },
    *planted() {
      yield* jiraPlanted(jira);
      yield* confluencePlanted(confluence, spaces);
    },
    configPlanted: () => workflows.planted.map((p) => ({ ...p })),
    ...createMutations(spec.seed, users),
  };
}
