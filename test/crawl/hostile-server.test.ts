// The crawler against a server that misbehaves on one container's listing, for Jira and Confluence: every
// failure becomes a coverage gap for that container with its reason, the other containers are crawled as usual,
// nothing throws out of the crawl, the hostile body (which may hold the very secrets) never reaches a log line,
// the result or the sink, and credentials never travel to another origin. A broken site-wide listing is a gap of
// its product, and the other product is crawled as usual.
import type { ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { crawlSite, type CrawlResult } from '../../src/crawl/crawl.ts';
import { isLoginFailure } from '../../src/crawl/errors.ts';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import type { Product } from '../../src/types.ts';
import { TruthScanner } from './harness.ts';
import {
  startHostileProxy,
  startRecordingServer,
  type HostileProxy,
  type Intercepted,
  type LoopbackServer,
} from './hostile-proxy.ts';
import { MemorySink } from './memory-sink.ts';

const SPEC = { seed: 3, issues: 40, pages: 20, now: '2026-01-15T12:00:00.000Z' };
const MARKER = 'hostile-body-Zq81xVr4';
const TARGET = 'OPS';
const CAP = 200_000;
// Long enough for a loaded CI machine to answer every honest request; a stall costs two of these (one retry).
const TIMEOUT_MS = 2000;

// Every hostile case must end in bounded time, retries and all.
vi.setConfig({ testTimeout: 10_000 });

let site: FakeSite;
let proxy: HostileProxy;
let other: LoopbackServer & { requests: Intercepted[] };
let baseline: CrawlResult;
let targetSpaceId = '';

interface Run {
  result: CrawlResult;
  sink: MemorySink;
  logs: string;
}

async function crawlThroughProxy(): Promise<Run> {
  const lines: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const sink = new MemorySink();
  const result = await crawlSite({
    site: proxy.url,
    email: site.email,
    apiToken: site.token,
    products: ['jira', 'confluence'],
    scope: { projects: [], spaces: [], excludeProjects: [], excludeSpaces: [], archived: true },
    concurrency: 4,
    timeoutMs: TIMEOUT_MS,
    maxBodyBytes: CAP,
    retry: { maxRetries: 1, backoff: { initialMs: 10, factor: 2, maxWaitMs: 50 } },
    scanner: new TruthScanner([]),
    sink,
    run: { runId: 1, mode: 'full', resumed: false },
    rulesetHash: 'test-rules',
    logger: pino({ level: 'debug' }, capture),
  });
  return { result, sink, logs: lines.join('') };
}

/** The listing request of the target container in each product. */
function isTargetListing(product: Product, request: Intercepted): boolean {
  if (product === 'jira') {
    if (!request.path.startsWith('/rest/api/3/search/jql')) return false;
    return (JSON.parse(request.body) as { jql: string }).jql.startsWith(`project = "${TARGET}"`);
  }
  return request.path.startsWith(`/wiki/api/v2/spaces/${targetSpaceId}/pages`);
}

type Behaviour = (res: ServerResponse, product: Product) => void;

const json = { 'content-type': 'application/json' };
const partialListing = (product: Product) =>
  product === 'jira' ? `{"issues":[{"id":"${MARKER}","key":"` : `{"results":[{"id":"${MARKER}","title":"`;

const BROKEN: Array<[string, Behaviour, string]> = [
  [
    'a huge body with its length declared',
    (res) => res.writeHead(200, { ...json, 'content-length': String(CAP * 4) }).end(MARKER.repeat(CAP / 4)),
    'too-large',
  ],
  [
    'a huge body streamed without a length',
    (res) => {
      res.writeHead(200, json);
      for (let sent = 0; sent < CAP * 3; sent += 10_000) res.write(MARKER.padEnd(10_000, '.'));
      res.end();
    },
    'too-large',
  ],
  [
    'a body cut off by a destroyed socket',
    (res, product) => {
      res.writeHead(200, { ...json, 'content-length': '5000' });
      res.write(partialListing(product), () => res.socket?.destroy());
    },
    'error',
  ],
  [
    'an HTML error page with status 200',
    (res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body>${MARKER}</body></html>`),
    'unparseable',
  ],
  [
    'JSON of the wrong shape (the item list is not an array)',
    (res, product) =>
      res
        .writeHead(200, json)
        .end(JSON.stringify(product === 'jira' ? { issues: MARKER } : { results: MARKER })),
    'unparseable',
  ],
  [
    'JSON of the wrong shape (the item list is missing)',
    (res) => res.writeHead(200, json).end(JSON.stringify({ [MARKER]: [MARKER], _links: {} })),
    'unparseable',
  ],
  [
    'a body that stalls after the headers',
    (res, product) => {
      res.writeHead(200, json);
      res.write(partialListing(product));
    },
    'timeout',
  ],
  ['headers that never come', () => undefined, 'timeout'],
  [
    // Never idle long enough for an idle timeout: only a deadline on the whole request ends it.
    'a body that trickles forever',
    (res, product) => {
      res.writeHead(200, json);
      res.write(partialListing(product));
      const drip = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(drip));
    },
    'timeout',
  ],
];

function expectOnlyTargetGap(run: Run, product: Product, reason: string): void {
  const gap = run.result.coverage.find((c) => c.product === product && c.containerKey === TARGET);
  expect(gap?.coverage.skipped).toEqual({ [reason]: expect.any(Number) });
  expect(gap?.complete).toBe(false);
  expect(gap?.coverage.skipped[reason as 'error']).toBeGreaterThanOrEqual(1);
  expect(run.result.complete).toBe(false);
  const others = (r: CrawlResult) =>
    r.coverage
      .filter((c) => !(c.product === product && c.containerKey === TARGET))
      .map((c) => [c.product, c.containerKey, c.complete, c.coverage.listed, c.coverage.scanned]);
  expect(others(run.result)).toEqual(others(baseline));
}

function expectNoLeak(run: Run): void {
  expect(run.logs).not.toContain(MARKER);
  expect(JSON.stringify(run.result)).not.toContain(MARKER);
  expect(JSON.stringify([...run.sink.coverages])).not.toContain(MARKER);
  expect(JSON.stringify([...run.sink.items.values()])).not.toContain(MARKER);
}

beforeAll(async () => {
  site = await startFakeSite({ content: createSiteContent(SPEC) });
  proxy = await startHostileProxy(site.url);
  other = await startRecordingServer();
  const clean = await crawlThroughProxy();
  baseline = clean.result;
  // The reference run: only the project the administrator's token lists but cannot browse is a gap.
  const gaps = baseline.coverage.filter((c) => !c.complete).map((c) => [c.product, c.containerKey]);
  expect(gaps).toEqual([['jira', 'FIN']]);
  targetSpaceId = [...clean.sink.containers.values()].find(
    (c) => c.product === 'confluence' && c.key === TARGET,
  )!.id;
});

afterAll(async () => {
  await proxy.close();
  await other.close();
  await site.stop();
});

describe.each(['jira', 'confluence'] as const)('a broken %s listing', (product) => {
  it.each(BROKEN)(
    '%s is a coverage gap of that container only, and never leaks',
    async (_name, behave, reason) => {
      proxy.answer = (request, res) => {
        if (!isTargetListing(product, request)) return false;
        behave(res, product);
        return true;
      };
      try {
        const run = await crawlThroughProxy();
        expectOnlyTargetGap(run, product, reason);
        expectNoLeak(run);
      } finally {
        proxy.answer = () => false;
      }
    },
  );
});

const otherPort = () => new URL(other.url).port;
const REDIRECTS: Array<[string, () => string]> = [
  ['another port', () => `${other.url}/steal`],
  ['another host', () => `http://localhost:${otherPort()}/steal`],
  ['another host, scheme-relative', () => `//localhost:${otherPort()}/steal`],
  ['another scheme', () => proxy.url.replace('http:', 'https:') + '/steal'],
];

describe.each(['jira', 'confluence'] as const)('a %s listing that redirects', (product) => {
  it.each(REDIRECTS)('to %s is refused and recorded, credentials stay home', async (_name, location) => {
    proxy.answer = (request, res) => {
      if (!isTargetListing(product, request)) return false;
      res.writeHead(302, { location: location() }).end(MARKER);
      return true;
    };
    try {
      const run = await crawlThroughProxy();
      expectOnlyTargetGap(run, product, 'error');
      expectNoLeak(run);
      expect(run.result.requests.refusedOrigins).toBeGreaterThanOrEqual(1);
      expect(other.requests).toEqual([]);
    } finally {
      proxy.answer = () => false;
    }
  });
});

describe('links in listings that point to another origin', () => {
  it('a Confluence next-page link elsewhere is refused and recorded, never followed', async () => {
    proxy.rewrite = (request, body) =>
      isTargetListing('confluence', request)
        ? { ...(body as object), _links: { next: `${other.url}/wiki/api/v2/pages?cursor=${MARKER}` } }
        : undefined;
    try {
      const run = await crawlThroughProxy();
      expectOnlyTargetGap(run, 'confluence', 'error');
      expectNoLeak(run);
      expect(other.requests).toEqual([]);
    } finally {
      proxy.rewrite = () => undefined;
    }
  });

  it('Jira self and nextPage URLs elsewhere are never requested', async () => {
    const elsewhere = (path: string) => `${other.url}${path}`;
    proxy.rewrite = (request, body) => {
      const page = body as { issues?: Array<Record<string, unknown>>; values?: unknown[] };
      if (request.path.startsWith('/rest/api/3/project/search')) {
        return { ...page, self: elsewhere('/self'), nextPage: elsewhere('/next') };
      }
      if (request.path.startsWith('/rest/api/3/search/jql') && page.issues) {
        return { ...page, issues: page.issues.map((i) => ({ ...i, self: elsewhere(`/issue/${i.id}`) })) };
      }
      return undefined;
    };
    try {
      const run = await crawlThroughProxy();
      expect(run.result.coverage).toEqual(baseline.coverage);
      expect(other.requests).toEqual([]);
    } finally {
      proxy.rewrite = () => undefined;
    }
  });
});

describe('a broken site-wide listing', () => {
  const SITE_WIDE: Array<[string, Product, string]> = [
    ['the Jira field catalogue', 'jira', '/rest/api/3/field'],
    ['the Jira project listing', 'jira', '/rest/api/3/project/search'],
    ['the Confluence space listing', 'confluence', '/wiki/api/v2/spaces?'],
  ];
  const BODIES: Array<[string, string, string]> = [
    ['HTML', 'text/html', `<html>${MARKER}</html>`],
    ['the wrong JSON shape', 'application/json', JSON.stringify({ [MARKER]: [MARKER] })],
  ];
  const rows = SITE_WIDE.flatMap(([name, product, path]) =>
    BODIES.map(([body, type, text]) => [name, body, product, path, type, text] as const),
  );
  const ofProduct = (r: CrawlResult, product: Product) =>
    r.coverage
      .filter((c) => c.product === product)
      .map((c) => [c.containerKey, c.complete, c.coverage.listed, c.coverage.scanned]);

  it.each(rows)(
    '%s as %s is a site-wide gap of that product; the other product is crawled in full',
    async (_n, _b, product, path, type, text) => {
      proxy.answer = (request, res) => {
        if (!request.path.startsWith(path)) return false;
        res.writeHead(200, { 'content-type': type }).end(text);
        return true;
      };
      try {
        const run = await crawlThroughProxy();
        const gap = run.result.coverage.find((c) => c.product === product && c.containerKey === '');
        expect(gap?.coverage.skipped).toEqual({ unparseable: 1 });
        expect(run.result.complete).toBe(false);
        const other = product === 'jira' ? 'confluence' : 'jira';
        expect(ofProduct(run.result, other)).toEqual(ofProduct(baseline, other));
        expectNoLeak(run);
      } finally {
        proxy.answer = () => false;
      }
    },
  );

  it('a login failure on a site-wide listing still stops the run', async () => {
    proxy.answer = (request, res) => {
      if (!request.path.startsWith('/wiki/api/v2/spaces?')) return false;
      res.writeHead(401, { 'content-type': 'text/plain' }).end('Client must be authenticated');
      return true;
    };
    try {
      const error = await crawlThroughProxy().catch((e: unknown) => e);
      expect(isLoginFailure(error)).toBe(true);
    } finally {
      proxy.answer = () => false;
    }
  });

  it.each(['footer', 'inline'])('the %s comment listing broken is a site-wide coverage gap', async (kind) => {
    proxy.answer = (request, res) => {
      if (!request.path.startsWith(`/wiki/api/v2/${kind}-comments`)) return false;
      res.writeHead(200, { 'content-type': 'text/html' }).end(MARKER);
      return true;
    };
    try {
      const run = await crawlThroughProxy();
      const gap = run.result.coverage.find((c) => c.product === 'confluence' && c.containerKey === '');
      expect(gap?.coverage.skipped).toEqual({ unparseable: 1 });
      expectNoLeak(run);
    } finally {
      proxy.answer = () => false;
    }
  });
});
