// The JQL subset: which issues each query selects, in which order, and which queries are refused with 400.
import { describe, expect, it } from 'vitest';
import { SiteClock } from '../../src/fake-site/clock.ts';
import { compileJql, JqlError, UNBOUNDED_MESSAGE } from '../../src/fake-site/jql.ts';
import { DEFAULT_PAGE_SIZES, Site } from '../../src/fake-site/site.ts';
import { createFixtureContent } from './fixture-content.ts';

const site = new Site(createFixtureContent(), {
  credentials: { email: 'demo@example.com', token: 't' },
  userTimeZone: 'UTC',
  siteTimeZone: 'UTC',
  pageSizes: DEFAULT_PAGE_SIZES,
  faults: {},
  jiraRole: 'admin',
  confluenceRole: 'admin',
  replyOwnerIds: false,
});

function run(jql: string): string[] {
  const compiled = compileJql(site, jql);
  const metas = compiled.projects.flatMap((key) => [
    ...site.jira.indexed(key, new SiteClock(site.content.spec.now).wallNow(), new Set()),
  ]);
  return metas
    .filter((m) => compiled.matches(m))
    .sort((a, b) => compiled.compare(a, b))
    .map((m) => m.key);
}

describe('JQL selection and order', () => {
  it.each([
    ['project = SUP', ['SUP-1', 'SUP-2', 'SUP-3']],
    ['project = sup', ['SUP-1', 'SUP-2', 'SUP-3']],
    ['project = 10001 ORDER BY key DESC', ['SUP-3', 'SUP-2', 'SUP-1']],
    ['key in (ENG-2, SUP-1) ORDER BY key', ['ENG-2', 'SUP-1']],
    ['issuekey = ENG-12', ['ENG-12']],
    ['project = SUP AND key != SUP-2', ['SUP-1', 'SUP-3']],
    ['project = SUP AND NOT key = SUP-2', ['SUP-1', 'SUP-3']],
    ['(project = SUP OR key = ENG-1) AND created < "2026/01/21"', ['ENG-1', 'SUP-1']],
    ['project = ENG AND updated >= "2026-01-30 17:00" ORDER BY updated DESC', ['ENG-12', 'ENG-11']],
    ['project = ENG AND created > "2026/01/30 00:00" AND created <= "2026/01/31"', ['ENG-11']],
    ['project = SUP ORDER BY created DESC, key ASC', ['SUP-3', 'SUP-2', 'SUP-1']],
    ['updated >= -30d', ['ENG-11', 'ENG-12']],
    ['this is not jql', []],
  ])('%s selects %j', (jql, keys) => {
    expect(run(jql)).toEqual(keys);
  });
});

describe('JQL errors', () => {
  it.each([
    ['', UNBOUNDED_MESSAGE],
    ['   ', UNBOUNDED_MESSAGE],
    ['ORDER BY key', UNBOUNDED_MESSAGE],
    ['project = FIN', "The value 'FIN' does not exist for the field 'project'."],
    ['key = FIN-1', "The value 'FIN-1' does not exist for the field 'key'."],
    ['project = ENG AND updated >= "2026/14/01"', "Date value '2026/14/01' for field 'updated' is invalid."],
    [
      'project = ENG AND colour = red',
      "Field 'colour' does not exist or you do not have permission to view it.",
    ],
    [
      'project = ENG ORDER BY colour',
      "Field 'colour' does not exist or you do not have permission to view it.",
    ],
    ['project = "unterminated', 'unterminated string'],
    ['project = ENG AND', 'expecting a clause'],
    ['project in (ENG', "expecting ')'"],
    ['project > ENG', "The operator '>' is not supported by the 'project' field."],
  ])('refuses %j', (jql, message) => {
    expect(() => compileJql(site, jql)).toThrow(JqlError);
    expect(() => compileJql(site, jql)).toThrow(message);
  });
});
