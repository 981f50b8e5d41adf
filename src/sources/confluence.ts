// Confluence Cloud REST v2 through confluence.js: spaces, pages and blog posts with their storage bodies in the
// listings (no per-page calls), 250 per request; comments are confluence-comments.ts.
import type { createV1Client, createV2Client } from 'confluence.js';
import type { Container, Doc, Item } from '../types.ts';
import { webuiWithoutSlug } from './content-url.ts';
import { storageText } from './extract.ts';
import { quoteLiteral } from './query-literal.ts';
import { ConfluenceComments } from './confluence-comments.ts';
import { attachmentPage, type ListedAttachment } from './confluence-attachments.ts';
import { nextCursor, PAGE_LIMIT, type Links } from './confluence-cursor.ts';
import { listOf } from './response-shape.ts';
import type { SourceItem } from './jira.ts';

export type ConfluenceV2 = ReturnType<typeof createV2Client>;
export type ConfluenceV1 = ReturnType<typeof createV1Client>;

export interface RawContent {
  id?: string;
  title?: string;
  status?: string;
  spaceId?: string;
  createdAt?: unknown;
  version?: { number?: number; createdAt?: unknown } | null;
  body?: { storage?: { value?: string } };
  _links?: Links;
}

const iso = (value: unknown): string | undefined =>
  value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined;

export class ConfluenceSource {
  private readonly v2: ConfluenceV2;
  private readonly v1: ConfluenceV1;
  private readonly site: string;
  private readonly maxChars: number;
  /** The site-wide footer and inline comment listings, and comments by id. */
  readonly comments: ConfluenceComments;

  constructor(v2: ConfluenceV2, v1: ConfluenceV1, site: string, maxChars: number) {
    this.v2 = v2;
    this.v1 = v1;
    this.site = site;
    this.maxChars = maxChars;
    this.comments = new ConfluenceComments({ v2, site, maxChars });
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

  /** One page of the site-wide attachment listing (see confluence-attachments.ts). */
  attachmentPage(cursor?: string): Promise<{ attachments: ListedAttachment[]; cursor?: string }> {
    return attachmentPage(this.v2, this.site, cursor);
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
