// The contract between the fake site's content generator (generator.ts, content/) and its HTTP server
// (server.ts, routes). The generator is pure and lazy: every record is a deterministic function of
// (seed, container, index), so 100,000 issues never sit in memory at once. The server keeps mutations
// (create, edit, delete, move, churn) in an overlay on top of these records.

import type { Category, CommentVisibility } from '../types.ts';
import type { AttachmentRecord } from './content/attachments.ts';

export type { AttachmentRecord } from './content/attachments.ts';

/** ADF document as Jira v3 and Confluence atlas_doc_format carry it. */
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
  version?: number;
}

export interface SiteSpec {
  seed: number;
  /** Total issues over all projects (default 2,000). */
  issues: number;
  /** Total pages over all spaces (default 400); blog posts are extra, about a fifth of that. */
  pages: number;
  /** Site clock at generation: every created/updated instant lies before it. ISO UTC. */
  now: string;
}

/**
 * Who may read a place besides its members: anyone, anonymous visitors included (`public`); every logged-in
 * user of the product (`logged-in`); or only the roles, groups and users named (`restricted`).
 */
export type PlaceAccess = 'public' | 'logged-in' | 'restricted';

export interface FakeUser {
  accountId: string;
  displayName: string;
  email: string;
}

export interface ProjectRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  projectTypeKey: 'software' | 'service_desk' | 'business';
  leadAccountId: string;
  /**
   * The API user lacks Browse Projects here. project/search still lists it to an administrator (Administer Jira),
   * never to a plain user; JQL naming it is refused and its issues answer 404, as if it did not exist.
   */
  forbidden: boolean;
  /** Who holds Browse Projects in the project's permission scheme. */
  access: PlaceAccess;
  issueCount: number;
}

export interface FieldRecord {
  id: string;
  name: string;
  custom: boolean;
  /** jira.js FieldDetails.schema */
  schema: { type: string; system?: string; custom?: string; customId?: number; items?: string };
}

/** A status as the workflow search lists it (the site's status catalogue). */
export interface WorkflowStatusRecord {
  id: string;
  name: string;
  description: string;
  category: 'TODO' | 'IN_PROGRESS' | 'DONE';
}

/** A move between statuses; its name is the button users press, and both texts are admin-written. */
export interface WorkflowTransitionRecord {
  /** Unique within its workflow only, as on real sites ("1", "11", "21"...). */
  id: string;
  name: string;
  description: string;
  type: 'INITIAL' | 'GLOBAL' | 'DIRECTED';
  /** Empty for INITIAL and GLOBAL transitions, which start from nowhere or from anywhere. */
  fromStatusIds: string[];
  toStatusId: string;
}

/** A workflow: global (company-managed projects) or scoped to one team-managed project. */
export interface WorkflowRecord {
  /** A UUID, as the workflow search returns it. */
  id: string;
  name: string;
  description: string;
  /** Set for team-managed (PROJECT-scoped) workflows. */
  projectId?: string;
  statusIds: string[];
  /** Returned by the workflow search with expand=values.transitions. */
  transitions: WorkflowTransitionRecord[];
  created: string;
  updated: string;
}

/** A comment or worklog restricted to a role or a group (Jira's `visibility`). */
export interface RestrictionRecord {
  type: 'role' | 'group';
  value: string;
}

export interface CommentRecord {
  id: string;
  authorAccountId: string;
  body: AdfNode;
  created: string; // ISO UTC
  updated: string;
  /** A service desk reply the customer sees; false for an internal note. Absent: true, Jira's default. */
  jsdPublic?: boolean;
  /** The API user holds the role or group (hiding restricted comments from others is not emulated). */
  visibility?: RestrictionRecord;
}

/** Logged work; its comment is text people type, in ADF. */
export interface WorklogRecord {
  id: string;
  authorAccountId: string;
  comment: AdfNode | null;
  started: string; // ISO UTC
  created: string;
  updated: string;
  timeSpentSeconds: number;
  visibility?: RestrictionRecord;
}

export interface IssueRecord {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  description: AdfNode | null;
  environment: AdfNode | null;
  /** customfield_<n> -> plain string (textfield, url), ADF (textarea), string[] (labels-like), or option objects. */
  customFields: Record<string, unknown>;
  labels: string[];
  status: { id: string; name: string; category: 'new' | 'indeterminate' | 'done' };
  issueType: { id: string; name: string };
  reporterAccountId: string;
  assigneeAccountId: string | null;
  created: string; // ISO UTC; the server renders Jira timestamps in the site zone
  updated: string;
  comments: CommentRecord[];
  /** Files attached to the issue (the search results' `attachment` field); absent = none. */
  attachments?: AttachmentRecord[];
  /** Oldest first; search results embed the first 20 (see jira-render.ts). */
  worklogs: WorklogRecord[];
}

export interface SpaceRecord {
  id: string;
  key: string;
  name: string;
  type: 'global' | 'personal' | 'knowledge_base' | 'collaboration';
  status: 'current' | 'archived';
  description: string;
  authorAccountId: string;
  createdAt: string;
  homepageId: string;
  /** The API user has no view permission: absent from every listing and search, its content 404, as on a real site. */
  forbidden: boolean;
  /** Who holds the View (read space) permission. */
  access: PlaceAccess;
  pageCount: number;
  blogPostCount: number;
}

