// The ground-truth manifest: the generator's planted values, minus those whose item, comment or text is gone
// after mutations, plus values planted by admin mutations. `readable` is false in forbidden containers.
import type { PlantedRecord } from './model.ts';
import type { Site } from './site.ts';

export interface TruthManifest {
  planted: PlantedRecord[];
}

function containsValue(value: unknown, needle: string): boolean {
  if (value == null) return false;
  return (typeof value === 'string' ? value : JSON.stringify(value)).includes(needle);
}

function jiraStillThere(site: Site, record: PlantedRecord): PlantedRecord | undefined {
  const issue = site.jira.issue(record.item);
  if (!issue) return undefined;
  const moved = { ...record, item: issue.key, container: issue.projectKey };
  const [field, id] = record.field.split(':');
  if (field === 'comment')
    return issue.comments.some((c) => c.id === id && containsValue(c.body, record.value)) ? moved : undefined;
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
  const moved = { ...record, container: live.record.spaceKey };
  if (field === 'version') return moved;
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

export function buildTruth(site: Site, added: AddedTruth): TruthManifest {
  const planted: PlantedRecord[] = [];
  for (const record of [...site.content.planted(), ...added.records]) {
    const current =
      record.product === 'jira' ? jiraStillThere(site, record) : confluenceStillThere(site, record);
    if (!current) continue;
    const container =
      record.product === 'jira'
        ? site.jira.project(current.container)
        : site.confluence.space(current.container);
    planted.push({ ...current, readable: !container?.forbidden });
  }
  return { planted };
}
