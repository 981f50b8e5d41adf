// The clients validate responses only loosely (jira.js warns and returns the body as it came; confluence.js lets
// an absent list through), so the item list of every listing is checked here: a list that is missing or not a
// list of records is an unreadable listing, never a silently empty one.

export class MalformedResponseError extends Error {
  constructor(what: string) {
    // What was expected, never what came: the body may hold the very content being scanned.
    super(`the site answered with a malformed ${what}`);
    this.name = 'MalformedResponseError';
  }
}

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `list` as records whose `required` keys are strings or numbers; throws MalformedResponseError otherwise. */
export function recordsOf<T>(list: unknown, what: string, required: readonly string[] = []): T[] {
  const wellFormed =
    Array.isArray(list) &&
    list.every(
      (row) => isRow(row) && required.every((key) => ['string', 'number'].includes(typeof row[key])),
    );
  if (!wellFormed) throw new MalformedResponseError(what);
  return list as T[];
}

/** The item list `page[field]` of a listing page (see recordsOf); `listing` names the endpoint in the error. */
export function listOf<T>(
  page: unknown,
  field: string,
  listing: string,
  required: readonly string[] = [],
): T[] {
  return recordsOf<T>(isRow(page) ? page[field] : undefined, `${listing} listing`, required);
}
