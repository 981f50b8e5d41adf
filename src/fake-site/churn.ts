// One-call churn for incremental-crawl tests: a seeded share of issues and pages gets a new comment, an edited
// body, or (rarely) deletion. Choosing walks indexes with a hash, so only the chosen records are generated.
import type { Site } from './site.ts';

export interface ChurnSummary {
  issues: { commented: number; edited: number; deleted: number };
  content: { commented: number; edited: number; deleted: number };
}

const DELETE_SHARE = 0.05;
const COMMENT_SHARE = 0.5;

function unit(seed: number, salt: number, index: number): number {
  let x =
    Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^
    Math.imul(salt + 1, 0x85ebca6b) ^
    Math.imul(index + 1, 0xc2b2ae35);
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  x = Math.imul(x ^ (x >>> 12), 0x297a2d39);
  return ((x ^ (x >>> 15)) >>> 0) / 4_294_967_296;
}

export function churn(site: Site, fraction: number, seed: number): ChurnSummary {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError('fraction must lie in [0, 1]');
  const summary: ChurnSummary = {
    issues: { commented: 0, edited: 0, deleted: 0 },
    content: { commented: 0, edited: 0, deleted: 0 },
  };
  const { content, jira, confluence, clock } = site;
  let n = 0;
  for (const [p, project] of content.projects.entries()) {
    for (let i = 0; i < project.issueCount; i++) {
      if (unit(seed, p, i) >= fraction) continue;
      const issue = jira.issue(content.issue(project.key, i).id);
      if (!issue) continue;
      const action = unit(seed + 1, p, i);
      const materialSeed = seed * 1_000_003 + n++;
      if (action < DELETE_SHARE) {
        jira.delete(issue.id);
        summary.issues.deleted++;
      } else if (action < COMMENT_SHARE) {
        jira.addComment(issue.id, content.newComment(materialSeed, clock.isoNow()));
        summary.issues.commented++;
      } else {
        jira.update(issue.id, { description: content.editedAdf(materialSeed, issue.description) });
        summary.issues.edited++;
      }
    }
  }
  for (const [s, space] of content.spaces.entries()) {
    for (const type of ['page', 'blogpost'] as const) {
      const count = type === 'page' ? space.pageCount : space.blogPostCount;
      const salt = 10_000 + s * 2 + (type === 'page' ? 0 : 1);
      for (let i = 0; i < count; i++) {
        if (unit(seed, salt, i) >= fraction) continue;
        const live = confluence.get(content.content(space.key, type, i).id);
        if (!live || live.status === 'trashed') continue;
        const action = unit(seed + 1, salt, i);
        const materialSeed = seed * 1_000_003 + n++;
        if (action < DELETE_SHARE) {
          confluence.trash(live.record.id);
          summary.content.deleted++;
        } else if (action < COMMENT_SHARE) {
          confluence.addComment(
            live.record.id,
            content.newConfluenceComment(materialSeed, clock.isoNow(), 'footer'),
          );
          summary.content.commented++;
        } else {
          confluence.update(live.record.id, {
            body: content.editedStorage(materialSeed, live.record.body),
            message: 'churn',
          });
          summary.content.edited++;
        }
      }
    }
  }
  return summary;
}
