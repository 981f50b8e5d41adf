// Jira mutations on top of the lazy SiteContent: only mutated, created, moved and deleted issues are held here.
// Search reads an index that can lag behind these mutations (eventual consistency); direct GETs never lag.
import type { AdfNode, CommentRecord, IssueRecord, ProjectRecord, SiteContent } from './model.ts';
import { IndexLag } from './index-lag.ts';
import { IssueHistory, type ChangeRecord } from './jira-history.ts';
import { TimeIndexCache, type ItemMeta } from './time-index.ts';
import type { SiteClock } from './clock.ts';

export interface IssueMeta extends ItemMeta {
  key: string;
  projectKey: string;
}

export interface IssuePatch {
  summary?: string;
  description?: AdfNode | null;
  environment?: AdfNode | null;
  customFields?: Record<string, unknown>;
}

const NEW_ISSUE_ID_BASE = 90_000_000;
const NEW_COMMENT_ID_BASE = 95_000_000;

function keyNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf('-') + 1));
}

export function metaOf(issue: IssueRecord): IssueMeta {
  return {
    id: issue.id,
    key: issue.key,
    projectKey: issue.projectKey,
    order: keyNumber(issue.key),
    created: Date.parse(issue.created),
    updated: Date.parse(issue.updated),
  };
}

export class JiraOverlay {
  private readonly content: SiteContent;
  private readonly clock: SiteClock;
  private readonly overrides = new Map<string, IssueRecord>();
  private readonly deleted = new Set<string>();
  private readonly extras = new Map<string, string[]>();
  private readonly keyAliases = new Map<string, string>();
  private readonly lag: IndexLag<IssueMeta>;
  private readonly indexes = new TimeIndexCache();
  private readonly history = new IssueHistory();
  private readonly commentOwners = new Map<string, string>();
  private baseCommentOwners: Map<string, string> | undefined;
  private createdCount = 0;
  private commentCount = 0;

  constructor(content: SiteContent, clock: SiteClock) {
    this.content = content;
    this.clock = clock;
    this.lag = new IndexLag(clock);
  }

  project(idOrKey: string): ProjectRecord | undefined {
    return this.content.projects.find((p) => p.key === idOrKey || p.id === idOrKey);
  }

  /** The current record, or undefined when it never existed or was deleted. Old keys of moved issues resolve. */
  issue(idOrKey: string): IssueRecord | undefined {
    const id = this.keyAliases.get(idOrKey) ?? idOrKey;
    const override = this.overrides.get(id);
    if (override) return this.live(override);
    const location = this.content.locateIssue(idOrKey);
    if (!location) return undefined;
    const base = this.content.issue(location.projectKey, location.index);
    return this.live(this.overrides.get(base.id) ?? base);
  }

  /** The record unless it or its project was deleted. */
  private live(record: IssueRecord): IssueRecord | undefined {
    return this.deleted.has(record.id) || !this.project(record.projectKey) ? undefined : record;
  }

  /** Issue metas of one project as the search index currently sees them, in key order. */
  *indexed(projectKey: string, wallNow: number, reconcile: ReadonlySet<string>): Iterable<IssueMeta> {
    const project = this.project(projectKey);
    if (!project) return;
    const index = this.indexes.get(projectKey, project.issueCount, (i) =>
      metaOf(this.content.issue(projectKey, i)),
    );
    for (let i = 0; i < project.issueCount; i++) {
      const id = index.ids[i]!;
      const base = { ...index.meta(i), key: `${projectKey}-${index.order[i]}`, projectKey };
      const seen = this.seenBySearch(id, base, wallNow, reconcile);
      if (seen && seen.projectKey === projectKey) yield seen;
    }
    for (const id of this.extras.get(projectKey) ?? []) {
      const seen = this.seenBySearch(id, undefined, wallNow, reconcile);
      if (seen && seen.projectKey === projectKey) yield seen;
    }
  }

  private seenBySearch(
    id: string,
    base: IssueMeta | undefined,
    wallNow: number,
    reconcile: ReadonlySet<string>,
  ): IssueMeta | undefined {
    const lag = reconcile.has(id) ? undefined : this.lag.lagging(id, wallNow);
    if (lag) return lag.previous;
    if (this.deleted.has(id)) return undefined;
    const override = this.overrides.get(id);
    return override ? metaOf(override) : base;
  }

