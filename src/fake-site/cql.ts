// The CQL subset of incremental Confluence crawls: type, space (space.key), id, created and lastmodified
// comparisons (dates read in the USER zone), and/or/not, parentheses, ORDER BY lastmodified/created.
// Only current content is searchable: trashed, draft and archived pages are left out, as search does by default,
// and so is content the API user may not view (a space without view permission, a view-restricted page): CQL
// search, like the v2 listings, returns only what the searching user is permitted to see.
import type { ContentMeta, ContentType } from './confluence-overlay.ts';
import {
  compileWhere,
  COMPARE,
  membership,
  type Clause,
  type Predicate as QueryPredicate,
} from './query-eval.ts';
import { parseQuery, QuerySyntaxError, type Expr } from './query-parser.ts';
import type { Site } from './site.ts';
import { parseDateLiteral } from './time-zone.ts';

export class CqlError extends Error {}

interface Candidate extends ContentMeta {
  spaceKey: string;
  type: ContentType;
}

type Predicate = QueryPredicate<Candidate>;

function compile(site: Site, expr: Expr): Predicate {
  return compileWhere(expr, (clause) => compileClause(site, clause));
}

function compileClause(site: Site, { field, op, values }: Clause): Predicate {
  const texts = values.map((v) => v.text);
  const unsupported = () => new CqlError(`Operator '${op}' is not supported for field '${field}'`);
  const member = (read: (c: Candidate) => string, lower = false): Predicate =>
    membership(op, lower ? texts.map((t) => t.toLowerCase()) : texts, read, unsupported);
  if (field === 'type') return member((c) => c.type, true);
  if (field === 'space' || field === 'space.key') return member((c) => c.spaceKey);
  if (field === 'id' || field === 'content') return member((c) => c.id);
  if (field === 'lastmodified' || field === 'created') {
    const test = COMPARE[op];
    if (!test || texts.length !== 1) throw unsupported();
    const bound = parseDateLiteral(texts[0]!, site.options.userTimeZone, site.clock.now());
    if (bound === undefined) throw new CqlError(`Could not parse date '${texts[0]}' for field '${field}'`);
    return field === 'created' ? (c) => test(c.created, bound) : (c) => test(c.updated, bound);
  }
  throw new CqlError(`Could not find field '${field}'`);
}

/** The last result list, so that paging through a large result does not filter and sort it again per page. */
const lastResults = new WeakMap<Site, { key: string; found: Candidate[] }>();

/**
 * Runs a CQL query over every readable space; returns the matches in result order as index entries, so only
 * the page actually served is generated (`live()`).
 */
export function runCql(site: Site, cql: string): Candidate[] {
  // Relative dates follow the site clock; lagging answers change with wall time, so those are never reused.
  const key = JSON.stringify([cql, site.confluence.version, site.clock.now()]);
  const cached = lastResults.get(site);
  if (cached?.key === key && site.clock.indexLagMs === 0) return cached.found;
  let parsed;
  try {
    parsed = parseQuery(cql);
  } catch (error) {
    throw new CqlError(error instanceof QuerySyntaxError ? `Could not parse cql : ${cql}` : 'Invalid CQL');
  }
  if (!parsed.where) throw new CqlError(`Could not parse cql : ${cql}`);
  const predicate = compile(site, parsed.where);
  const sorts = parsed.orderBy.map(({ field, direction }) => {
    if (field !== 'lastmodified' && field !== 'created')
      throw new CqlError(`Cannot order by field '${field}'`);
    const sign = direction === 'desc' ? -1 : 1;
    return (a: Candidate, b: Candidate) =>
      (field === 'created' ? a.created - b.created : a.updated - b.updated) * sign;
  });
  const found: Candidate[] = [];
  for (const space of site.content.spaces) {
    if (space.forbidden) continue;
    for (const type of ['page', 'blogpost'] as const) {
      for (const meta of site.confluence.metas(space.key, type, true)) {
        const candidate = { ...meta, spaceKey: space.key, type };
        if (candidate.status === 'current' && !candidate.restricted && predicate(candidate))
          found.push(candidate);
      }
    }
  }
  found.sort((a, b) => {
    for (const sort of sorts) {
      const order = sort(a, b);
      if (order) return order;
    }
    return a.order - b.order;
  });
  lastResults.set(site, { key, found });
  return found;
}
