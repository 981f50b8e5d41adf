// The emulated gateway's addressing and scope rules, and the --scopes list syntax.
import { describe, expect, it } from 'vitest';
import { addressed, authAt } from '../../src/fake-site/gateway.ts';
import { DEFAULT_GRANT, parseScopes, scopesAllow } from '../../src/fake-site/scopes.ts';

const ID = '00000000-0000-4000-8000-000000000001';

describe('addressed', () => {
  it.each([
    [`/ex/jira/${ID}/rest/api/3/myself`, 'gateway', { path: '/rest/api/3/myself', viaGateway: true }],
    [`/ex/confluence/${ID}/wiki/api/v2/spaces`, 'both', { path: '/wiki/api/v2/spaces', viaGateway: true }],
    ['/rest/api/3/myself', 'site', { path: '/rest/api/3/myself', viaGateway: false }],
    ['/rest/api/3/myself', 'gateway', undefined],
    [`/ex/jira/${ID}/rest/api/3/myself`, 'site', undefined],
    [`/ex/jira/${ID}/wiki/api/v2/spaces`, 'gateway', undefined],
    [`/ex/confluence/${ID}/rest/api/3/myself`, 'gateway', undefined],
    ['/ex/jira/another-site/rest/api/3/myself', 'gateway', undefined],
  ] as const)('%s on the %s listener: %j', (path, role, expected) => {
    expect(addressed(path, ID, role)).toEqual(expected);
  });

  it.each([
    ['scoped', 'ok', false, 'bad'],
    ['scoped', 'ok', true, 'ok'],
    ['classic', 'ok', false, 'ok'],
    ['scoped', 'none', true, 'none'],
  ] as const)('a %s token, %s, via the gateway %s: %s', (kind, auth, viaGateway, expected) => {
    expect(authAt(kind, auth, viaGateway)).toBe(expected);
  });
});

describe('scope rules', () => {
  it.each([
    ['/rest/api/3/myself', ['read:jira-user'], true],
    ['/rest/api/3/myself', ['read:jira-work'], false],
    ['/rest/api/3/workflows/search', ['read:jira-work'], false],
    ['/wiki/api/v2/pages/{id}/footer-comments', ['read:page:confluence'], false],
    ['/wiki/api/v2/pages/{id}/footer-comments', ['read:comment:confluence'], true],
    ['/wiki/api/v2/spaces/{id}/pages', ['read:space:confluence'], false],
    ['/wiki/api/v2/spaces/{id}', ['read:space:confluence'], true],
    ['/wiki/rest/api/content/search', ['read:page:confluence'], false],
  ])('%s with %j: %s', (template, granted, allowed) => {
    expect(scopesAllow(template, new Set(granted))).toBe(allowed);
  });
});

describe('parseScopes', () => {
  it.each([
    ['read:jira-work, read:jira-user', ['read:jira-work', 'read:jira-user']],
    ['-search:confluence', DEFAULT_GRANT.filter((s) => s !== 'search:confluence')],
  ])('%j holds %j', (raw, expected) => {
    expect([...parseScopes(raw)].sort()).toEqual([...expected].sort());
  });

  it.each([
    ['read:jira-work,-read:jira-user', 'either list'],
    ['', 'not a scope: (empty list)'],
    ['read jira', 'not a scope: read jira'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(() => parseScopes(raw)).toThrow(reason);
  });
});
