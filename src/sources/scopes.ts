// The scopes a scoped API token needs, per endpoint family exposure reads, from the scope lists of Atlassian's REST
// references (x-atlassian-oauth2-scopes). Jira takes its classic read scopes (read-only by name); workflows take the
// granular read:workflow:jira, since their classic scope, manage:jira-configuration, can change the site's
// configuration. Confluence v2 takes granular scopes only; the v1 CQL search and current user take classic ones.
import type { Product } from '../types.ts';

export interface EndpointFamily {
  product: Product;
  /** What is read, as the README and the missing-scope line name it. */
  family: string;
  /** The endpoints, as `METHOD /path` with `{id}` placeholders. */
  endpoints: readonly string[];
  /** The one scope to add when an endpoint of the family answers the scope mismatch. */
  scope: string;
}

export const ENDPOINT_FAMILIES: readonly EndpointFamily[] = [
  { product: 'jira', family: 'Jira account', endpoints: ['GET /rest/api/3/myself'], scope: 'read:jira-user' },
  {
    product: 'jira',
    family: 'Jira projects',
    endpoints: ['GET /rest/api/3/project/search'],
    scope: 'read:jira-work',
  },
  { product: 'jira', family: 'Jira fields', endpoints: ['GET /rest/api/3/field'], scope: 'read:jira-work' },
  {
    product: 'jira',
    family: 'Jira issues (work)',
    endpoints: ['POST /rest/api/3/search/jql', 'POST /rest/api/3/search/approximate-count'],
    scope: 'read:jira-work',
  },
  {
    product: 'jira',
    family: 'Jira comments and worklogs',
    endpoints: ['GET /rest/api/3/issue/{id}/comment', 'GET /rest/api/3/issue/{id}/worklog'],
    scope: 'read:jira-work',
  },
  {
    product: 'jira',
    family: 'Jira permissions',
    endpoints: ['GET /rest/api/3/mypermissions'],
    scope: 'read:jira-work',
  },
  {
    product: 'jira',
    family: 'Jira project permissions (who may browse)',
    endpoints: ['GET /rest/api/3/project/{id}/permissionscheme'],
    scope: 'read:jira-work',
  },
  {
    product: 'jira',
    family: 'Jira attachment contents',
    endpoints: ['GET /rest/api/3/attachment/content/{id}'],
    scope: 'read:jira-work',
  },
  {
    product: 'jira',
    family: 'Jira workflows',
    endpoints: ['GET /rest/api/3/workflows/search'],
    scope: 'read:workflow:jira',
  },
  {
    product: 'confluence',
    family: 'Confluence account',
    endpoints: ['GET /wiki/rest/api/user/current'],
    scope: 'read:confluence-user',
  },
  {
    product: 'confluence',
    family: 'Confluence spaces',
    endpoints: ['GET /wiki/api/v2/spaces'],
    scope: 'read:space:confluence',
  },
  {
    product: 'confluence',
    family: 'Confluence space permissions (who may view)',
    endpoints: ['GET /wiki/api/v2/spaces/{id}/permissions'],
    scope: 'read:space:confluence',
  },
  {
    product: 'confluence',
    family: 'Confluence pages and blog posts',
    endpoints: [
      'GET /wiki/api/v2/spaces/{id}/pages',
      'GET /wiki/api/v2/spaces/{id}/blogposts',
      'GET /wiki/api/v2/pages',
      'GET /wiki/api/v2/blogposts',
      'GET /wiki/api/v2/pages/{id}',
      'GET /wiki/api/v2/blogposts/{id}',
      'GET /wiki/api/v2/pages/{id}/versions',
      'GET /wiki/api/v2/blogposts/{id}/versions',
    ],
    scope: 'read:page:confluence',
  },
  {
    product: 'confluence',
    family: 'Confluence comments',
    endpoints: ['GET /wiki/api/v2/footer-comments', 'GET /wiki/api/v2/inline-comments'],
    scope: 'read:comment:confluence',
  },
  {
    product: 'confluence',
    family: 'Confluence attachments',
    endpoints: [
      'GET /wiki/api/v2/attachments',
      'GET /wiki/rest/api/content/{id}/child/attachment/{id}/download',
    ],
    scope: 'read:attachment:confluence',
  },
  {
    product: 'confluence',
    family: 'Confluence search (CQL, v1)',
    endpoints: ['GET /wiki/rest/api/search'],
    scope: 'search:confluence',
  },
];

/** Every scope exposure needs, in table order, once each. */
export const REQUIRED_SCOPES: readonly string[] = [...new Set(ENDPOINT_FAMILIES.map((f) => f.scope))];

function matcher(endpoint: string): RegExp {
  const source = endpoint
    .split('{id}')
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${source}/?$`);
}

const MATCHERS = ENDPOINT_FAMILIES.flatMap((family) =>
  family.endpoints.map((endpoint) => ({ family, endpoint, pattern: matcher(endpoint) })),
);

/** The family and documented endpoint of a request (`path` without the gateway prefix), if exposure calls it. */
export function familyOf(
  method: string,
  path: string,
): { family: EndpointFamily; endpoint: string } | undefined {
  const request = `${method.toUpperCase()} ${path}`;
  return MATCHERS.find((m) => m.pattern.test(request));
}

/**
 * One line per endpoint family that answered the scope mismatch (`requests` as `METHOD /api/path`), naming the
 * scope to add and the endpoints refused, e.g. `missing scope: add read:comment:confluence to the API token
 * (Confluence comments: GET /wiki/api/v2/footer-comments)`.
 */
export function missingScopeLines(requests: Iterable<string>): string[] {
  const refused = new Map<EndpointFamily | string, Set<string>>();
  for (const request of requests) {
    const [method = 'GET', path = ''] = request.split(' ', 2);
    const known = familyOf(method, path);
    const key = known?.family ?? request;
    refused.set(key, (refused.get(key) ?? new Set()).add(known?.endpoint ?? request));
  }
  return [...refused].map(([family, endpoints]) =>
    typeof family === 'string'
      ? `missing scope: the API token lacks a scope that ${family} needs`
      : `missing scope: add ${family.scope} to the API token (${family.family}: ${[...endpoints].join(', ')})`,
  );
}
