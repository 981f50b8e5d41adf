// Confluence Cloud REST v2 through confluence.js: spaces, pages and blog posts with their storage bodies in the
// listings (no per-page calls), and footer/inline comments from the site-wide listings (replies included; a reply
// that does not name its page is placed through its parent comment, see crawl/comment-owners.ts), 250 per request.
import type { createV1Client, createV2Client } from 'confluence.js';
import type { Container, Doc, Item } from '../types.ts';
import { webuiWithoutSlug } from './content-url.ts';
import { storageText } from './extract.ts';
import { quoteLiteral } from './query-literal.ts';
import { listOf, MalformedResponseError, recordsOf } from './response-shape.ts';
import { CrossOriginError } from './transport.ts';
import type { SourceItem } from './jira.ts';

export type ConfluenceV2 = ReturnType<typeof createV2Client>;
export type ConfluenceV1 = ReturnType<typeof createV1Client>;

const PAGE_LIMIT = 250;

interface Links {
  next?: string;
  webui?: string;
}
interface RawContent {
  id?: string;
  title?: string;
  status?: string;
  spaceId?: string;
  createdAt?: unknown;
  version?: { number?: number; createdAt?: unknown } | null;
  body?: { storage?: { value?: string } };
  _links?: Links;
}
export interface RawComment extends RawContent {
  pageId?: string;
  blogPostId?: string;
  parentCommentId?: string;
  properties?: { inlineOriginalSelection?: string; 'inline-original-selection'?: string } | null;
}

/**
 * The v2 cursor lives in `_links.next`, relative to the host, at no fixed position, URL-encoded. A link to another
 * host, port or scheme is refused: only a hostile or broken server sends one.
 */
export function nextCursor(links: Links | undefined, site: string): string | undefined {
  if (!links?.next) return undefined;
  const next = URL.parse(links.next, site);
  if (!next) throw new MalformedResponseError('next-page link');
  if (next.origin !== new URL(site).origin) throw new CrossOriginError(next.origin);
  return next.searchParams.get('cursor') ?? undefined;
}

const iso = (value: unknown): string | undefined =>
  value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined;

export class ConfluenceSource {
  private readonly v2: ConfluenceV2;
  private readonly v1: ConfluenceV1;
  private readonly site: string;
  private readonly maxChars: number;

  constructor(v2: ConfluenceV2, v1: ConfluenceV1, site: string, maxChars: number) {
    this.v2 = v2;
    this.v1 = v1;
    this.site = site;
    this.maxChars = maxChars;
  }

  /**
   * Whether the API user is a Confluence administrator: GET /wiki/rest/api/user/current?expand=operations lists
   * the global operations the user may perform, `administer` on `application` among them for an administrator.
   */
  async isAdmin(): Promise<boolean> {
    const me = (await this.v1.users.getCurrentUser({ expand: ['operations'] })) as {
      operations?: Array<{ operation?: string; targetType?: string }> | null;
    };
    return (me.operations ?? []).some((o) => o.operation === 'administer' && o.targetType === 'application');
  }

  async whoami(): Promise<{ timeZone: string | undefined }> {
    const me = (await this.v1.users.getCurrentUser()) as { timeZone?: string | null };
    return { timeZone: me.timeZone ?? undefined };
  }

  /** Current spaces, and archived ones if asked (the two listings side by side). */
  async spaces(includeArchived: boolean): Promise<Container[]> {
    const statuses = includeArchived ? ['current', 'archived'] : ['current'];
    return (await Promise.all(statuses.map((status) => this.spacesWithStatus(status)))).flat();
  }

  private async spacesWithStatus(status: string): Promise<Container[]> {
    const out: Container[] = [];
    for (let cursor: string | undefined; ;) {
      const page = await this.v2.space.getSpaces({
        status,
        limit: PAGE_LIMIT,
        cursor,
        descriptionFormat: 'plain',
      });
      for (const s of listOf<NonNullable<typeof page.results>[number]>(page, 'results', 'space', [
        'id',
        'key',
      ])) {
        const description = (s.description as { plain?: { value?: string } } | null | undefined)?.plain
          ?.value;
        out.push({
          product: 'confluence',
          id: String(s.id),
          key: String(s.key),
          name: String(s.name ?? s.key),
          url: `${this.site}/wiki${s._links?.webui ?? `/spaces/${s.key}`}`,
          type: s.type ?? undefined,
          status: s.status ?? status,
          description: description ?? undefined,
        });
      }
      cursor = nextCursor(page._links, this.site);
      if (!cursor) return out;
    }
  }

  /** One listing page of pages or blog posts in a space, bodies included. */
  async contentPage(
    space: Container,
    type: 'page' | 'blogpost',
    includeArchived: boolean,
    cursor?: string,
  ): Promise<{ items: SourceItem[]; cursor?: string }> {
    const common = { id: Number(space.id), bodyFormat: 'storage', limit: PAGE_LIMIT, cursor } as const;
    const page =
      type === 'page'
        ? await this.v2.page.getPagesInSpace({
            ...common,
            status: includeArchived ? ['current', 'archived'] : ['current'],
          })
        : await this.v2.blogPost.getBlogPostsInSpace({ ...common, status: ['current'] });
    const items = listOf<RawContent>(page, 'results', type, ['id']).map((raw) =>
      this.toSourceItem(space, type, raw),
    );
    return { items, cursor: nextCursor(page._links as Links, this.site) };
  }

