// Confluence footer and inline comments through confluence.js v2: pages of the site-wide listings (roots and
// replies, bodies in storage format), one comment by id (where a reply sits: see crawl/comment-owners.ts), and the
// docs a comment gives the detector.
import type { Doc } from '../types.ts';
import type { ConfluenceV2, RawContent } from './confluence.ts';
import { nextCursor, PAGE_LIMIT, type Links } from './confluence-cursor.ts';
import { storageText } from './extract.ts';
import { listOf, recordsOf } from './response-shape.ts';

export type CommentKind = 'footer' | 'inline';

export interface RawComment extends RawContent {
  pageId?: string;
  blogPostId?: string;
  parentCommentId?: string;
  properties?: { inlineOriginalSelection?: string; 'inline-original-selection'?: string } | null;
}

/** The client, the site (for next-page links) and the longest text kept per comment. */
export interface CommentReader {
  v2: ConfluenceV2;
  site: string;
  maxChars: number;
}

export class ConfluenceComments {
  private readonly reader: CommentReader;

  constructor(reader: CommentReader) {
    this.reader = reader;
  }

  /** One page of the site-wide footer or inline comment listing (roots and replies), newest first if asked. */
  async page(
    kind: CommentKind,
    cursor?: string,
    newestFirst = false,
    bodies = true,
  ): Promise<{ comments: RawComment[]; cursor?: string }> {
    const sort = newestFirst ? { sort: '-modified-date' } : {};
    // Without a body format the listing carries no bodies: an id sweep's pages stay small.
    const format = bodies ? { bodyFormat: 'storage' } : {};
    const params = { limit: PAGE_LIMIT, cursor, ...format, ...sort } as const;
    const page =
      kind === 'footer'
        ? await this.reader.v2.comment.getFooterComments(params)
        : await this.reader.v2.comment.getInlineComments(params);
    return {
      comments: listOf<RawComment>(page, 'results', `${kind} comment`, ['id']),
      cursor: nextCursor(page._links as Links, this.reader.site),
    };
  }

  /** One comment by id, without its body: where a reply sits (its page, or the comment it replies to). */
  async byId(kind: CommentKind, id: string): Promise<RawComment> {
    const params = { commentId: Number(id) };
    const found =
      kind === 'footer'
        ? await this.reader.v2.comment.getFooterCommentById(params)
        : await this.reader.v2.comment.getInlineCommentById(params);
    return recordsOf<RawComment>([found], `${kind} comment`, ['id'])[0]!;
  }

  /** The docs of one comment: its body and, for inline comments, the highlighted page text it anchors to. */
  docs(
    comment: RawComment,
    kind: CommentKind,
    itemId: string,
    itemUrl: string,
  ): { docs: Doc[]; truncated: number } {
    const field = `${kind}-comment`;
    const url = `${itemUrl}?focusedCommentId=${comment.id}`;
    const body = storageText(comment.body?.storage?.value ?? '', this.reader.maxChars);
    const docs: Doc[] = [];
    if (body.text.trim() !== '') docs.push({ itemId, field, fieldId: comment.id, url, text: body.text });
    const selection =
      comment.properties?.['inline-original-selection'] ?? comment.properties?.inlineOriginalSelection;
    if (typeof selection === 'string' && selection.trim() !== '') {
      docs.push({ itemId, field: `${field}-selection`, fieldId: comment.id, url, text: selection });
    }
    return { docs, truncated: body.truncated ? 1 : 0 };
  }
}
