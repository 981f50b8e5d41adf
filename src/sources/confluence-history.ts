// Former versions of Confluence pages and blog posts (history keeps what an edit removed). One request lists up
// to 250 versions of one item with their bodies (v2 `GET /pages/{id}/versions?body-format=storage`); a version
// listed without its body is read on its own (`GET /pages/{id}?version=N`).
import type { Doc, Item } from '../types.ts';
import type { ConfluenceV2 } from './confluence.ts';
import { nextCursor, PAGE_LIMIT } from './confluence-cursor.ts';
import { storageText } from './extract.ts';
import type { SourceItem } from './jira.ts';

interface RawVersion {
  number?: number;
  page?: { title?: string | null; body?: { storage?: { value?: string } | null } | null } | null;
  blogpost?: RawVersion['page'];
}

/** Field of a finding in a former version: `version:<n>` (body) and `version:<n>:title`. */
export const versionField = (n: number) => `version:${n}`;

export class ConfluenceHistory {
  private readonly v2: ConfluenceV2;
  private readonly site: string;
  private readonly maxChars: number;

  constructor(v2: ConfluenceV2, site: string, maxChars: number) {
    this.v2 = v2;
    this.site = site;
    this.maxChars = maxChars;
  }

  /** Deep link to one version of a page or blog post. */
  versionUrl(id: string, n: number): string {
    return `${this.site}/wiki/pages/viewpage.action?pageId=${id}&pageVersion=${n}`;
  }

  /**
   * The docs of the item's versions numbered `from` up to, not including, its current one: its old bodies, and
   * its old titles where they differ from the current title. Newest first, so the listing stops at `from`.
   */
  async formerVersions(item: Item, from: number): Promise<SourceItem> {
    const current = item.version ?? 1;
    const type = item.kind === 'blogpost' ? 'blogpost' : 'page';
    const docs: Doc[] = [];
    let truncated = 0;
    for (let cursor: string | undefined, more = true; more;) {
      const params = { id: Number(item.id), bodyFormat: 'storage', limit: PAGE_LIMIT, cursor } as const;
      const page =
        type === 'page'
          ? await this.v2.version.getPageVersions({ ...params, sort: '-modified-date' })
          : await this.v2.version.getBlogPostVersions({ ...params, sort: '-modified-date' });
      for (const raw of (page.results ?? []) as RawVersion[]) {
        const n = raw.number ?? 0;
        if (n >= current || n < from) continue;
        const entity = type === 'page' ? raw.page : raw.blogpost;
        const body = entity?.body?.storage?.value ?? (await this.versionBody(type, item.id, n));
        const url = this.versionUrl(item.id, n);
        const text = storageText(body, this.maxChars);
        if (text.truncated) truncated++;
        if (text.text.trim() !== '')
          docs.push({ itemId: item.id, field: versionField(n), url, text: text.text });
        const title = entity?.title ?? '';
        if (title.trim() !== '' && title !== item.title)
          docs.push({ itemId: item.id, field: `${versionField(n)}:title`, url, text: title });
      }
      const oldest = Math.min(...((page.results ?? []) as RawVersion[]).map((r) => r.number ?? 0));
      cursor = nextCursor(page._links, this.site);
      more = cursor !== undefined && oldest > from;
    }
    return { item, docs, truncated };
  }

  private async versionBody(type: 'page' | 'blogpost', id: string, n: number): Promise<string> {
    const params = { id: Number(id), version: n, bodyFormat: 'storage' } as const;
    const content =
      type === 'page'
        ? await this.v2.page.getPageById(params)
        : await this.v2.blogPost.getBlogPostById(params);
    return (content.body as { storage?: { value?: string } } | undefined)?.storage?.value ?? '';
  }
}
