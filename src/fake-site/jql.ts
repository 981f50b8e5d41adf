// The JQL subset a crawler needs: project and key (=, !=, in, not in), id, created/updated comparisons with the
// four absolute formats (read in the USER zone) and relative offsets, AND/OR/NOT, parentheses, ORDER BY
// created/updated/key/id. Errors carry Jira's 400 messages.
import type { IssueMeta } from './jira-overlay.ts';
import {
  compileWhere,
  COMPARE,
  membership,
  type Clause,
  type Predicate as QueryPredicate,
} from './query-eval.ts';
import { looksLikePlainText, parseQuery, QuerySyntaxError, type Expr, type Literal } from './query-parser.ts';
import type { Site } from './site.ts';
import { parseDateLiteral } from './time-zone.ts';

export const UNBOUNDED_MESSAGE =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

export class JqlError extends Error {}

export interface CompiledJql {
  /** Projects that can hold a match; the whole readable site when the query does not pin any. */
  projects: string[];
  matches(meta: IssueMeta): boolean;
  compare(a: IssueMeta, b: IssueMeta): number;
  /** Plain words that are not JQL: Jira runs a text search, which the fake answers with no issues. */
  plainText: boolean;
}

const DATE_FIELDS = new Set(['created', 'createddate', 'updated', 'updateddate']);

type Predicate = QueryPredicate<IssueMeta>;

function dateValue(site: Site, literal: Literal, field: string): number {
  if (!literal.quoted && /^\d+$/.test(literal.text)) return Number(literal.text); // epoch milliseconds
  const instant = parseDateLiteral(literal.text, site.options.userTimeZone, site.clock.now());
  if (instant === undefined) {
    throw new JqlError(
      `Date value '${literal.text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
    );
  }
  return instant;
}

/**
 * A project the query names, if the API user may browse it. Jira's JQL validator counts a project only where the
 * searcher has Browse Projects on it (its ProjectValuesExistValidator checks BROWSE per project), so a project an
 * administrator sees in project/search but cannot browse draws the same 400 as an unknown one; and the search/jql
 * reference includes an issue only where the user has Browse Projects for its project, so a query that names no
 * project simply never returns its issues.
 */
function readableProject(site: Site, value: string) {
  const project = site.content.projects.find(
    (p) => p.key === value.toUpperCase() || p.id === value || p.name.toLowerCase() === value.toLowerCase(),
  );
  if (!project || project.forbidden)
    throw new JqlError(`The value '${value}' does not exist for the field 'project'.`);
  return project;
}

function member(op: string, field: string, values: string[], read: (meta: IssueMeta) => string): Predicate {
  return membership(
    op,
    values,
    read,
    () => new JqlError(`The operator '${op}' is not supported by the '${field}' field.`),
  );
}

class Compiler {
  readonly projectHints: Array<Set<string> | undefined> = [];
  private readonly site: Site;
  constructor(site: Site) {
    this.site = site;
  }

  compile(expr: Expr): Predicate {
    return compileWhere(expr, (clause) => this.clause(clause));
  }

  private clause({ field, op, values }: Clause): Predicate {
    if (field === 'project') {
      const keys = values.map((v) => readableProject(this.site, v.text).key);
      return member(op, field, keys, (meta) => meta.projectKey);
    }
    if (field === 'key' || field === 'issuekey' || field === 'id') {
      const ids = values.map((v) => {
        const issue = this.site.jira.issue(v.text.toUpperCase());
        if (!issue || this.site.jira.project(issue.projectKey)?.forbidden) {
          throw new JqlError(`The value '${v.text}' does not exist for the field '${field}'.`);
        }
        return issue.id;
      });
      return member(op, field, ids, (meta) => meta.id);
    }
    if (DATE_FIELDS.has(field)) {
      const test = COMPARE[op];
      if (!test || values.length !== 1)
        throw new JqlError(`The operator '${op}' is not supported by the '${field}' field.`);
      const bound = dateValue(this.site, values[0]!, field);
      return field.startsWith('created')
        ? (meta) => test(meta.created, bound)
        : (meta) => test(meta.updated, bound);
    }
    throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
  }
}

/** Projects a match must lie in: intersected through AND, united through OR; undefined = any project. */
function projectScope(site: Site, expr: Expr): Set<string> | undefined {
  if (expr.kind === 'not') return undefined;
  if (expr.kind === 'clause') {
    if ((expr.op !== '=' && expr.op !== 'in') || !['project', 'key', 'issuekey', 'id'].includes(expr.field))
      return undefined;
    if (expr.field === 'project') return new Set(expr.values.map((v) => readableProject(site, v.text).key));
    return new Set(expr.values.map((v) => site.jira.issue(v.text.toUpperCase())?.projectKey ?? ''));
  }
  const scopes = expr.items.map((item) => projectScope(site, item));
  if (expr.kind === 'or') return scopes.some((s) => !s) ? undefined : new Set(scopes.flatMap((s) => [...s!]));
  return scopes.reduce<Set<string> | undefined>(
    (acc, s) => (!s ? acc : !acc ? s : new Set([...acc].filter((k) => s.has(k)))),
    undefined,
  );
}

const SORT_KEYS: Record<string, (meta: IssueMeta) => number | string> = {
  created: (m) => m.created,
  updated: (m) => m.updated,
  key: (m) => `${m.projectKey}\u0000${String(m.order).padStart(12, '0')}`,
  issuekey: (m) => `${m.projectKey}\u0000${String(m.order).padStart(12, '0')}`,
  id: (m) => Number(m.id),
};

export function compileJql(site: Site, jql: string | undefined): CompiledJql {
  const text = (jql ?? '').trim();
  let parsed;
  try {
    parsed = parseQuery(text);
  } catch (error) {
    if (error instanceof QuerySyntaxError && looksLikePlainText(text)) {
      return { projects: [], matches: () => false, compare: () => 0, plainText: true };
    }
    throw new JqlError(error instanceof Error ? error.message : 'Error in the JQL query.');
  }
  if (!parsed.where) throw new JqlError(UNBOUNDED_MESSAGE);
  if (parsed.orderBy.length > 7) throw new JqlError('The ORDER BY clause may contain at most 7 fields.');
  const where = parsed.where;
  const matches = new Compiler(site).compile(where);
  const sorts = parsed.orderBy.map(({ field, direction }) => {
    const read = SORT_KEYS[field];
    if (!read)
      throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
    return { read, sign: direction === 'desc' ? -1 : 1 };
  });
  const readable = site.content.projects.filter((p) => !p.forbidden).map((p) => p.key);
  const scope = projectScope(site, where);
  return {
    projects: scope ? readable.filter((k) => scope.has(k)) : readable,
    matches,
    compare(a, b) {
      for (const { read, sign } of sorts) {
        const x = read(a);
        const y = read(b);
        if (x !== y) return (x < y ? -1 : 1) * sign;
      }
      return Number(a.id) - Number(b.id);
    },
    plainText: false,
  };
}