  /** One page of the site-wide footer or inline comment listing (roots and replies), newest first if asked. */
  async commentPage(
    kind: 'footer' | 'inline',
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
        ? await this.v2.comment.getFooterComments(params)
        : await this.v2.comment.getInlineComments(params);
    return {
      comments: listOf<RawComment>(page, 'results', `${kind} comment`, ['id']),
      cursor: nextCursor(page._links as Links, this.site),
    };
  }

  /** One comment by id, without its body: where a reply sits (its page, or the comment it replies to). */
  async comment(kind: 'footer' | 'inline', id: string): Promise<RawComment> {
    const params = { commentId: Number(id) };
    const found =
      kind === 'footer'
        ? await this.v2.comment.getFooterCommentById(params)
        : await this.v2.comment.getInlineCommentById(params);
    return recordsOf<RawComment>([found], `${kind} comment`, ['id'])[0]!;
  }

  /** One page of the site-wide listing of trashed pages or blog posts: deletions, cheaply. */
  async trashedPage(type: 'page' | 'blogpost', cursor?: string): Promise<{ ids: string[]; cursor?: string }> {
    const params = { status: ['trashed'], limit: PAGE_LIMIT, cursor };
    const page =
      type === 'page' ? await this.v2.page.getPages(params) : await this.v2.blogPost.getBlogPosts(params);
    const ids = listOf<RawContent>(page, 'results', `trashed ${type}`, ['id']).map((r) => String(r.id));
    return { ids, cursor: nextCursor(page._links as Links, this.site) };
  }

  /**
   * Approximate number of current pages and blog posts in the spaces, for progress bars only (CQL's
   * `totalSize`; search leaves out what the token cannot read, archived pages and the trash).
   */
  async count(spaceKeys: readonly string[]): Promise<number | undefined> {
    if (spaceKeys.length === 0) return 0;
    try {
      const keys = spaceKeys.map(quoteLiteral).join(',');
      const found = await this.v1.search.searchByCQL({
        cql: `type in (page, blogpost) and space in (${keys})`,
        limit: 1,
      });
      return typeof found.totalSize === 'number' ? found.totalSize : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * One page of a CQL search for changed pages and blog posts, bodies included. v1 paging: every parameter of
   * `_links.next` (relative to /wiki) goes back as it came.
   */
  async changedContent(
    cql: string,
    spaces: ReadonlyMap<string, Container>,
    paging: Record<string, string>,
  ): Promise<{ items: SourceItem[]; next?: Record<string, string> }> {
    const page = await this.v1.search.searchByCQL({
      cql,
      limit: 50,
      expand: ['content.body.storage', 'content.version', 'content.space'],
      ...(paging.cursor ? { cursor: paging.cursor, next: true } : {}),
    });
    const items: SourceItem[] = [];
    for (const hit of listOf<NonNullable<typeof page.results>[number]>(page, 'results', 'CQL search')) {
      const content = hit.content as (RawContent & { type?: string; space?: { key?: string } }) | undefined;
      const space = spaces.get(content?.space?.key ?? '');
      if (!content || !space || (content.type !== 'page' && content.type !== 'blogpost')) continue;
      const raw: RawContent = {
        ...content,
        version: content.version && {
          number: content.version.number,
          createdAt: iso((content.version as { when?: unknown }).when) ?? iso(content.version.createdAt),
        },
      };
      items.push(this.toSourceItem(space, content.type, raw));
    }
    const cursor = nextCursor(page._links as Links | undefined, this.site);
    return { items, next: cursor ? { cursor } : undefined };
  }

  /** The docs of one comment: its body and, for inline comments, the highlighted page text it anchors to. */
  commentDocs(
    comment: RawComment,
    kind: 'footer' | 'inline',
    itemId: string,
    itemUrl: string,
  ): { docs: Doc[]; truncated: number } {
    const field = `${kind}-comment`;
    const url = `${itemUrl}?focusedCommentId=${comment.id}`;
    const body = storageText(comment.body?.storage?.value ?? '', this.maxChars);
    const docs: Doc[] = [];
    if (body.text.trim() !== '') docs.push({ itemId, field, fieldId: comment.id, url, text: body.text });
    const selection =
      comment.properties?.['inline-original-selection'] ?? comment.properties?.inlineOriginalSelection;
    if (typeof selection === 'string' && selection.trim() !== '') {
      docs.push({ itemId, field: `${field}-selection`, fieldId: comment.id, url, text: selection });
    }
    return { docs, truncated: body.truncated ? 1 : 0 };
  }

  contentUrl(raw: RawContent, space: Container, type: 'page' | 'blogpost'): string {
    const webui = raw._links?.webui && webuiWithoutSlug(raw._links.webui, String(raw.id ?? ''));
    return webui
      ? `${this.site}/wiki${webui}`
      : `${this.site}/wiki/spaces/${space.key}/${type === 'page' ? 'pages' : 'blog'}/${raw.id}`;
  }

  private toSourceItem(space: Container, type: 'page' | 'blogpost', raw: RawContent): SourceItem {
    const url = this.contentUrl(raw, space, type);
    const item: Item = {
      product: 'confluence',
      containerKey: space.key,
      kind: type,
      id: String(raw.id),
      title: raw.title ?? '',
      url,
      created: iso(raw.createdAt),
      updated: iso(raw.version?.createdAt),
      version: raw.version?.number,
      status: raw.status,
    };
    const docs: Doc[] = [];
    if (item.title.trim() !== '') docs.push({ itemId: item.id, field: 'title', url, text: item.title });
    const body = storageText(raw.body?.storage?.value ?? '', this.maxChars);
    if (body.text.trim() !== '') docs.push({ itemId: item.id, field: 'body', url, text: body.text });
    return { item, docs, truncated: body.truncated ? 1 : 0 };
  }
}
