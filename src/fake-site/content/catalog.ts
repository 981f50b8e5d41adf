// Catalogue records built from the container definitions: item counts split from the spec with fixed shares,
// dense ids, leads and owners.

import type { FakeUser, ProjectRecord, SiteSpec, SpaceRecord } from '../model.ts';
import { PROJECT_DEFS, SPACE_DEFS } from './containers.ts';
import { contentId, projectId, spaceId } from './ids.ts';
import { iso, TWO_YEARS_MS } from './timeline.ts';

const WEEK_MS = 7 * 86_400_000;

/** Spaces predate everything in them: one a week, before the two years their content spans. */
function spaceCreatedMs(now: number, ordinal: number): number {
  return now - TWO_YEARS_MS - (SPACE_DEFS.length - ordinal) * WEEK_MS;
}

/**
 * Largest-remainder split of `total` by `shares`, every part at least `min` (so a tiny total can come out
 * larger: each container keeps one item, e.g. a space its homepage).
 */
export function splitCounts(total: number, shares: readonly number[], min: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (total * s) / sum);
  const counts = exact.map((x) => Math.max(min, Math.floor(x)));
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const at = (order[k] as { i: number }).i;
    counts[at] = (counts[at] as number) + 1;
  }
  // Raising small parts to `min` may overshoot: take the excess back from the largest parts.
  for (; left < 0; left++) {
    const largest = counts.indexOf(Math.max(...counts));
    if ((counts[largest] as number) <= min) break;
    counts[largest] = (counts[largest] as number) - 1;
  }
  return counts;
}

export function createProjects(spec: SiteSpec, users: readonly FakeUser[]): ProjectRecord[] {
  const counts = splitCounts(
    spec.issues,
    PROJECT_DEFS.map((d) => d.share),
    1,
  );
  return PROJECT_DEFS.map((def, i) => ({
    id: projectId(i),
    key: def.key,
    name: def.name,
    description: def.description,
    projectTypeKey: def.projectTypeKey,
    leadAccountId: (users[(i * 4) % users.length] as FakeUser).accountId,
    forbidden: def.forbidden === true,
    access: def.access ?? 'restricted',
    issueCount: counts[i] as number,
  }));
}

/** The personal space belongs to the first user with a hex account id (keys cannot hold `:`). */
function personalKey(users: readonly FakeUser[]): string {
  const owner = users.find((u) => !u.accountId.includes(':')) as FakeUser;
  return `~${owner.accountId}`;
}

export function createSpaces(spec: SiteSpec, users: readonly FakeUser[], now: number): SpaceRecord[] {
  const pages = splitCounts(
    spec.pages,
    SPACE_DEFS.map((d) => d.share),
    1,
  );
  const blogs = splitCounts(
    Math.round(spec.pages / 5),
    SPACE_DEFS.map((d) => d.share),
    0,
  );
  return SPACE_DEFS.map((def, i) => {
    const personal = def.type === 'personal';
    const owner = personal
      ? (users.find((u) => `~${u.accountId}` === personalKey(users)) as FakeUser)
      : (users[(i * 5 + 1) % users.length] as FakeUser);
    return {
      id: spaceId(i),
      key: personal ? personalKey(users) : def.key,
      name: personal ? owner.displayName : def.name,
      type: def.type,
      status: def.status ?? 'current',
      description: def.description,
      authorAccountId: owner.accountId,
      createdAt: iso(spaceCreatedMs(now, i)),
      homepageId: contentId(i, 'page', 0),
      forbidden: def.forbidden === true,
      access: def.access ?? 'restricted',
      pageCount: pages[i] as number,
      blogPostCount: blogs[i] as number,
    };
  });
}
