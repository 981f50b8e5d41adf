// The second loopback origin that plays Atlassian's media host (api.media.atlassian.com): attachment downloads
// on the site answer a redirect here, with a short-lived token in the query, as the real site does. It serves the
// bytes each attachment describes, streamed (a 50 MB log is never held in memory), and records what it was sent:
// whether any request carried an Authorization header or cookies, and how often each file was downloaded.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createGzip } from 'node:zlib';
import type { AttachmentBody, AttachmentRecord } from './content/attachments.ts';
import { createRng } from '../synth/rng.ts';

export interface MediaHostLog {
  requests: number;
  /** Requests that carried an Authorization header. */
  authorization: number;
  /** Requests that carried a Cookie header. */
  cookies: number;
  /** Completed or started downloads by attachment id. */
  downloads: Record<string, number>;
}

export interface MediaHost {
  url: string;
  log(): MediaHostLog;
  stop(): Promise<void>;
}

const CHUNK = 64 * 1024;
const LOG_LINE = '2026-01-01T00:00:00Z INFO [worker] heartbeat ok queue=default depth=0 latency=3ms\n';

/** The gzip stream of `size` bytes of one letter, made once per size (it is small: ~1000:1), text to any sniffer. */
const bombs = new Map<number, Promise<Buffer>>();
function gzipBomb(size: number): Promise<Buffer> {
  let made = bombs.get(size);
  if (!made) {
    made = new Promise<Buffer>((resolve, reject) => {
      const gzip = createGzip({ level: 9 });
      const parts: Buffer[] = [];
      gzip.on('data', (part: Buffer) => parts.push(part));
      gzip.on('end', () => resolve(Buffer.concat(parts)));
      gzip.on('error', reject);
      const letters = Buffer.alloc(1024 * 1024, 'A');
      for (let left = size; left > 0; left -= letters.length)
        gzip.write(left >= letters.length ? letters : letters.subarray(0, left));
      gzip.end();
    });
    bombs.set(size, made);
  }
  return made;
}

/** Deterministic bytes with NULs and high bytes, as images and office files have. */
export function binaryBytes(id: string, size: number): Buffer {
  const rng = createRng(size).fork(id);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = rng.int(0, 255);
  return bytes;
}

async function streamRepeated(response: ServerResponse, size: number): Promise<void> {
  const chunk = Buffer.from(LOG_LINE.repeat(Math.ceil(CHUNK / LOG_LINE.length)));
  for (let sent = 0; sent < size && !response.destroyed; sent += chunk.length) {
    const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
    if (!response.write(part)) await new Promise<void>((resolve) => response.once('drain', resolve));
  }
  response.end();
}

async function serve(response: ServerResponse, attachment: AttachmentRecord, body: AttachmentBody) {
  const headers = { 'Content-Type': attachment.mediaType, 'Cache-Control': 'private' };
  if (body.kind === 'large-text') {
    response.writeHead(200, { ...headers, 'Content-Length': String(body.size) });
    return streamRepeated(response, body.size);
  }
  const bytes =
    body.kind === 'text'
      ? Buffer.from(body.text, 'utf8')
      : body.kind === 'binary'
        ? binaryBytes(attachment.id, body.size)
        : await gzipBomb(body.size);
  const encoding = body.kind === 'gzip-bomb' ? { 'Content-Encoding': 'gzip' } : {};
  response.writeHead(200, { ...headers, ...encoding, 'Content-Length': String(bytes.length) });
  response.end(bytes);
}

/** Starts the media host; `find` resolves an attachment id to its live record (undefined: 404). */
export async function startMediaHost(find: (id: string) => AttachmentRecord | undefined): Promise<MediaHost> {
  const log: MediaHostLog = { requests: 0, authorization: 0, cookies: 0, downloads: {} };
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    log.requests += 1;
    if (request.headers.authorization) log.authorization += 1;
    if (request.headers.cookie) log.cookies += 1;
    const url = new URL(request.url ?? '/', 'http://media.invalid');
    const id = /^\/file\/([^/]+)\/binary$/.exec(url.pathname)?.[1];
    const attachment = id && url.searchParams.get('token') ? find(decodeURIComponent(id)) : undefined;
    if (!attachment) {
      response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    log.downloads[attachment.id] = (log.downloads[attachment.id] ?? 0) + 1;
    serve(response, attachment, attachment.body).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => ({ ...log, downloads: { ...log.downloads } }),
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