  /** Bumped by every mutation: search results computed at an older version are stale. */
  version = 0;

  private record(issue: IssueRecord, previous: IssueMeta | undefined): void {
    this.version++;
    this.lag.note(issue.id, () => previous);
    this.overrides.set(issue.id, issue);
    this.keyAliases.set(issue.key, issue.id);
  }

  private mutate(idOrKey: string, change: (issue: IssueRecord) => IssueRecord): IssueRecord | undefined {
    const current = this.issue(idOrKey);
    if (!current) return undefined;
    const next = { ...change(current), updated: this.clock.isoNow() };
    this.record(next, metaOf(current));
    return next;
  }

  create(projectKey: string, template: IssueRecord): IssueRecord {
    const project = this.project(projectKey);
    if (!project) throw new Error(`unknown project ${projectKey}`);
    const list = this.extras.get(project.key) ?? [];
    const now = this.clock.isoNow();
    const id = String(NEW_ISSUE_ID_BASE + ++this.createdCount);
    const key = `${project.key}-${project.issueCount + list.length + 1}`;
    const issue: IssueRecord = { ...template, id, key, projectKey: project.key, created: now, updated: now };
    list.push(id);
    this.extras.set(project.key, list);
    this.record(issue, undefined);
    return issue;
  }

  update(idOrKey: string, patch: IssuePatch): IssueRecord | undefined {
    const before = this.issue(idOrKey);
    if (!before) return undefined;
    this.history.record(before, patch, this.clock.isoNow());
    return this.mutate(idOrKey, (issue) => ({
      ...issue,
      ...patch,
      customFields: { ...issue.customFields, ...patch.customFields },
    }));
  }

  addComment(idOrKey: string, comment: CommentRecord): CommentRecord | undefined {
    const stamped = {
      ...comment,
      id: String(NEW_COMMENT_ID_BASE + ++this.commentCount),
      created: this.clock.isoNow(),
      updated: this.clock.isoNow(),
    };
    const issue = this.mutate(idOrKey, (current) => ({
      ...current,
      comments: [...current.comments, stamped],
    }));
    if (issue) this.commentOwners.set(stamped.id, issue.id);
    return issue ? stamped : undefined;
  }

  deleteComment(idOrKey: string, commentId: string): boolean {
    const issue = this.issue(idOrKey);
    if (!issue?.comments.some((c) => c.id === commentId)) return false;
    this.mutate(idOrKey, (current) => ({
      ...current,
      comments: current.comments.filter((c) => c.id !== commentId),
    }));
    return true;
  }

  delete(idOrKey: string): IssueRecord | undefined {
    const current = this.issue(idOrKey);
    if (!current) return undefined;
    this.record({ ...current, updated: this.clock.isoNow() }, metaOf(current));
    this.deleted.add(current.id);
    return current;
  }

  move(idOrKey: string, toProjectKey: string): IssueRecord | undefined {
    const current = this.issue(idOrKey);
    const target = this.project(toProjectKey);
    if (!current || !target) return undefined;
    const list = this.extras.get(target.key) ?? [];
    const moved = {
      ...current,
      projectKey: target.key,
      key: `${target.key}-${target.issueCount + list.length + 1}`,
      updated: this.clock.isoNow(),
    };
    list.push(current.id);
    this.extras.set(target.key, list);
    this.record(moved, metaOf(current));
    return moved;
  }

  /**
   * The issue id holding a comment. Generated comments are found through an index of comment ids built on the
   * first call (one pass over every issue: the price of `comment/list`, which real crawlers rarely need).
   */
  commentOwner(commentId: string): string | undefined {
    const added = this.commentOwners.get(commentId);
    if (added) return added;
    if (!this.baseCommentOwners) {
      this.baseCommentOwners = new Map();
      for (const project of this.content.projects) {
        for (let i = 0; i < project.issueCount; i++) {
          const issue = this.content.issue(project.key, i);
          for (const comment of issue.comments) this.baseCommentOwners.set(comment.id, issue.id);
        }
      }
    }
    return this.baseCommentOwners.get(commentId);
  }

  /** Field edits made through the overlay, oldest first (generated issues start with no history). */
  changes(id: string): ChangeRecord[] {
    return this.history.of(id);
  }
}
