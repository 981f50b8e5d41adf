// Everything one running fake site knows: its content, clock, overlays, options, faults and request counts.
import type { Credentials } from './auth.ts';
import { SiteClock } from './clock.ts';
import { ConfluenceOverlay } from './confluence-overlay.ts';
import { Faults, type FaultConfig } from './faults.ts';
import type { TokenKind } from './gateway.ts';
import { JiraOverlay } from './jira-overlay.ts';
import type { SiteContent, WorkflowRecord } from './model.ts';

export interface PageSizes {
  /** Jira search page cap when fields beyond id/key are requested (real sites: about 100). */
  jiraSearchFields: number;
  /** Jira search page cap for id/key-only searches (real: 5000). */
  jiraSearchIds: number;
  /** Jira comment page cap (real: 100). */
  jiraComments: number;
  /** Confluence v2 list cap (real: 250). */
  confluenceMax: number;
  /** Jira search returns non-final pages holding about half of maxResults, as real sites sometimes do. */
  jiraShortPages: boolean;
  /** Jira workflow search page cap (real: 50 by default). */
  jiraWorkflows: number;
}

export const DEFAULT_PAGE_SIZES: PageSizes = {
  jiraSearchFields: 100,
  jiraSearchIds: 5000,
  jiraComments: 100,
  confluenceMax: 250,
  jiraShortPages: false,
  jiraWorkflows: 50,
};

export type JiraRole = 'admin' | 'project-admin' | 'user';
export type ConfluenceRole = 'admin' | 'user';

export interface SiteOptions {
  credentials: Credentials;
  userTimeZone: string;
  siteTimeZone: string;
  pageSizes: PageSizes;
  faults: FaultConfig;
  /**
   * The API user's Jira role: `admin` has the Administer Jira global permission (reads every workflow);
   * `project-admin` administers the team-managed projects (the workflow search lists only theirs, as Atlassian
   * documents); `user` neither (the workflow search answers 403).
   */
  jiraRole: JiraRole;
  /** A classic token (default) works on the site URL and the gateway; a scoped one only through the gateway. */
  tokenKind?: TokenKind;
  /** The scoped token's scopes (see scopes.ts; default DEFAULT_GRANT). */
  scopes?: ReadonlySet<string>;
  /**
   * The API user's Confluence role: `admin` holds the Confluence Administrator global permission (GET
   * /wiki/rest/api/user/current?expand=operations lists `administer` on `application`); `user` does not. Neither
   * sees a space without view permission: Confluence admins recover access through the space permissions page.
   */
  confluenceRole: ConfluenceRole;
  /** Whether comment replies carry their page's id besides `parentCommentId`: see confluence-render.ts. */
  replyOwnerIds: boolean;
}

export class RequestStats {
  total = 0;
  byRoute: Record<string, number> = {};

  count(route: string): void {
    this.total++;
    this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
  }

  reset(): void {
    this.total = 0;
    this.byRoute = {};
  }

  snapshot(): { total: number; byRoute: Record<string, number> } {
    return { total: this.total, byRoute: { ...this.byRoute } };
  }
}

export class Site {
  readonly content: SiteContent;
  readonly options: SiteOptions;
  readonly clock: SiteClock;
  readonly jira: JiraOverlay;
  readonly confluence: ConfluenceOverlay;
  readonly faults: Faults;
  readonly stats = new RequestStats();
  /** The user the credentials belong to: the first generated user. */
  readonly me: SiteContent['users'][number];
  readonly cloudId: string;
  /** Origin of the media host that attachment downloads redirect to (set once it listens). */
  mediaUrl = '';

  constructor(content: SiteContent, options: SiteOptions) {
    // The small catalogues are this site's own copies: admin renames replace their records in place.
    this.content = {
      ...content,
      projects: content.projects.map((p) => ({ ...p })),
      spaces: content.spaces.map((sp) => ({ ...sp })),
      fields: content.fields.map((f) => ({ ...f })),
      workflows: content.workflows.map((w) => ({ ...w })),
    };
    this.options = options;
    this.faults = new Faults(options.faults);
    this.clock = new SiteClock(content.spec.now, this.faults.indexLagMs);
    this.jira = new JiraOverlay(this.content, this.clock);
    this.confluence = new ConfluenceOverlay(this.content, this.clock);
    const me = this.content.users[0];
    if (!me) throw new Error('site content has no users');
    this.me = me;
    this.cloudId = `00000000-0000-4000-8000-${String(content.spec.seed).padStart(12, '0').slice(-12)}`;
  }

  setFaults(config: FaultConfig): void {
    this.faults.set(config);
    this.clock.indexLagMs = this.faults.indexLagMs;
  }

  /** Administrators see every workflow; project administrators those of the (team-managed) projects they run. */
  seesWorkflow(workflow: WorkflowRecord): boolean {
    const role = this.options.jiraRole;
    return role === 'admin' || (role === 'project-admin' && workflow.projectId !== undefined);
  }

  /** Display name for an account id (unknown ids fall back to the id itself). */
  displayName(accountId: string): string {
    return this.content.users.find((u) => u.accountId === accountId)?.displayName ?? accountId;
  }
}
