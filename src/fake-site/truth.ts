// The ground-truth manifest: the generator's planted values, minus those whose item, comment or text is gone
// after mutations, plus values planted by admin mutations. `readable` is false in forbidden containers, in
// view-restricted pages and blog posts and unpublished Confluence drafts (no listing shows them), and for workflow
// texts when the API user is not a Jira administrator.
import type { CommentVisibility } from '../types.ts';
import type { AttachmentRecord, CommentRecord, PlantedRecord, WorkflowRecord } from './model.ts';
import type { Site } from './site.ts';

export interface TruthManifest {
  planted: PlantedRecord[];
}

function containsValue(value: unknown, needle: string): boolean {
  if (value == null) return false;
  return (typeof value === 'string' ? value : JSON.stringify(value)).includes(needle);
}

/** Whether the value is still in the named part (name, comment, content) of the item's attachment. */
function inAttachment(attachments: readonly AttachmentRecord[] | undefined, field: string, value: string) {
  const [, id, part] = field.split(':');
  const file = attachments?.find((a) => a.id === id);
  if (!file) return false;
  if (part === 'name') return file.filename.includes(value);
  if (part === 'comment') return file.comment.includes(value);
  return file.body.kind === 'text' && file.body.text.includes(value);
}

/**
 * Who can read a comment or worklog, as a scanner should mark it: a role or group restriction anywhere; on a service
 * desk, a comment is public unless jsdPublic is false, and a worklog (never on the portal) internal.
 */
function audienceOf(
  entry: Pick<CommentRecord, 'jsdPublic' | 'visibility'>,
  kind: 'comment' | 'worklog',
  serviceDesk: boolean,
): CommentVisibility | undefined {
  if (entry.visibility) return 'restricted';
  if (!serviceDesk) return undefined;
  return kind === 'comment' && entry.jsdPublic !== false ? 'public' : 'internal';
}

function jiraStillThere(site: Site, record: PlantedRecord): PlantedRecord | undefined {
  const issue = site.jira.issue(record.item);
  if (!issue) return undefined;
  // Readable unless its project is forbidden (decided by the caller, from where the issue is now).
  const moved = { ...record, item: issue.key, container: issue.projectKey, readable: true };
  const [field, id] = record.field.split(':');
  if (field === 'comment' || field === 'worklog') {
    const entry =
      field === 'comment'
        ? issue.comments.find((c) => c.id === id && containsValue(c.body, record.value))
        : issue.worklogs.find((w) => w.id === id && containsValue(w.comment, record.value));
    if (!entry) return undefined;
    const serviceDesk = site.jira.project(issue.projectKey)?.projectTypeKey === 'service_desk';
    const visibility = audienceOf(entry, field, serviceDesk);
    return visibility ? { ...moved, visibility } : moved;
  }
  if (field === 'attachment')
    return inAttachment(issue.attachments, record.field, record.value) ? moved : undefined;
  const value =
    field === 'summary'
      ? issue.summary
      : field === 'description'
        ? issue.description
        : field === 'environment'
          ? issue.environment
          : issue.customFields[record.field];
  return containsValue(value, record.value) ? moved : undefined;
}

function confluenceStillThere(site: Site, record: PlantedRecord): PlantedRecord | undefined {
  const live = site.confluence.get(record.item);
  if (!live || live.status === 'trashed') return undefined;
  const [field, id] = record.field.split(':');
  // No listing shows an unpublished draft (only its author reaches it, by id), nor content under a view
  // restriction the API user is not in: out of any site-wide scan's reach.
  const readable = live.status !== 'draft' && !live.record.restricted;
  const moved = { ...record, container: live.record.spaceKey, readable };
  if (field === 'version') return moved;
  if (field === 'attachment')
    return inAttachment(live.record.attachments, record.field, record.value) ? moved : undefined;
  if (field === 'footer-comment' || field === 'inline-comment') {
    const found = site.confluence.comment(id ?? '');
    return (found && containsValue(found.comment.body, record.value)) ||
      found?.comment.originalSelection?.includes(record.value)
      ? moved
      : undefined;
  }
  return containsValue(field === 'title' ? live.record.title : live.record.body, record.value)
    ? moved
    : undefined;
}

/** Values planted by admin mutations (create/update with `planted`), held next to the overlay. */
export class AddedTruth {
  readonly records: PlantedRecord[] = [];

  add(record: PlantedRecord): void {
    this.records.push(record);
  }
}

const CONFIG_FIELDS = new Set([
  'field-name',
  'workflow-name',
  'workflow-description',
  'transition-name',
  'transition-description',
]);

const METADATA_FIELDS = new Set(['name', 'description']);

/** The text of a workflow that a planted record's field names (a transition's: all of them, one per line). */
function workflowText(workflow: WorkflowRecord, field: string): string {
  if (field === 'workflow-name') return workflow.name;
  if (field === 'workflow-description') return workflow.description;
  const part = field === 'transition-name' ? 'name' : 'description';
  return workflow.transitions.map((t) => t[part]).join('\n');
}

/**
 * Site configuration texts (custom field and workflow names, container '') and a project's or space's own name
 * and description (item = its key): the record while the text still holds the value, with its readability.
 */
function configStillThere(site: Site, record: PlantedRecord): PlantedRecord | undefined {
  const { content } = site;
  let text: string | undefined;
  let readable = true;
  if (record.field === 'field-name') text = content.fields.find((f) => f.id === record.item)?.name;
  else if (record.field.startsWith('workflow-') || record.field.startsWith('transition-')) {
    const workflow = content.workflows.find((w) => w.id === record.item);
    text = workflow && workflowText(workflow, record.field);
    readable = workflow !== undefined && site.seesWorkflow(workflow);
  } else {
    const container =
      record.product === 'jira' ? site.jira.project(record.item) : site.confluence.space(record.item);
    text = record.field === 'name' ? container?.name : container?.description;
    readable = container !== undefined && !container.forbidden;
  }
  return text?.includes(record.value) ? { ...record, readable } : undefined;
}

const isConfig = (record: PlantedRecord) =>
  CONFIG_FIELDS.has(record.field) || (METADATA_FIELDS.has(record.field) && record.item === record.container);

export function buildTruth(site: Site, added: AddedTruth): TruthManifest {
  const planted: PlantedRecord[] = [];
  const all = [...site.content.planted(), ...site.content.configPlanted(), ...added.records];
  for (const record of all) {
    if (isConfig(record)) {
      const current = configStillThere(site, record);
      if (current) planted.push(current);
      continue;
    }
    const current =
      record.product === 'jira' ? jiraStillThere(site, record) : confluenceStillThere(site, record);
    if (!current) continue;
    const container =
      record.product === 'jira'
        ? site.jira.project(current.container)
        : site.confluence.space(current.container);
    planted.push({ ...current, readable: current.readable && !container?.forbidden });
  }
  return { planted };
}
