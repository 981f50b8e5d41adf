// A loopback proxy in front of the fake site that lets a test take over chosen requests and answer them as a
// broken or hostile server would, or rewrite the fake site's JSON answer, while every other request reaches the
// fake site unchanged (Host included, so the fake site's absolute URLs name the proxy).
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Intercepted {
  method: string;
  path: string;
  body: string;
}

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

export interface HostileProxy extends LoopbackServer {
  /** Answers a request itself (returns true), or lets it through. */
  answer: (request: Intercepted, res: ServerResponse) => boolean;
  /** Replaces the fake site's parsed JSON answer to a request, or returns undefined to keep it. */
  rewrite: (request: Intercepted, json: unknown) => unknown;
}

async function listening(server: Server): Promise<LoopbackServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function relay(proxy: HostileProxy, request: Intercepted, answer: IncomingMessage, res: ServerResponse) {
  void readAll(answer).then((raw) => {
    const isJson = String(answer.headers['content-type']).includes('json') && raw.length > 0;
    const replaced = isJson ? proxy.rewrite(request, JSON.parse(raw.toString('utf8'))) : undefined;
    const body = replaced === undefined ? raw : Buffer.from(JSON.stringify(replaced));
    const headers = { ...answer.headers, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    res.writeHead(answer.statusCode ?? 502, headers).end(body);
  });
}

export async function startHostileProxy(upstream: string): Promise<HostileProxy> {
  const target = new URL(upstream);
  const proxy: HostileProxy = {
    url: '',
    close: async () => {},
    answer: () => false,
    rewrite: () => undefined,
  };
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    const request = { method: req.method ?? 'GET', path: req.url ?? '/', body: body.toString('utf8') };
    if (proxy.answer(request, res)) return;
    const options = { host: target.hostname, port: target.port, method: req.method, path: req.url };
    const out = forward({ ...options, headers: req.headers }, (answer) => relay(proxy, request, answer, res));
    out.on('error', () => res.destroy());
    out.end(body);
  });
  return Object.assign(proxy, await listening(server));
}

/** Another origin that only counts what reaches it: credentials must never arrive here. */
export async function startRecordingServer(): Promise<LoopbackServer & { requests: Intercepted[] }> {
  const requests: Intercepted[] = [];
  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      body: req.headers.authorization ?? '',
    });
    res.end('{}');
  });
  return Object.assign(await listening(server), { requests });
}