export interface ConfluenceCommentRecord {
  id: string;
  kind: 'footer' | 'inline';
  authorAccountId: string;
  /** Storage-format XHTML. */
  body: string;
  createdAt: string;
  version: number;
  /** Inline comments only. */
  resolutionStatus?: 'open' | 'resolved' | 'reopened' | 'dangling';
  /** Inline comments only: the highlighted page text. */
  originalSelection?: string;
  markerRef?: string;
  replies: ConfluenceCommentRecord[];
}

export interface ContentVersionRecord {
  number: number;
  createdAt: string;
  authorAccountId: string;
  message: string;
  /** Storage body as it was at this version. */
  body: string;
  title: string;
}

export interface ContentRecord {
  id: string;
  type: 'page' | 'blogpost';
  spaceKey: string;
  title: string;
  /** current | archived | draft (only reachable with get-draft / status=draft) */
  status: 'current' | 'archived' | 'draft';
  parentId: string | null;
  /**
   * A view restriction the API user is not in (its own, or inherited from an ancestor page): absent from every
   * listing and search, 404 by id, as Confluence hides what a user may not view.
   */
  restricted: boolean;
  authorAccountId: string;
  createdAt: string;
  /** Latest version; versions[versions.length - 1] is the same. */
  version: { number: number; createdAt: string; message: string; authorAccountId: string };
  /** Storage-format XHTML of the latest version (code macros with CDATA, tables, tasks, mentions...). */
  body: string;
  versions: ContentVersionRecord[];
  footerComments: ConfluenceCommentRecord[];
  inlineComments: ConfluenceCommentRecord[];
  /** Files attached to the page or blog post (v2 attachment listings); absent = none. */
  attachments?: AttachmentRecord[];
}

/** One planted sensitive value: the ground truth for recall and leak audits. */
export interface PlantedRecord {
  product: 'jira' | 'confluence';
  container: string;
  /** Issue key, or page/blog post id. */
  item: string;
  /**
   * summary | description | environment | comment:<id> | worklog:<id> | customfield_<n> | title | body |
   * footer-comment:<id> | inline-comment:<id> | version:<n> (only in an older page version) |
   * name | description (of the project or space itself: item = its key) |
   * field-name (item = customfield id) | workflow-name | workflow-description | transition-name |
   * transition-description (item = workflow id; container '') |
   * attachment:<id>:name | attachment:<id>:comment | attachment:<id>:content (a file of the item)
   */
  field: string;
  category: Category;
  /** A stable name for the kind of value, e.g. aws-access-key-id, credit-card, us-ssn, mrn. */
  kind: string;
  value: string;
  /**
   * false where the container, page or blog post is hidden from the API user, or (in the truth) where the value
   * sits in an unpublished Confluence draft, which no listing shows.
   */
  readable: boolean;
  /**
   * Jira comments and worklogs, in the truth: who can read the value (as CommentVisibility: public and internal
   * on service desks, restricted wherever a role or group limits it); absent where nothing is marked.
   */
  visibility?: CommentVisibility;
}

/** What the generator gives the server. Everything is deterministic for a given SiteSpec. */
export interface SiteContent {
  spec: SiteSpec;
  users: FakeUser[];
  projects: ProjectRecord[];
  fields: FieldRecord[];
  /** The site's workflows and the statuses they use (GET /rest/api/3/workflows/search, admins only). */
  workflows: WorkflowRecord[];
  workflowStatuses: WorkflowStatusRecord[];
  spaces: SpaceRecord[];
  /** index in [0, project.issueCount) */
  issue(projectKey: string, index: number): IssueRecord;
  /** index in [0, space.pageCount) or [0, space.blogPostCount) */
  content(spaceKey: string, type: 'page' | 'blogpost', index: number): ContentRecord;
  /** Inverse lookups for routes addressed by id or key (ids are dense and computable, no index held). */
  locateIssue(idOrKey: string): { projectKey: string; index: number } | undefined;
  locateContent(id: string): { spaceKey: string; type: 'page' | 'blogpost'; index: number } | undefined;
  /** Confluence comment id (root or reply) -> its page/blog post. */
  locateConfluenceComment(
    id: string,
  ): { spaceKey: string; type: 'page' | 'blogpost'; index: number } | undefined;
  /** Everything planted in issues and pages, in a stable order; generates lazily. */
  planted(): Iterable<PlantedRecord>;
  /**
   * Values planted in site-wide configuration texts (workflow and transition names and descriptions): container ''
   * (site-wide), item the workflow id, field `workflow-name`, `workflow-description`, `transition-name` or
   * `transition-description`.
   */
  configPlanted(): PlantedRecord[];
  /** Material for mutations (churn, admin create): new deterministic content from a seed. */
  newComment(seed: number, at: string): CommentRecord;
  newConfluenceComment(seed: number, at: string, kind: 'footer' | 'inline'): ConfluenceCommentRecord;
  editedAdf(seed: number, previous: AdfNode | null): AdfNode;
  editedStorage(seed: number, previous: string): string;
}
