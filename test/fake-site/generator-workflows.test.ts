// The generated workflows: unique UUID ids, one team-managed, statuses from the issue statuses, and exactly one
// planted secret, verbatim in the description of the workflow its truth record names, for any seed.
import { describe, expect, it } from 'vitest';
import { createSiteContent, DEFAULT_SITE_SPEC } from '../../src/fake-site/generator.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each([1, 7, 42, 1234])('the workflows of seed %i', (seed) => {
  const site = createSiteContent({ ...DEFAULT_SITE_SPEC, seed, issues: 20, pages: 10 });

  it('have unique UUIDs, one team-managed workflow scoped to a project, and known statuses', () => {
    const ids = site.workflows.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
    const team = site.workflows.filter((w) => w.projectId);
    expect(team.map((w) => site.projects.some((p) => p.id === w.projectId))).toEqual([true]);
    const statusIds = new Set(site.workflowStatuses.map((s) => s.id));
    expect(site.workflows.every((w) => w.statusIds.every((id) => statusIds.has(id)))).toBe(true);
  });

  it('plant one one-line secret in a workflow description, recorded site-wide', () => {
    const planted = site.configPlanted();
    expect(planted.map((p) => [p.product, p.container, p.field, p.category])).toEqual([
      ['jira', '', 'workflow-description', 'secret'],
    ]);
    const workflow = site.workflows.find((w) => w.id === planted[0]!.item);
    expect(workflow?.description).toContain(planted[0]!.value);
    expect(workflow?.description).not.toContain('\n');
  });
});
