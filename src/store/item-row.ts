// The `items` row of a scanned item: its upsert and parameters, with a title that holds no finding's value.
import { maskSpans } from '../detect/mask-spans.ts';
import type { PlacedFinding, ScannedItem } from './model.ts';

const WITHHELD_TITLE = '[title withheld: it holds a finding]';

/**
 * Titles are document text: a token pasted into an issue summary must not reach the database. Each title finding's
 * span is replaced by its masked preview; when spans do not fit the title, the whole title is withheld.
 */
export function maskTitle(title: string, findings: readonly PlacedFinding[]): string {
  return (
    maskSpans(
      title,
      findings.filter((f) => f.field === 'title'),
    ) ?? WITHHELD_TITLE
  );
}

/** Inserts or updates the item (a re-scan counts one more scan); returns its row id and scan count. */
export const UPSERT_ITEM_SQL = `
  INSERT INTO items (site_id, container_id, product, external_id, kind, key, title, url, created, updated, version,
    status, reporter, assignee, last_editor, content_hash, scans, last_scanned_run, scanned_at, deleted)
  VALUES (@siteId, @containerId, @product, @id, @kind, @key, @title, @url, @created, @updated, @version,
    @status, @reporter, @assignee, @lastEditor, @contentHash, 1, @runId, @now, 0)
  ON CONFLICT (site_id, product, external_id) DO UPDATE SET
    container_id = excluded.container_id, kind = excluded.kind, key = excluded.key, title = excluded.title,
    url = excluded.url, created = excluded.created, updated = excluded.updated, version = excluded.version,
    status = excluded.status, reporter = excluded.reporter, assignee = excluded.assignee,
    last_editor = excluded.last_editor, content_hash = excluded.content_hash, scans = items.scans + 1,
    last_scanned_run = excluded.last_scanned_run, scanned_at = excluded.scanned_at, deleted = 0
  RETURNING id, scans`;

export function itemParams(
  siteId: number,
  containerId: number,
  { item, contentHash }: ScannedItem,
  findings: readonly PlacedFinding[],
  runId: number,
  now: string,
): Record<string, unknown> {
  return {
    siteId,
    containerId,
    product: item.product,
    id: item.id,
    kind: item.kind,
    key: item.key ?? null,
    title: maskTitle(item.title, findings),
    url: item.url,
    created: item.created ?? null,
    updated: item.updated ?? null,
    version: item.version ?? null,
    status: item.status ?? null,
    reporter: item.people?.reporter ?? null,
    assignee: item.people?.assignee ?? null,
    lastEditor: item.people?.lastEditor ?? null,
    contentHash,
    runId,
    now,
  };
}
