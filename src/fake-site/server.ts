// The loopback Atlassian Cloud: one node:http server on 127.0.0.1 answering Jira under /rest, Confluence under
// /wiki (also behind the /ex/{product}/{cloudId} gateway prefixes), the admin API under /__admin (never subject
// to the emulated auth, faults or stats) and /_edge/tenant_info.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { adminOf, type AdminApi } from './admin-api.ts';
import { adminRoutes } from './admin-routes.ts';
import { checkAuthorization, unauthorized } from './auth.ts';
import { confluenceRoutes } from './confluence-routes.ts';
import type { FaultConfig } from './faults.ts';
import { jiraConfigRoutes } from './jira-config-routes.ts';
import { jiraRoutes } from './jira-routes.ts';
import { createSiteContent, DEFAULT_SITE_SPEC } from './generator.ts';
import type { SiteContent, SiteSpec } from './model.ts';
import { json, Router, type AuthOutcome, type Reply } from './router.ts';
import { DEFAULT_PAGE_SIZES, Site, type ConfluenceRole, type JiraRole, type PageSizes } from './site.ts';

export const DEFAULT_EMAIL = 'demo@example.com';
/** The fake's own fixed credential: deliberately not shaped like any real token format. */
export const DEFAULT_TOKEN = 'fake-site-demo-token';

export interface FakeSiteOptions {
  /** Ready-made content; otherwise generated from `spec` (over the generator's defaults). */
  content?: SiteContent;
  spec?: Partial<SiteSpec>;
  port?: number;
  email?: string;
  token?: string;
  userTimeZone?: string;
  siteTimeZone?: string;
  faults?: FaultConfig;
  pageSizes?: Partial<PageSizes>;
  /** The API user's Jira role (default admin): see SiteOptions.jiraRole. */
  jiraRole?: JiraRole;
  /** The API user's Confluence role (default admin): see SiteOptions.confluenceRole. */
  confluenceRole?: ConfluenceRole;
  /** Comment replies carry their page's id (default false): see SiteOptions.replyOwnerIds. */
  replyOwnerIds?: boolean;
}

export interface FakeSite {
  url: string;
  email: string;
  token: string;
  admin: AdminApi;
  stats(): { total: number; byRoute: Record<string, number> };
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const emulated = new Router([...jiraRoutes, ...jiraConfigRoutes, ...confluenceRoutes]);
const admin = new Router(adminRoutes);

function notFound(path: string): Reply {
  return path.startsWith('/wiki')
    ? json(404, { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] })
    : json(404, { errorMessages: ['null for uri: ' + path], errors: {} });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

class FakeSiteServer {
  readonly site: Site;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly server = createServer((request, response) => {
    this.handle(request, response).catch(() => {
      if (!response.headersSent)
        this.write(response, json(500, { errorMessages: ['Internal server error.'], errors: {} }));
      else response.destroy();
    });
  });

  constructor(site: Site) {
    this.site = site;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    const origin = `http://${request.headers.host ?? '127.0.0.1'}`;
    const path = url.pathname.replace(/^\/ex\/(?:jira|confluence)\/[^/]+/, '');
    const method = request.method ?? 'GET';
    const raw = await readBody(request);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      this.write(
        response,
        json(400, { errorMessages: ['Unexpected character in the JSON request body.'], errors: {} }),
      );
      return;
    }
    const base = { method, path, query: url.searchParams, body, origin, site: this.site };
    if (path.startsWith('/__admin/')) {
      const found = admin.match(method, path);
      const reply =
        typeof found === 'object'
          ? await found.route.handle({ ...base, params: found.params, auth: 'ok' })
          : json(404, { error: 'no such admin route' });
      this.write(response, reply);
      return;
    }
    if (path === '/_edge/tenant_info') {
      this.write(response, json(200, { cloudId: this.site.cloudId }));
      return;
    }
    const found = emulated.match(method, path);
    const template = typeof found === 'object' ? found.route.template : 'unmatched';
    this.site.stats.count(template);
    const plan = this.site.faults.plan(path, this.site.clock.now());
    await this.sleep(plan.delayMs);
    if (plan.reset) {
      request.socket.destroy();
      return;
    }
    let auth: AuthOutcome = checkAuthorization(request.headers.authorization, this.site.options.credentials);
    if (auth === 'ok' && this.site.faults.tokenExpired()) auth = 'bad';
    let reply: Reply;
    if (plan.reply) reply = plan.reply;
    else if (typeof found !== 'object')
      reply =
        found === 'methodMismatch'
          ? json(405, { errorMessages: ['Method not allowed.'], errors: {} })
          : notFound(path);
    else if (auth !== 'ok' && !found.route.anonymous) reply = unauthorized();
    else if (plan.vanish && method === 'GET' && template.endsWith('}')) reply = notFound(path);
    else reply = await found.route.handle({ ...base, params: found.params, auth });
    if (reply.status < 300) reply = { ...reply, headers: { ...plan.headers, ...reply.headers } };
    await this.sleep(plan.slowHeadersMs ?? 0);
    await this.write(response, reply, plan.stallBodyMs);
  }

  private async write(response: ServerResponse, reply: Reply, stallMs = 0): Promise<void> {
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    const payload = Buffer.from(text, 'utf8');
    response.writeHead(reply.status, {
      'Content-Type': reply.contentType ?? 'application/json;charset=UTF-8',
      'Content-Length': String(payload.length),
      ...reply.headers,
    });
    if (!stallMs) {
      response.end(payload);
      return;
    }
    const half = Math.floor(payload.length / 2);
    response.write(payload.subarray(0, half));
    await this.sleep(stallMs);
    if (!response.destroyed) response.end(payload.subarray(half));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

/** Starts a fake site on 127.0.0.1 (ephemeral port by default). */
export async function startFakeSite(options: FakeSiteOptions): Promise<FakeSite> {
  const email = options.email ?? DEFAULT_EMAIL;
  const token = options.token ?? DEFAULT_TOKEN;
  const content = options.content ?? createSiteContent({ ...DEFAULT_SITE_SPEC, ...options.spec });
  const site = new Site(content, {
    credentials: { email, token },
    userTimeZone: options.userTimeZone ?? 'Europe/Berlin',
    siteTimeZone: options.siteTimeZone ?? 'America/Los_Angeles',
    pageSizes: { ...DEFAULT_PAGE_SIZES, ...options.pageSizes },
    faults: options.faults ?? {},
    jiraRole: options.jiraRole ?? 'admin',
    confluenceRole: options.confluenceRole ?? 'admin',
    replyOwnerIds: options.replyOwnerIds ?? false,
  });
  const instance = new FakeSiteServer(site);
  await new Promise<void>((resolve, reject) => {
    instance.server.once('error', reject);
    instance.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = instance.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    email,
    token,
    admin: adminOf(site),
    stats: () => site.stats.snapshot(),
    stop: () => instance.stop(),
  };
}
