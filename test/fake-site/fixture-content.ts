// A small hand-made SiteContent for the server's tests: every record is a pure function of its index, like the
// real generator, so the server is tested against the contract rather than against one generator's choices.
import type {
  AdfNode,
  CommentRecord,
  ConfluenceCommentRecord,
  ContentRecord,
  IssueRecord,
  PlantedRecord,
  PlaceAccess,
  ProjectRecord,
  SiteContent,
  SpaceRecord,
  WorkflowRecord,
  WorkflowStatusRecord,
} from '../../src/fake-site/model.ts';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const HOUR = 3_600_000;
const USERS = [
  { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Ada Fixture', email: 'ada@example.com' },
  { accountId: '5b10ac8d82e05b22cc7d4ef6', displayName: 'Bo Fixture', email: 'bo@example.com' },
];
/** A synthetic key-shaped value: random characters in a documented shape, never a real credential. */
export const FIXTURE_SECRET = 'AKIAQX7RZ2M4KD9WTB3E';
/** Another, in a workflow description. */
export const FIXTURE_WORKFLOW_SECRET = 'AKIAZ5T3W8QN2HV6YJ4P';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function doc(text: string): AdfNode {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function project(
  id: string,
  key: string,
  issueCount: number,
  access: PlaceAccess,
  forbidden = false,
): ProjectRecord {
  return {
    id,
    key,
    name: `${key} project`,
    description: `Fixture project ${key}`,
    projectTypeKey: 'software',
    leadAccountId: USERS[0]!.accountId,
    forbidden,
    access,
    issueCount,
  };
}

const PROJECTS: ProjectRecord[] = [
  project('10000', 'ENG', 12, 'public'),
  project('10001', 'SUP', 3, 'logged-in'),
  project('10002', 'FIN', 2, 'restricted', true),
];
const ISSUE_ID_BASE = [20000, 21000, 22000];

function space(id: string, key: string, pageCount: number, extra: Partial<SpaceRecord> = {}): SpaceRecord {
  return {
    id,
    key,
    name: `${key} space`,
    type: 'global',
    status: 'current',
    description: `Fixture space ${key}`,
    authorAccountId: USERS[0]!.accountId,
    createdAt: iso(NOW - 400 * 24 * HOUR),
    homepageId: String(Number(id) * 10),
    forbidden: false,
    access: 'restricted',
    pageCount,
    blogPostCount: 2,
    ...extra,
  };
}

const SPACES: SpaceRecord[] = [
  space('65538', 'ENG', 30, { access: 'public' }),
  space('65539', `~${USERS[1]!.accountId}`, 2, { type: 'personal' }),
  space('65540', 'OLD', 2, { status: 'archived' }),
  space('65541', 'LEGAL', 2, { forbidden: true }),
];

function issueComments(issueId: number, count: number, created: number): CommentRecord[] {
  return Array.from({ length: count }, (_, n) => ({
    id: String(issueId * 1000 + n),
    authorAccountId: USERS[n % 2]!.accountId,
    body: doc(`Comment ${n} on ${issueId}`),
    created: iso(created + (n + 1) * 60_000),
    updated: iso(created + (n + 1) * 60_000),
  }));
}

function issue(projectKey: string, index: number): IssueRecord {
  const p = PROJECTS.findIndex((candidate) => candidate.key === projectKey);
  const id = ISSUE_ID_BASE[p]! + index;
  // Issues are one day apart, each updated 5 hours after creation; ENG-1 carries many comments.
  const created = NOW - (40 - index) * 24 * HOUR - p * HOUR;
  const updated = created + 5 * HOUR;
  const commentCount = projectKey === 'ENG' && index === 0 ? 45 : index % 3;
  return {
    id: String(id),
    key: `${projectKey}-${index + 1}`,
    projectKey,
    summary: `${projectKey} ticket ${index + 1}`,
    description:
      index === 2 ? doc(`deploy key ${FIXTURE_SECRET} leaked`) : doc(`Description of ${index + 1}`),
    environment: null,
    customFields: { customfield_10042: doc('root cause text'), customfield_10043: `ref-${index}` },
    labels: ['fixture'],
    status: { id: '1', name: 'Open', category: 'new' },
    issueType: { id: '10001', name: 'Bug' },
    reporterAccountId: USERS[0]!.accountId,
    assigneeAccountId: index % 2 ? USERS[1]!.accountId : null,
    created: iso(created),
    updated: iso(updated),
    comments: issueComments(id, commentCount, created),
    worklogs: [],
  };
}

function confluenceComment(
  id: number,
  kind: 'footer' | 'inline',
  createdAt: number,
  depth: number,
): ConfluenceCommentRecord {
  return {
    id: String(id),
    kind,
    authorAccountId: USERS[1]!.accountId,
    body: `<p>${kind} comment ${id}</p>`,
    createdAt: iso(createdAt),
    version: 1,
    ...(kind === 'inline'
      ? { resolutionStatus: 'open' as const, originalSelection: 'highlighted words', markerRef: `ref-${id}` }
      : {}),
    replies: depth > 0 ? [confluenceComment(id + 1, kind, createdAt + 60_000, depth - 1)] : [],
  };
}

/** ENG's last page: hidden from the API user by a view restriction. */
export const RESTRICTED_PAGE_INDEX = 29;

function contentId(spaceIndex: number, type: 'page' | 'blogpost', index: number): number {
  return 100_000 + spaceIndex * 1000 + (type === 'page' ? index : 500 + index);
}

function content(spaceKey: string, type: 'page' | 'blogpost', index: number): ContentRecord {
  const s = SPACES.findIndex((candidate) => candidate.key === spaceKey);
  const id = contentId(s, type, index);
  const createdAt = NOW - (60 - index) * 24 * HOUR;
  const versionCount = 1 + (index % 3);
  const versions = Array.from({ length: versionCount }, (_, n) => ({
    number: n + 1,
    createdAt: iso(createdAt + n * 7 * HOUR),
    authorAccountId: USERS[n % 2]!.accountId,
    message: n ? `edit ${n}` : '',
    body: `<p>Version ${n + 1} of ${id}</p><ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[a < b && c > d]]></ac:plain-text-body></ac:structured-macro>`,
    title: `${type} ${index + 1} in ${spaceKey}`,
  }));
  const latest = versions[versions.length - 1]!;
  const footerCount = type === 'page' && index === 0 ? 30 : index % 2;
  return {
    id: String(id),
    type,
    spaceKey,
    title: latest.title,
    status:
      index === 1 && type === 'page' ? 'archived' : index === 2 && type === 'page' ? 'draft' : 'current',
    parentId: type === 'page' && index > 0 ? String(contentId(s, 'page', 0)) : null,
    // The last ENG page carries a view restriction the API user is not in.
    restricted: spaceKey === 'ENG' && type === 'page' && index === RESTRICTED_PAGE_INDEX,
    authorAccountId: USERS[0]!.accountId,
    createdAt: iso(createdAt),
    version: {
      number: latest.number,
      createdAt: latest.createdAt,
      message: latest.message,
      authorAccountId: latest.authorAccountId,
    },
    body: latest.body,
    versions,
    footerComments: Array.from({ length: footerCount }, (_, n) =>
      confluenceComment(id * 100 + n * 2, 'footer', createdAt + HOUR, n === 0 ? 1 : 0),
    ),
    inlineComments:
      index % 4 === 0 ? [confluenceComment(id * 100 + 90, 'inline', createdAt + 2 * HOUR, 1)] : [],
  };
}

function locateContent(id: string) {
  const n = Number(id) - 100_000;
  const spaceIndex = Math.floor(n / 1000);
  const rest = n % 1000;
  const spaceRecord = SPACES[spaceIndex];
  if (!spaceRecord || !Number.isInteger(n) || n < 0) return undefined;
  const type = rest >= 500 ? ('blogpost' as const) : ('page' as const);
  const index = type === 'page' ? rest : rest - 500;
  const limit = type === 'page' ? spaceRecord.pageCount : spaceRecord.blogPostCount;
  return index < limit ? { spaceKey: spaceRecord.key, type, index } : undefined;
}

const WORKFLOW_STATUSES: WorkflowStatusRecord[] = [
  { id: '1', name: 'Open', description: 'Not started.', category: 'TODO' },
  { id: '10001', name: 'Done', description: 'Finished.', category: 'DONE' },
];

/** Three workflows (so that pages of two end on a short one); the last is scoped to the ENG project. */
const WORKFLOWS: WorkflowRecord[] = ['Bug flow', 'Approval flow', 'ENG team flow'].map((name, i) => ({
  id: `0b6f1c2e-1a2b-4c3d-8e4f-00000000000${i}`,
  name,
  description: i === 1 ? `approver bot key ${FIXTURE_WORKFLOW_SECRET}` : `Fixture workflow ${i}`,
  ...(i === 2 ? { projectId: '10000' } : {}),
  statusIds: ['1', '10001'],
  transitions: [
    { id: '1', name: 'Create', description: '', type: 'INITIAL', fromStatusIds: [], toStatusId: '1' },
    {
      id: '11',
      name: i === 0 ? 'Fix' : 'Finish',
      description: `Fixture transition ${i}`,
      type: 'DIRECTED',
      fromStatusIds: ['1'],
      toStatusId: '10001',
    },
  ],
  created: iso(NOW - 300 * 24 * HOUR),
  updated: iso(NOW - (100 - i) * 24 * HOUR),
}));

function* planted(): Iterable<PlantedRecord> {
  yield {
    product: 'jira',
    container: 'ENG',
    item: 'ENG-3',
    field: 'description',
    category: 'secret',
    kind: 'aws-access-key-id',
    value: FIXTURE_SECRET,
    readable: true,
  };
  yield {
    product: 'jira',
    container: 'FIN',
    item: 'FIN-1',
    field: 'summary',
    category: 'pii',
    kind: 'us-ssn',
    value: '219-09-9999',
    readable: false,
  };
}

export function createFixtureContent(): SiteContent {
  return {
    spec: { seed: 1, issues: 17, pages: 36, now: iso(NOW) },
    users: USERS,
    projects: PROJECTS,
    fields: [
      { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
      {
        id: 'description',
        name: 'Description',
        custom: false,
        schema: { type: 'string', system: 'description' },
      },
      { id: 'comment', name: 'Comment', custom: false, schema: { type: 'comments-page', system: 'comment' } },
      {
        id: 'customfield_10042',
        name: 'Root cause',
        custom: true,
        schema: {
          type: 'string',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
          customId: 10042,
        },
      },
      {
        id: 'customfield_10043',
        name: 'External ref',
        custom: true,
        schema: {
          type: 'string',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
          customId: 10043,
        },
      },
    ],
    workflows: WORKFLOWS,
    workflowStatuses: WORKFLOW_STATUSES,
    spaces: SPACES,
    issue,
    content,
    locateIssue(idOrKey) {
      const byKey = /^([A-Z]+)-(\d+)$/.exec(idOrKey);
      if (byKey) {
        const p = PROJECTS.find((candidate) => candidate.key === byKey[1]);
        const index = Number(byKey[2]) - 1;
        return p && index < p.issueCount ? { projectKey: p.key, index } : undefined;
      }
      const id = Number(idOrKey);
      for (const [p, base] of ISSUE_ID_BASE.entries()) {
        const index = id - base;
        if (index >= 0 && index < PROJECTS[p]!.issueCount) return { projectKey: PROJECTS[p]!.key, index };
      }
      return undefined;
    },
    locateContent,
    locateConfluenceComment(id) {
      return locateContent(String(Math.floor(Number(id) / 100)));
    },
    planted,
    configPlanted: () => [
      {
        product: 'jira',
        container: '',
        item: WORKFLOWS[1]!.id,
        field: 'workflow-description',
        category: 'secret',
        kind: 'aws-access-key-id',
        value: FIXTURE_WORKFLOW_SECRET,
        readable: true,
      },
    ],
    newComment(seed, at) {
      return {
        id: String(900_000 + seed),
        authorAccountId: USERS[0]!.accountId,
        body: doc(`new ${seed}`),
        created: at,
        updated: at,
      };
    },
    newConfluenceComment(seed, at, kind) {
      return { ...confluenceComment(90_000_000 + seed * 2, kind, Date.parse(at), 0), createdAt: at };
    },
    editedAdf(seed, previous) {
      return {
        type: 'doc',
        version: 1,
        content: [...(previous?.content ?? []), ...doc(`edit ${seed}`).content!],
      };
    },
    editedStorage(seed, previous) {
      return `${previous}<p>edit ${seed}</p>`;
    },
  };
}
