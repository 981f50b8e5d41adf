// The ground truth, listed lazily from the plans alone (no text is generated): every planted value with its
// product, container, item and field, in a stable order (projects, then spaces; by index).

import type { PlantedRecord, SpaceRecord } from '../model.ts';
import { anchoredInline, planContent } from './confluence-plan.ts';
import type { ContentType } from './ids.ts';
import { contentAttachments } from './confluence-content.ts';
import { issueAttachments, planIssue, type JiraSite } from './jira-content.ts';
import type { FakeUser } from '../model.ts';

export function* jiraPlanted(site: JiraSite): Generator<PlantedRecord> {
  for (const [ordinal, project] of site.projects.entries()) {
    for (let index = 0; index < project.issueCount; index++) {
      const plan = planIssue(site, ordinal, index);
      for (const p of [...plan.plants, ...issueAttachments(site, ordinal, index).plants]) {
        yield {
          product: 'jira',
          container: project.key,
          item: plan.key,
          field: p.field,
          category: p.category,
          kind: p.kind,
          value: p.value,
          readable: !project.forbidden,
        };
      }
    }
  }
}

export function* confluencePlanted(
  site: { seed: number; now: number; users: readonly FakeUser[] },
  spaces: readonly SpaceRecord[],
): Generator<PlantedRecord> {
  const { seed } = site;
  for (const [ordinal, space] of spaces.entries()) {
    for (const type of ['page', 'blogpost'] as ContentType[]) {
      const count = type === 'page' ? space.pageCount : space.blogPostCount;
      for (let index = 0; index < count; index++) {
        const plan = planContent(seed, ordinal, space, type, index);
        const anchored = new Set(anchoredInline(plan).map((c) => `inline-comment:${c.id}`));
        const place = {
          product: 'confluence' as const,
          container: space.key,
          item: plan.id,
          readable: !space.forbidden && !plan.restricted,
        };
        for (const p of plan.plants) {
          const record = { ...place, category: p.category, kind: p.kind, value: p.value };
          yield { ...record, field: p.field };
          // A highlighted value is on the page too, inside its inline-comment marker.
          if (p.placement === 'selection' && anchored.has(p.field)) yield { ...record, field: 'body' };
        }
        for (const p of contentAttachments(site, ordinal, plan.id).plants) yield { ...place, ...p };
      }
    }
  }
}
