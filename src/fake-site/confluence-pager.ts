// Confluence v2 cursor paging: `limit` (default 25, clamped to the cap), an opaque base64 cursor with `=`
// padding, and the next link both in `_links.next` (host-relative, starting /wiki/api/v2) and in a `Link`
// header. The cursor moves between query positions from page to page, as crawlers must not assume it is last.
import { confluenceError } from './confluence-render.ts';
import { BadTokenError, clampInt, decodeToken, encodeToken, queryFingerprint } from './paging.ts';
import type { Reply, RequestContext } from './router.ts';

export type WalkState = Record<string, number>;
/** Yields items from `from` on; `resume` is the state at which the walk continues after this item. */
export type Walk<T> = (from: WalkState) => Iterable<{ item: T; resume: WalkState }>;

function fingerprint(context: RequestContext): string {
  const filters = [...context.query.entries()]
    .filter(([name]) => name !== 'cursor' && name !== 'limit')
    .sort();
  return queryFingerprint([context.path, filters]);
}

function nextLink(context: RequestContext, cursor: string, pageNumber: number): string {
  const params = [...context.query.entries()].filter(([name]) => name !== 'cursor');
  params.splice(pageNumber % (params.length + 1), 0, ['cursor', cursor]);
  return `${context.path}?${new URLSearchParams(params).toString()}`;
}

function invalidCursor(detail: string): Reply {
  return confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'The provided cursor was not valid', detail);
}

export function cursorPage<T>(context: RequestContext, walk: Walk<T>, render: (item: T) => unknown): Reply {
  const limit = clampInt(context.query.get('limit'), 25, 1, context.site.options.pageSizes.confluenceMax);
  const print = fingerprint(context);
  let from: WalkState = {};
  let pageNumber = 0;
  const cursor = context.query.get('cursor');
  if (cursor) {
    try {
      const { n, ...state } = decodeToken(cursor, print);
      from = state as WalkState;
      pageNumber = Number(n ?? 0);
    } catch (error) {
      if (error instanceof BadTokenError) return invalidCursor(error.message);
      throw error;
    }
  }
  const results: unknown[] = [];
  let resume: WalkState | undefined;
  let more = false;
  for (const step of walk(from)) {
    if (results.length === limit) {
      more = true;
      break;
    }
    results.push(render(step.item));
    resume = step.resume;
  }
  const base = `${context.origin}/wiki`;
  const links: Record<string, string> = { base };
  const headers: Record<string, string> = {};
  if (more && resume) {
    links.next = nextLink(context, encodeToken({ ...resume, n: pageNumber + 1 }, print), pageNumber + 1);
    headers.Link = `<${links.next}>; rel="next", <${base}>; rel="base"`;
  }
  return { status: 200, body: { results, _links: links }, headers };
}
