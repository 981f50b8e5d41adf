// The OAuth scopes the emulated gateway demands of a scoped token, per route: any one of the alternatives listed
// suffices, as Atlassian's references list a classic set and a granular set per operation. Jira reads take the
// classic read:jira-work (the current user read:jira-user; workflows manage:jira-configuration or the granular
// read:workflow:jira); Confluence v2 takes granular scopes only, the v1 search and current user classic ones.
// Routes no rule names are let through.

type Alternatives = ReadonlyArray<readonly string[]>;

const RULES: ReadonlyArray<[RegExp, Alternatives]> = [
  [
    /^\/rest\/api\/3\/myself$/,
    [
      ['read:jira-user'],
      ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira'],
    ],
  ],
  [/^\/rest\/api\/3\/workflows\/search$/, [['manage:jira-configuration'], ['read:workflow:jira']]],
  [/^\/rest\/api\//, [['read:jira-work']]],
  [/^\/wiki\/rest\/api\/user\//, [['read:confluence-user']]],
  [/^\/wiki\/rest\/api\/(content\/)?search$/, [['search:confluence']]],
  [/^\/wiki\/api\/v2\/(.+\/)?(footer|inline)-comments(\/|$)/, [['read:comment:confluence']]],
  [/^\/wiki\/api\/v2\/(.+\/)?attachments(\/|$)/, [['read:attachment:confluence']]],
  [/^\/wiki\/api\/v2\/(spaces\/\{id\}\/)?(pages|blogposts)(\/|$)/, [['read:page:confluence']]],
  [/^\/wiki\/api\/v2\/spaces(\/\{id\}(\/permissions)?)?$/, [['read:space:confluence']]],
  [
    /^\/wiki\/rest\/api\/content\/.+\/child\/attachment\//,
    [['readonly:content.attachment:confluence'], ['read:attachment:confluence']],
  ],
];

/**
 * What a read-only token created as exposure's README says holds: Jira's classic read scopes and the granular
 * workflow one, Confluence's granular read scopes and the two classic ones its v1 endpoints need.
 */
export const DEFAULT_GRANT: readonly string[] = [
  'read:jira-user',
  'read:jira-work',
  'read:workflow:jira',
  'read:confluence-user',
  'read:space:confluence',
  'read:page:confluence',
  'read:comment:confluence',
  'read:attachment:confluence',
  'search:confluence',
];

/** Whether `granted` satisfies one alternative of the route (a template such as `/wiki/api/v2/spaces/{id}`). */
export function scopesAllow(template: string, granted: ReadonlySet<string>): boolean {
  const rule = RULES.find(([pattern]) => pattern.test(template));
  return !rule || rule[1].some((scopes) => scopes.every((scope) => granted.has(scope)));
}

const SCOPE = /^[a-z-]+:[a-z0-9.:-]+$/;

/**
 * `--scopes`: the token's scopes (`read:jira-work,read:jira-user`), or DEFAULT_GRANT without some
 * (`-read:comment:confluence`). Throws a one-line reason on a malformed list.
 */
export function parseScopes(raw: string): Set<string> {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const withheld = items.filter((s) => s.startsWith('-')).map((s) => s.slice(1));
  if (withheld.length > 0 && withheld.length < items.length) {
    throw new Error(
      'either list the scopes the token holds, or only scopes to withhold (each with a leading -)',
    );
  }
  const named = withheld.length > 0 ? withheld : items;
  const bad = named.find((s) => !SCOPE.test(s));
  if (bad !== undefined || named.length === 0) throw new Error(`not a scope: ${bad ?? '(empty list)'}`);
  return new Set(withheld.length > 0 ? DEFAULT_GRANT.filter((s) => !withheld.includes(s)) : items);
}
