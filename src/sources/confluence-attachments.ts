// The site-wide Confluence attachment listing through confluence.js v2 (GET /wiki/api/v2/attachments, 250 per
// request, cursor paging): every current file of every page and blog post the token may view, with its comment,
// in a few requests instead of one per page. Downloads go through the v1 download endpoint, named by ids only.
import type { ConfluenceV2 } from './confluence.ts';
import { nextCursor, PAGE_LIMIT, type Links } from './confluence-cursor.ts';
import type { AttachmentRef } from './attachments.ts';
import { listOf } from './response-shape.ts';

interface RawAttachment {
  id: string;
  title?: string;
  pageId?: string;
  blogPostId?: string;
  mediaType?: string;
  comment?: string;
  fileSize?: number;
  version?: { number?: number; createdAt?: unknown } | null;
}

export interface ListedAttachment {
  ref: AttachmentRef;
  comment: string;
}

export async function attachmentPage(
  v2: ConfluenceV2,
  site: string,
  cursor?: string,
): Promise<{ attachments: ListedAttachment[]; cursor?: string }> {
  const page = await v2.attachment.getAttachments({ limit: PAGE_LIMIT, cursor, status: ['current'] });
  const attachments = listOf<RawAttachment>(page, 'results', 'attachment', ['id']).flatMap((raw) => {
    const itemId = raw.pageId ?? raw.blogPostId;
    if (itemId === undefined) return []; // custom content: not crawled
    const id = String(raw.id);
    const ref: AttachmentRef = {
      id,
      itemId: String(itemId),
      name: raw.title ?? '',
      mediaType: raw.mediaType ?? '',
      size: typeof raw.fileSize === 'number' ? raw.fileSize : 0,
      version: raw.version?.number ?? 1,
      downloadPath: `/wiki/rest/api/content/${encodeURIComponent(String(itemId))}/child/attachment/${encodeURIComponent(id)}/download`,
      url: `${site}/wiki/pages/viewpageattachments.action?pageId=${encodeURIComponent(String(itemId))}`,
    };
    // confluence.js may hand the version's date over as a Date. The listing names the uploader by account id only:
    // the note gives the date.
    const created = raw.version?.createdAt;
    const uploaded = created instanceof Date ? created.getTime() : Date.parse(String(created ?? ''));
    if (Number.isFinite(uploaded)) ref.uploadedAt = new Date(uploaded).toISOString();
    return [{ ref, comment: raw.comment ?? '' }];
  });
  return { attachments, cursor: nextCursor(page._links as Links | undefined, site) };
}
