// The loopback Atlassian Cloud: a node:http server on 127.0.0.1 answering Jira under /rest, Confluence under
// /wiki (also behind the /ex/{product}/{cloudId} gateway prefixes), the admin API under /__admin (never subject
// to the emulated auth, faults or stats) and /_edge/tenant_info. With a scoped token the gateway prefixes get a
// listener of their own, as api.atlassian.com is another origin than the site (gateway.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { adminOf, type AdminApi } from './admin-api.ts';
import { adminRoutes } from './admin-routes.ts';
import { attachmentRoutes, findAttachment } from './attachment-routes.ts';
import { checkAuthorization, unauthorized } from './auth.ts';
import { confluenceRoutes } from './confluence-routes.ts';
import type { FaultConfig } from './faults.ts';
import { jiraConfigRoutes } from './jira-config-routes.ts';
import { jiraRoutes } from './jira-routes.ts';
import { startMediaHost, type MediaHostLog } from './media-host.ts';
import { permissionRoutes } from './permission-routes.ts';
import { createSiteContent, DEFAULT_SITE_SPEC } from './generator.ts';
import type { SiteContent, SiteSpec } from './model.ts';
import { json, Router, type AuthOutcome, type Reply } from './router.ts';
import { addressed, authAt, gatewayRefusal, type ListenerRole, type TokenKind } from './gateway.ts';
import { readJsonBody } from './request-body.ts';
import { DEFAULT_GRANT } from './scopes.ts';
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
  /** `scoped`: the site URL refuses the token, the gateway (its own listener) takes it. Default classic. */
  tokenKind?: TokenKind;
  /** A scoped token's scopes (default DEFAULT_GRANT). */
  scopes?: Iterable<string>;
  /** The API user's Confluence role (default admin): see SiteOptions.confluenceRole. */
  confluenceRole?: ConfluenceRole;
  /** Comment replies carry their page's id (default false): see SiteOptions.replyOwnerIds. */
  replyOwnerIds?: boolean;
}

export interface FakeSite {
  url: string;
  /** Where the /ex/{jira|confluence}/{cloudId} prefixes are served: `url` itself unless the token is scoped. */
  gatewayUrl: string;
  cloudId: string;
  email: string;
  token: string;
  admin: AdminApi;
  stats(): { total: number; byRoute: Record<string, number> };
  /** Requests that carried an Authorization header, by the listener (origin) they reached. */
  credentialed(): Record<string, number>;
  /** The media host attachment downloads redirect to: its origin, and what it was sent. */
  media: { url: string; log(): MediaHostLog };
  stop(): Promise<void>;
}

const emulated = new Router([
  ...jiraRoutes,
  ...jiraConfigRoutes,
  ...confluenceRoutes,
  ...permissionRoutes,
  ...attachmentRoutes,
]);
const admin = new Router(adminRoutes);

function notFound(path: string): Reply {
  return path.startsWith('/wiki')
    ? json(404, { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] })
    : json(404, { errorMessages: ['null for uri: ' + path], errors: {} });
}

class FakeSiteServer {
  readonly site: Site;
  readonly credentialed: Record<string, number> = {};
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly kind: TokenKind;
  private readonly scopes: ReadonlySet<string>;
  readonly server: Server;
  /** The gateway's own listener, for scoped tokens. */
  readonly gateway: Server | undefined;

  constructor(site: Site) {
    this.site = site;
    this.kind = site.options.tokenKind ?? 'classic';
    this.scopes = site.options.scopes ?? new Set(DEFAULT_GRANT);
    this.server = this.listener(this.kind === 'scoped' ? 'site' : 'both');
    this.gateway = this.kind === 'scoped' ? this.listener('gateway') : undefined;
  }

  private listener(role: ListenerRole): Server {
    const server = createServer((request, response) => {
      this.handle(request, response, role).catch(() => {
        if (!response.headersSent)
          this.write(response, json(500, { errorMessages: ['Internal server error.'], errors: {} }));
        else response.destroy();
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return server;
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

  private async handle(
    request: IncomingMessage,
    response: ServerResponse,
    role: ListenerRole,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    const origin = `http://${request.headers.host ?? '127.0.0.1'}`;
    const listener = `http://127.0.0.1:${request.socket.localPort}`;
    if (request.headers.authorization) this.credentialed[listener] = (this.credentialed[listener] ?? 0) + 1;
    const target = addressed(url.pathname, this.site.cloudId, role);
    const path = target?.path ?? url.pathname;
    const method = request.method ?? 'GET';
    const parsed = await readJsonBody(request);
    if (!parsed) {
      const bad = ['Unexpected character in the JSON request body.'];
      this.write(response, json(400, { errorMessages: bad, errors: {} }));
      return;
    }
    const body = parsed.body;
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
    if (!target) {
      this.write(response, notFound(path));
      return;
    }
    if (path === '/_edge/tenant_info' && !target.viaGateway) {
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
    auth = authAt(this.kind, auth, target.viaGateway);
    const refusal = target.viaGateway ? gatewayRefusal(auth, this.kind, template, this.scopes) : undefined;
    let reply: Reply;
    if (plan.reply) reply = plan.reply;
    else if (typeof found !== 'object')
      reply =
        found === 'methodMismatch'
          ? json(405, { errorMessages: ['Method not allowed.'], errors: {} })
          : notFound(path);
    else if (refusal) reply = refusal;
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
    const servers = [this.server, ...(this.gateway ? [this.gateway] : [])];
    const closed = servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(closed);
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
    tokenKind: options.tokenKind,
    scopes: options.scopes && new Set(options.scopes),
    confluenceRole: options.confluenceRole ?? 'admin',
    replyOwnerIds: options.replyOwnerIds ?? false,
  });
  const instance = new FakeSiteServer(site);
  const url = await listen(instance.server, options.port ?? 0);
  const gatewayUrl = instance.gateway ? await listen(instance.gateway, 0) : url;
  const media = await startMediaHost((id) => findAttachment(site, id));
  site.mediaUrl = media.url;
  return {
    url,
    gatewayUrl,
    cloudId: site.cloudId,
    email,
    token,
    admin: adminOf(site),
    stats: () => site.stats.snapshot(),
    credentialed: () => ({ ...instance.credentialed }),
    media: { url: media.url, log: media.log },
    stop: async () => {
      await Promise.all([instance.stop(), media.stop()]);
    },
  };
}

async function listen(server: Server, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}
