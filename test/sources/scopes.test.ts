// The scope table: every endpoint the sources call belongs to a family with one scope to add, and a scope
// mismatch becomes one line per family naming that scope.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRANT } from '../../src/fake-site/scopes.ts';
import { familyOf, missingScopeLines, REQUIRED_SCOPES } from '../../src/sources/scopes.ts';

describe('endpoint families', () => {
  it.each([
    ['GET', '/rest/api/3/myself', 'read:jira-user'],
    ['POST', '/rest/api/3/search/jql', 'read:jira-work'],
    ['GET', '/rest/api/3/issue/10042/comment', 'read:jira-work'],
    ['GET', '/rest/api/3/workflows/search', 'read:workflow:jira'],
    ['GET', '/wiki/rest/api/user/current', 'read:confluence-user'],
    ['GET', '/wiki/api/v2/spaces', 'read:space:confluence'],
    ['GET', '/wiki/api/v2/spaces/65538/permissions', 'read:space:confluence'],
    ['GET', '/rest/api/3/project/SUP/permissionscheme', 'read:jira-work'],
    ['GET', '/wiki/api/v2/spaces/65538/blogposts', 'read:page:confluence'],
    ['GET', '/wiki/api/v2/pages/100000/versions', 'read:page:confluence'],
    ['GET', '/wiki/api/v2/inline-comments', 'read:comment:confluence'],
    ['GET', '/wiki/rest/api/search', 'search:confluence'],
  ])('%s %s needs %s', (method, path, scope) => {
    expect(familyOf(method, path)?.family.scope).toBe(scope);
  });

  it.each([
    ['POST', '/rest/api/3/myself'],
    ['GET', '/wiki/api/v2/spaces/65538/pages/extra'],
    ['GET', '/rest/api/3/serverInfo'],
  ])('%s %s is no endpoint exposure calls', (method, path) => {
    expect(familyOf(method, path)).toBeUndefined();
  });

  it('asks for read scopes only, and for no scope that can change the site', () => {
    expect(REQUIRED_SCOPES.length).toBeGreaterThan(0);
    for (const scope of REQUIRED_SCOPES) expect(scope).toMatch(/^(read|search):/);
  });
});

describe('missingScopeLines', () => {
  it('says once per family which scope to add, footer and inline comments together', () => {
    expect(
      missingScopeLines([
        'GET /wiki/api/v2/footer-comments',
        'GET /wiki/api/v2/inline-comments',
        'GET /rest/api/3/workflows/search',
      ]),
    ).toEqual([
      'missing scope: add read:comment:confluence to the API token ' +
        '(Confluence comments: GET /wiki/api/v2/footer-comments, GET /wiki/api/v2/inline-comments)',
      'missing scope: add read:workflow:jira to the API token (Jira workflows: GET /rest/api/3/workflows/search)',
    ]);
  });

  it('names an endpoint outside the table by itself', () => {
    expect(missingScopeLines(['GET /wiki/api/v2/custom-content'])).toEqual([
      'missing scope: the API token lacks a scope that GET /wiki/api/v2/custom-content needs',
    ]);
  });
});

describe('one list of scopes', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const listed = /### Scoped, read-only tokens[\s\S]*?```text\n(.*)\n```/.exec(readme)?.[1]?.split(' ') ?? [];

  it('the README lists exactly the scopes the scanner needs', () => {
    expect(listed).toEqual(REQUIRED_SCOPES);
  });

  it("the fake site's default scoped token holds exactly those scopes", () => {
    expect([...DEFAULT_GRANT].sort()).toEqual([...REQUIRED_SCOPES].sort());
  });

  it.each(REQUIRED_SCOPES)('the README names what %s is for', (scope) => {
    expect(readme).toMatch(new RegExp(`\\| \`${scope}\``));
  });
});
