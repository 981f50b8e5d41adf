// What JQL and CQL evaluation share once a query is parsed: AND/OR/NOT over compiled clauses, set membership
// (=, !=, in, not in) and the numeric comparators of date fields. Field meaning stays in jql.ts and cql.ts.
import type { Expr } from './query-parser.ts';

export type Clause = Extract<Expr, { kind: 'clause' }>;
export type Predicate<T> = (candidate: T) => boolean;

export const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

/** Combines the predicates `clause` builds for each field comparison; `clause` throws for what it rejects. */
export function compileWhere<T>(expr: Expr, clause: (c: Clause) => Predicate<T>): Predicate<T> {
  if (expr.kind === 'clause') return clause(expr);
  if (expr.kind === 'not') {
    const inner = compileWhere(expr.expr, clause);
    return (candidate) => !inner(candidate);
  }
  const items = expr.items.map((item) => compileWhere(item, clause));
  return expr.kind === 'and'
    ? (candidate) => items.every((p) => p(candidate))
    : (candidate) => items.some((p) => p(candidate));
}

/** `field = x`, `!=`, `in (...)`, `not in (...)` against the value `read` takes from a candidate. */
export function membership<T>(
  op: string,
  values: Iterable<string>,
  read: (candidate: T) => string,
  unsupported: () => Error,
): Predicate<T> {
  if (!['=', '!=', 'in', 'not in'].includes(op)) throw unsupported();
  const set = new Set(values);
  const negate = op === '!=' || op === 'not in';
  return (candidate) => set.has(read(candidate)) !== negate;
}
