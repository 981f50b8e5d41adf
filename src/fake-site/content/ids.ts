// Dense, computable ids: every id is arithmetic on (container ordinal, item index), so the server can route
// `/issue/10000042` or `/pages/20000007` to a record without holding an index of 100,000 items.

/** Room for a million issues per project, including ones the server creates later. */
const ISSUE_STRIDE = 1_000_000;
/** Comment ids are the parent's id times this plus a local ordinal; no item carries more comments. */
export const COMMENT_STRIDE = 1000;
const SPACE_STRIDE = 10_000_000;
const BLOGPOST_OFFSET = 5_000_000;

export type ContentType = 'page' | 'blogpost';

export function projectId(ordinal: number): string {
  return String(10_000 + ordinal);
}

export function spaceId(ordinal: number): string {
  return String(65_536 + ordinal);
}

export function issueId(projectOrdinal: number, index: number): string {
  return String((projectOrdinal + 1) * ISSUE_STRIDE + index);
}

export function issueKey(projectKey: string, index: number): string {
  return `${projectKey}-${index + 1}`;
}

export function contentId(spaceOrdinal: number, type: ContentType, index: number): string {
  return String((spaceOrdinal + 1) * SPACE_STRIDE + (type === 'blogpost' ? BLOGPOST_OFFSET : 0) + index);
}

/** Jira comment ids and Confluence comment ids (roots and replies share one ordinal sequence per item). */
export function commentId(parentId: string, ordinal: number): string {
  return String(Number(parentId) * COMMENT_STRIDE + ordinal);
}

function decimal(text: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(text) ? Number(text) : undefined;
}

export function parseIssueId(id: string): { projectOrdinal: number; index: number } | undefined {
  const n = decimal(id);
  if (n === undefined || n < ISSUE_STRIDE) return undefined;
  return { projectOrdinal: Math.floor(n / ISSUE_STRIDE) - 1, index: n % ISSUE_STRIDE };
}

export function parseIssueKey(key: string): { projectKey: string; index: number } | undefined {
  const match = /^([A-Z][A-Z0-9_]*)-([1-9]\d{0,8})$/.exec(key);
  if (!match) return undefined;
  return { projectKey: match[1] as string, index: Number(match[2]) - 1 };
}

export function parseContentId(
  id: string,
): { spaceOrdinal: number; type: ContentType; index: number } | undefined {
  const n = decimal(id);
  if (n === undefined || n < SPACE_STRIDE) return undefined;
  const within = n % SPACE_STRIDE;
  const type: ContentType = within >= BLOGPOST_OFFSET ? 'blogpost' : 'page';
  return {
    spaceOrdinal: Math.floor(n / SPACE_STRIDE) - 1,
    type,
    index: type === 'blogpost' ? within - BLOGPOST_OFFSET : within,
  };
}

/** The item id a comment id belongs to, and the comment's local ordinal. */
export function parseCommentId(id: string): { parentId: string; ordinal: number } | undefined {
  const n = decimal(id);
  if (n === undefined) return undefined;
  return { parentId: String(Math.floor(n / COMMENT_STRIDE)), ordinal: n % COMMENT_STRIDE };
}
