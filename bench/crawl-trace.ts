// Request trace of one crawl and the ideal wall time it is judged against. The crawler's transport calls the
// global fetch it found at install time, so a recorder installed first sees every attempt on the wire.
//
// The ideal: a cursor-paged listing is a chain (each request needs the previous answer's cursor), and chains are
// independent of each other. The credential probe comes first (serial); the discovery listings (projects,
// spaces of each status, field catalogue, count) need only the probe, so they are chains of their own that
// run side by side, and every content chain needs them. With concurrency C and latency L, no crawler that
// makes these requests can finish sooner than
// L x (serial + longest discovery chain + max(longest chain, ceil(chained / C))).
// (Counting every discovery request as serial, as before, overstated the ideal of a crawler that lists Jira
// and Confluence containers at the same time.)

export interface TracedRequest {
  method: string;
  path: string;
  /** The chain the request belongs to: `serial`, `discovery:...`, or a content chain. */
  chain: string;
  startMs: number;
  endMs: number;
}

function requestBody(init: RequestInit | undefined): string {
  return typeof init?.body === 'string' ? init.body : '';
}

const DISCOVERY: Record<string, string> = {
  '/rest/api/3/project/search': 'discovery:projects',
  '/rest/api/3/field': 'discovery:fields',
  '/rest/api/3/search/approximate-count': 'discovery:count',
};

/** Chain key of a request: per discovery listing, project search, space and content type, comment listing. */
export function chainOf(method: string, url: URL, body: string): string {
  const path = url.pathname;
  const discovery = DISCOVERY[path];
  if (discovery) return discovery;
  if (path === '/wiki/api/v2/spaces') return `discovery:spaces:${url.searchParams.get('status') ?? ''}`;
  if (path === '/rest/api/3/search/jql') {
    // The JQL inside a JSON body has its quotes escaped.
    const jql = method === 'POST' ? body : (url.searchParams.get('jql') ?? '');
    const project = /project = \\?"([^"\\]+)/.exec(jql);
    return project ? `jira:${project[1]}` : 'serial';
  }
  // Comments of an issue whose embedded list was truncated: a chain of its own, paged by startAt.
  const comments = /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/.exec(path);
  if (comments) return `jira-comments:${comments[1]}`;
  const content = /^\/wiki\/api\/v2\/spaces\/([^/]+)\/(pages|blogposts)$/.exec(path);
  if (content) return `confluence:${content[1]}:${content[2]}`;
  // The site configuration's workflow pages and the permission check beside them need only the probe.
  if (path === '/rest/api/3/workflows/search') return 'jira-config:workflows';
  if (path === '/rest/api/3/mypermissions') return 'jira-config:permissions';
  const listing = /^\/wiki\/api\/v2\/(footer|inline)-comments$/.exec(path);
  if (listing) return `confluence:${listing[1]}-comments`;
  return 'serial';
}

/** Records every request made through the global fetch until the returned function is called. */
export function recordRequests(trace: TracedRequest[]): () => void {
  const previous = globalThis.fetch;
  const recorder = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const entry = {
      method,
      path: url.pathname,
      chain: chainOf(method, url, requestBody(init)),
      startMs: 0,
      endMs: 0,
    };
    entry.startMs = performance.now();
    try {
      // The fake site's latency comes before the headers, so the time to headers is the request's time.
      return await previous(input, init);
    } finally {
      entry.endMs = performance.now();
      trace.push(entry);
    }
  };
  globalThis.fetch = recorder as typeof fetch;
  return () => {
    globalThis.fetch = previous;
  };
}

export interface IdealTime {
  serial: number;
  discovery: number;
  /** Rounds the discovery listings need side by side: their longest chain. */
  discoveryDepth: number;
  chained: number;
  chains: number;
  longestChain: number;
  /** Requests the ideal crawler has in flight on average: requests / ideal rounds. */
  parallelism: number;
  idealMs: number;
}

export function idealTime(
  trace: readonly TracedRequest[],
  concurrency: number,
  latencyMs: number,
): IdealTime {
  const lengths = new Map<string, number>();
  const discoveries = new Map<string, number>();
  for (const { chain } of trace) {
    if (chain === 'serial') continue;
    const into = chain.startsWith('discovery:') ? discoveries : lengths;
    into.set(chain, (into.get(chain) ?? 0) + 1);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const discovery = sum(discoveries);
  const chained = sum(lengths);
  const serial = trace.length - discovery - chained;
  const discoveryDepth = Math.max(0, ...discoveries.values());
  const longestChain = Math.max(0, ...lengths.values());
  const rounds = serial + discoveryDepth + Math.max(longestChain, Math.ceil(chained / concurrency));
  return {
    serial,
    discovery,
    discoveryDepth,
    chained,
    chains: lengths.size,
    longestChain,
    parallelism: rounds === 0 ? 0 : trace.length / rounds,
    idealMs: rounds * latencyMs,
  };
}

/** Mean requests in flight over the crawl: total time spent in requests / wall time. */
export function meanInFlight(trace: readonly TracedRequest[], wallMs: number): number {
  return wallMs <= 0 ? 0 : trace.reduce((sum, r) => sum + (r.endMs - r.startMs), 0) / wallMs;
}
