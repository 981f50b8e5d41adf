// The changelog of issues edited through the overlay: text fields keep their old and new value as plain
// text in fromString/toString, as Jira's changelog does (generated issues start with no history).
import type { IssueRecord } from './model.ts';

export interface ChangeRecord {
  id: string;
  created: string;
  authorAccountId: string;
  items: Array<{
    field: string;
    fieldtype: 'jira';
    fieldId: string;
    fromString: string | null;
    toString: string | null;
  }>;
}

const TRACKED = ['summary', 'description', 'environment'] as const;

/** Plain text of a string or of the text nodes of an ADF document. */
function plain(value: unknown): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  const texts: string[] = [];
  JSON.stringify(value, (key, v: unknown) =>
    key === 'text' && typeof v === 'string' ? (texts.push(v), v) : v,
  );
  return texts.join(' ');
}

export class IssueHistory {
  private readonly entries = new Map<string, ChangeRecord[]>();
  private count = 0;

  record(before: IssueRecord, patch: Partial<Pick<IssueRecord, (typeof TRACKED)[number]>>, at: string): void {
    const items = TRACKED.filter((field) => field in patch).map((field) => ({
      field,
      fieldtype: 'jira' as const,
      fieldId: field,
      fromString: plain(before[field]),
      toString: plain(patch[field]),
    }));
    if (!items.length) return;
    const list = this.entries.get(before.id) ?? [];
    list.push({ id: String(++this.count), created: at, authorAccountId: before.reporterAccountId, items });
    this.entries.set(before.id, list);
  }

  of(issueId: string): ChangeRecord[] {
    return this.entries.get(issueId) ?? [];
  }
}
