// The admin API in process: create, update, delete and move issues, pages and comments; advance the clock; churn;
// faults; truth; stats. Mutations go to the overlays and bump `updated`/versions so incremental crawls see them.
import {
  deleteContainer,
  renameField,
  renameProject,
  renameSpace,
  setForbidden,
  setAccess,
  updateWorkflow,
  type PlantedInput,
  type TextChange,
} from './admin-config.ts';
import { reviseAttachment } from './admin-attachments.ts';
import { churn, type ChurnSummary } from './churn.ts';
import type { FaultConfig } from './faults.ts';
import type { AdfNode, ConfluenceCommentRecord, ContentRecord, IssueRecord, PlantedRecord } from './model.ts';
import type { JiraRole, Site } from './site.ts';
import { AddedTruth, buildTruth, type TruthManifest } from './truth.ts';

export type { PlantedInput } from './admin-config.ts';

function paragraph(text: string): AdfNode {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export class AdminApi {
  private readonly site: Site;
  private readonly added = new AddedTruth();
  private seq = 0;

  constructor(site: Site) {
    this.site = site;
  }

  private plant(
    product: PlantedRecord['product'],
    container: string,
    item: string,
    planted: PlantedInput[] = [],
  ): void {
    for (const p of planted) this.added.add({ product, container, item, ...p, readable: true });
  }

  private material(): number {
    return 7_000_000 + ++this.seq;
  }

  createIssue(input: {
    projectKey: string;
    summary: string;
    description?: string;
    planted?: PlantedInput[];
  }): IssueRecord {
    const { content, jira } = this.site;
    const project = jira.project(input.projectKey);
    if (!project) throw new RangeError(`unknown project ${input.projectKey}`);
    const template = content.issue(project.key, 0);
    const issue = jira.create(project.key, {
      ...template,
      summary: input.summary,
      description: input.description === undefined ? null : paragraph(input.description),
      environment: null,
      customFields: {},
      labels: [],
      comments: [],
      worklogs: [],
    });
    this.plant('jira', issue.projectKey, issue.key, input.planted);
    return issue;
  }

  updateIssue(
    idOrKey: string,
    input: { summary?: string; description?: string; planted?: PlantedInput[] },
  ): IssueRecord | undefined {
    const current = this.site.jira.issue(idOrKey);
    if (!current) return undefined;
    const description =
      input.description === undefined
        ? this.site.content.editedAdf(this.material(), current.description)
        : paragraph(input.description);
    const updated = this.site.jira.update(idOrKey, {
      ...(input.summary ? { summary: input.summary } : {}),
      description,
    });
    if (updated) this.plant('jira', updated.projectKey, updated.key, input.planted);
    return updated;
  }

  addIssueComment(idOrKey: string, input: { text?: string; planted?: PlantedInput[] } = {}) {
    const generated = this.site.content.newComment(this.material(), this.site.clock.isoNow());
    const comment = this.site.jira.addComment(
      idOrKey,
      input.text === undefined ? generated : { ...generated, body: paragraph(input.text) },
    );
    const issue = this.site.jira.issue(idOrKey);
    if (comment && issue)
      this.plant(
        'jira',
        issue.projectKey,
        issue.key,
        input.planted?.map((p) => ({ ...p, field: `comment:${comment.id}` })),
      );
    return comment;
  }

  deleteIssueComment(idOrKey: string, commentId: string): boolean {
    return this.site.jira.deleteComment(idOrKey, commentId);
  }

  deleteIssue(idOrKey: string): boolean {
    return this.site.jira.delete(idOrKey) !== undefined;
  }

  moveIssue(idOrKey: string, projectKey: string): IssueRecord | undefined {
    return this.site.jira.move(idOrKey, projectKey);
  }

  createContent(input: {
    spaceKey: string;
    type?: 'page' | 'blogpost';
    title: string;
    body: string;
    planted?: PlantedInput[];
  }): ContentRecord {
    const { content, confluence } = this.site;
    const space = confluence.space(input.spaceKey);
    if (!space) throw new RangeError(`unknown space ${input.spaceKey}`);
    const type = input.type ?? 'page';
    const template = content.content(space.key, space.pageCount ? 'page' : 'blogpost', 0);
    const record = confluence.create(space.key, type, {
      ...template,
      title: input.title,
      body: input.body,
      parentId: null,
    });
    this.plant('confluence', space.key, record.id, input.planted);
    return record;
  }

  updateContent(
    id: string,
    input: { title?: string; body?: string; planted?: PlantedInput[] },
  ): ContentRecord | undefined {
    const live = this.site.confluence.get(id);
    if (!live) return undefined;
    const body = input.body ?? this.site.content.editedStorage(this.material(), live.record.body);
    const record = this.site.confluence.update(id, { body, ...(input.title ? { title: input.title } : {}) });
    if (record) this.plant('confluence', record.spaceKey, record.id, input.planted);
    return record;
  }

  addContentComment(
    id: string,
    input: { kind?: 'footer' | 'inline'; text?: string; parentId?: string; planted?: PlantedInput[] } = {},
  ): ConfluenceCommentRecord | undefined {
    const kind = input.kind ?? 'footer';
    const generated = this.site.content.newConfluenceComment(this.material(), this.site.clock.isoNow(), kind);
    const body = input.text === undefined ? generated.body : `<p>${input.text}</p>`;
    const comment = this.site.confluence.addComment(id, { ...generated, body }, input.parentId);
    const live = this.site.confluence.get(id);
    if (comment && live)
      this.plant(
        'confluence',
        live.record.spaceKey,
        id,
        input.planted?.map((p) => ({ ...p, field: `${kind}-comment:${comment.id}` })),
      );
    return comment;
  }

  /** Uploads a new version of a Confluence attachment with this text (the page's version stays). */
  reviseAttachment(contentId: string, attachmentId: string, text: string) {
    return reviseAttachment(this.site, contentId, attachmentId, text);
  }

  deleteContentComment(commentId: string): boolean {
    return this.site.confluence.deleteComment(commentId);
  }

  /** Moves to the trash, or with `purge` removes for good (404). */
  deleteContent(id: string, purge = false): boolean {
    return purge ? this.site.confluence.purge(id) : this.site.confluence.trash(id);
  }

  moveContent(id: string, spaceKey: string): ContentRecord | undefined {
    return this.site.confluence.move(id, spaceKey);
  }

  /** Renames of the site's own texts (project, space, custom field, workflow); false when there is no such one. */
  rename(what: 'project' | 'space' | 'field' | 'workflow', key: string, change: TextChange): boolean {
    const rename = {
      project: renameProject,
      space: renameSpace,
      field: renameField,
      workflow: updateWorkflow,
    }[what];
    const planted = rename(this.site, key, change);
    for (const record of planted ?? []) this.added.add(record);
    return planted !== undefined;
  }

  /** Deletes a project or a space with everything in it. */
  deleteContainer(what: 'project' | 'space', key: string): boolean {
    return deleteContainer(this.site, what, key);
  }

  /** Refuses the API user a project or space, or lets it in again; false when there is no such place. */
  setForbidden(what: 'project' | 'space', key: string, forbidden: boolean): boolean {
    return setForbidden(this.site, what, key, forbidden);
  }

  /** Makes a project or space public, open to logged-in users, or restricted to its members. */
  setAccess(what: 'project' | 'space', key: string, access: unknown): boolean {
    return setAccess(this.site, what, key, access);
  }

  /** Changes what the API user may administer (see SiteOptions.jiraRole), e.g. a token moved to another account. */
  setJiraRole(role: JiraRole): void {
    this.site.options.jiraRole = role;
  }

  advanceClock(ms: number): string {
    this.site.clock.advance(ms);
    return this.site.clock.isoNow();
  }

  churn(fraction: number, seed: number): ChurnSummary {
    return churn(this.site, fraction, seed);
  }

  setFaults(config: FaultConfig): void {
    this.site.setFaults(config);
  }

  faults(): FaultConfig {
    return this.site.faults.get();
  }

  truth(): TruthManifest {
    return buildTruth(this.site, this.added);
  }

  stats() {
    return this.site.stats.snapshot();
  }

  resetStats(): void {
    this.site.stats.reset();
  }
}

const apis = new WeakMap<Site, AdminApi>();

/** The AdminApi of a site (one per site, so values planted over HTTP and in process land in one manifest). */
export function adminOf(site: Site): AdminApi {
  let api = apis.get(site);
  if (!api) {
    api = new AdminApi(site);
    apis.set(site, api);
  }
  return api;
}
