// The generated workflows: unique UUID ids, one team-managed, statuses from the issue statuses, transitions between
// them, and exactly two planted secrets (a workflow description, a transition description), verbatim in the
// workflow their truth records name, for any seed.
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

  it('move between their own statuses: one way in, a step into every later status, ids unique per workflow', () => {
    for (const w of site.workflows) {
      const ids = w.transitions.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(w.transitions.filter((t) => t.type === 'INITIAL').map((t) => t.toStatusId)).toEqual([
        w.statusIds[0],
      ]);
      const reached = new Set(w.transitions.filter((t) => t.type === 'DIRECTED').map((t) => t.toStatusId));
      expect([...reached].sort()).toEqual(w.statusIds.slice(1).sort());
      const used = w.transitions.flatMap((t) => [t.toStatusId, ...t.fromStatusIds]);
      expect(used.every((id) => w.statusIds.includes(id))).toBe(true);
      expect(w.transitions.every((t) => t.name.trim() !== '')).toBe(true);
    }
  });

  it('plant a one-line secret in a workflow description and one in a transition description, site-wide', () => {
    const planted = site.configPlanted();
    expect(planted.map((p) => [p.product, p.container, p.field, p.category])).toEqual([
      ['jira', '', 'workflow-description', 'secret'],
      ['jira', '', 'transition-description', 'secret'],
    ]);
    const [inWorkflow, inTransition] = planted.map((p) => site.workflows.find((w) => w.id === p.item));
    expect(inWorkflow?.description).toContain(planted[0]!.value);
    expect(inWorkflow?.description).not.toContain('\n');
    const holding = inTransition?.transitions.filter((t) => t.description.includes(planted[1]!.value));
    expect(holding?.map((t) => t.description.includes('\n'))).toEqual([false]);
    expect(planted[0]!.value).not.toBe(planted[1]!.value);
  });
});
