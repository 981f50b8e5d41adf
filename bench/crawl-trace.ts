// Request trace of one crawl and the ideal wall time it is judged against. The crawler's transport calls the
// global fetch it found at install time, so a recorder installed first sees every attempt on the wire.
//
// The ideal: a cursor-paged listing is a chain (each request needs the previous answer's cursor), and chains are
// independent of each other; the discovery requests (credentials, container listings, field catalogue, count)
// come before every chain and are counted as serial. With concurrency C and latency L, no crawler that makes
// these requests can finish sooner than L x (serial + max(longest chain, ceil(chained / C))).

export interface TracedRequest {
  method: string;
  path: string;
  /** The chain the request belongs to, or `serial` for discovery requests. */
  chain: string;
  startMs: number;
  endMs: number;
}

function requestBody(init: RequestInit | undefined): string {
  return typeof init?.body === 'string' ? init.body : '';
}

/** Chain key of a request: one per project search, per space and content type, per comment listing. */
export function chainOf(method: string, url: URL, body: string): string {
  const path = url.pathname;
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
  for (const r of trace) if (r.chain !== 'serial') lengths.set(r.chain, (lengths.get(r.chain) ?? 0) + 1);
  const serial = trace.length - [...lengths.values()].reduce((a, b) => a + b, 0);
  const chained = trace.length - serial;
  const longestChain = Math.max(0, ...lengths.values());
  const rounds = serial + Math.max(longestChain, Math.ceil(chained / concurrency));
  return {
    serial,
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
