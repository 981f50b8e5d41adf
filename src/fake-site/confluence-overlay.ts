// Confluence mutations on top of the lazy SiteContent. Deleting moves content to the trash (still readable with
// status "trashed"); purging makes it 404, as on a real site. Only touched content is held here.
import type {
  AttachmentRecord,
  ConfluenceCommentRecord,
  ContentRecord,
  SiteContent,
  SpaceRecord,
} from './model.ts';
import type { SiteClock } from './clock.ts';
import { findComment, withoutComment, withReply } from './comment-tree.ts';
import { IndexLag } from './index-lag.ts';
import { TimeIndexCache, type ItemMeta } from './time-index.ts';

export type ContentType = 'page' | 'blogpost';
export type EffectiveStatus = ContentRecord['status'] | 'trashed';

export interface LiveContent {
  record: ContentRecord;
  status: EffectiveStatus;
}

const NEW_CONTENT_ID_BASE = 900_000_000;
const NEW_COMMENT_ID_BASE = 950_000_000;

const STATUSES: ContentRecord['status'][] = ['current', 'archived', 'draft'];
/** The index tag holds the status's position in STATUSES, plus this bit for view-restricted content. */
const RESTRICTED_TAG = 8;

function metaOf(record: ContentRecord): ItemMeta {
  return {
    id: record.id,
    order: Number(record.id),
    created: Date.parse(record.createdAt),
    updated: Date.parse(record.version.createdAt),
    tag: STATUSES.indexOf(record.status) | (record.restricted ? RESTRICTED_TAG : 0),
  };
}

/** Index metas of content, with the status search sees (trash and overlay applied). */
export interface ContentMeta extends ItemMeta {
  status: EffectiveStatus;
  /** Under a view restriction the API user is not in: search leaves it out. */
  restricted: boolean;
  live: () => LiveContent | undefined;
}

export class ConfluenceOverlay {
  private readonly content: SiteContent;
  private readonly clock: SiteClock;
  private readonly overrides = new Map<string, ContentRecord>();
  private readonly trashed = new Set<string>();
  private readonly purged = new Set<string>();
  private readonly extras = new Map<string, string[]>();
  private readonly commentOwners = new Map<string, string>();
  private readonly indexes = new TimeIndexCache();
  private readonly lag: IndexLag<ItemMeta & { spaceKey: string }>;
  private createdCount = 0;
  private commentCount = 0;

  constructor(content: SiteContent, clock: SiteClock) {
    this.content = content;
    this.clock = clock;
    this.lag = new IndexLag(clock);
  }

  space(idOrKey: string): SpaceRecord | undefined {
    return this.content.spaces.find((s) => s.id === idOrKey || s.key === idOrKey);
  }

  get(id: string): LiveContent | undefined {
    if (this.purged.has(id)) return undefined;
    let record = this.overrides.get(id);
    if (!record) {
      const location = this.content.locateContent(id);
      if (!location) return undefined;
      record = this.content.content(location.spaceKey, location.type, location.index);
    }
    if (!this.space(record.spaceKey)) return undefined;
    return { record, status: this.trashed.has(id) ? 'trashed' : record.status };
  }

  /** The page or blog post holding a comment (root or reply), with the comment itself. */
  comment(id: string): { owner: LiveContent; comment: ConfluenceCommentRecord } | undefined {
    const ownerId = this.commentOwners.get(id);
    const location = ownerId ? undefined : this.content.locateConfluenceComment(id);
    const owner = ownerId
      ? this.get(ownerId)
      : location && this.get(this.content.content(location.spaceKey, location.type, location.index).id);
    if (!owner) return undefined;
    const comment = findComment([...owner.record.footerComments, ...owner.record.inlineComments], id);
    return comment ? { owner, comment } : undefined;
  }

  /** Content of one space and type in id order, generated one record at a time. */
  *list(spaceKey: string, type: ContentType, from = 0): Iterable<{ position: number; live: LiveContent }> {
    const space = this.space(spaceKey);
    if (!space) return;
    const count = type === 'page' ? space.pageCount : space.blogPostCount;
    const extras = this.extras.get(`${space.key}:${type}`) ?? [];
    for (let position = from; position < count + extras.length; position++) {
      const id = position < count ? undefined : extras[position - count]!;
      const live = id ? this.get(id) : this.getBase(space.key, type, position);
      if (live && live.record.spaceKey === space.key) yield { position, live };
    }
  }

  /** A generated record seen through the overlay, generated once (not again through locateContent). */
  private getBase(spaceKey: string, type: ContentType, index: number): LiveContent | undefined {
    const base = this.content.content(spaceKey, type, index);
    if (this.purged.has(base.id)) return undefined;
    const record = this.overrides.get(base.id) ?? base;
    return { record, status: this.trashed.has(base.id) ? 'trashed' : record.status };
  }

  /**
   * Time metas of one space and type: a compact index for generated content, overlay state on top. With
   * `asSearchSees`, content mutated within the index lag still shows its previous state (CQL's eventual
   * consistency); v2 listings read the current state.
   */
  *metas(spaceKey: string, type: ContentType, asSearchSees = false): Iterable<ContentMeta> {
    const space = this.space(spaceKey);
    if (!space) return;
    const count = type === 'page' ? space.pageCount : space.blogPostCount;
    const index = this.indexes.get(`${space.key}:${type}`, count, (i) =>
      metaOf(this.content.content(space.key, type, i)),
    );
    const ids = [...index.ids, ...(this.extras.get(`${space.key}:${type}`) ?? [])];
    const wallNow = this.clock.wallNow();
    for (const [i, id] of ids.entries()) {
      const lag = asSearchSees ? this.lag.lagging(id, wallNow) : undefined;
      const override = this.overrides.get(id);
      const seen = lag ? lag.previous : override && { ...metaOf(override), spaceKey: override.spaceKey };
      const unseen = (lag && !seen) || (seen && seen.spaceKey !== space.key);
      if (this.purged.has(id) || unseen) continue;
      const meta = seen ?? index.meta(i);
      const tag = meta.tag ?? 0;
      const status = this.trashed.has(id) ? 'trashed' : STATUSES[tag & ~RESTRICTED_TAG]!;
      yield { ...meta, status, restricted: (tag & RESTRICTED_TAG) !== 0, live: () => this.get(id) };
    }
  }

  /** Bumped by every mutation: search results computed at an older version are stale. */
  version = 0;

  private put(record: ContentRecord): ContentRecord {
    this.version++;
    this.lag.note(record.id, () => {
      const before = this.get(record.id)?.record;
      return before && { ...metaOf(before), spaceKey: before.spaceKey };
    });
    this.overrides.set(record.id, record);
    return record;
  }

  private newVersion(record: ContentRecord, body: string, title: string, message: string): ContentRecord {
    const number = record.version.number + 1;
    const version = {
      number,
      createdAt: this.clock.isoNow(),
      message,
      authorAccountId: record.authorAccountId,
    };
    return {
      ...record,
      title,
      body,
      version,
      versions: [...record.versions, { ...version, body, title }],
    };
  }

  create(spaceKey: string, type: ContentType, template: ContentRecord): ContentRecord {
    const space = this.space(spaceKey);
    if (!space) throw new Error(`unknown space ${spaceKey}`);
    const id = String(NEW_CONTENT_ID_BASE + ++this.createdCount);
    const now = this.clock.isoNow();
    const version = { number: 1, createdAt: now, message: '', authorAccountId: template.authorAccountId };
    const record: ContentRecord = {
      ...template,
      id,
      type,
      spaceKey: space.key,
      status: 'current',
      restricted: false,
      createdAt: now,
      version,
      versions: [{ ...version, body: template.body, title: template.title }],
      footerComments: [],
      inlineComments: [],
    };
    const key = `${space.key}:${type}`;
    this.extras.set(key, [...(this.extras.get(key) ?? []), id]);
    return this.put(record);
  }

  update(id: string, change: { title?: string; body?: string; message?: string }): ContentRecord | undefined {
    const live = this.get(id);
    if (!live) return undefined;
    const { record } = live;
    return this.put(
      this.newVersion(record, change.body ?? record.body, change.title ?? record.title, change.message ?? ''),
    );
  }

  /** Replaces the files of a page or blog post (an upload): its own version stays, as on a real site. */
  setAttachments(id: string, attachments: AttachmentRecord[]): ContentRecord | undefined {
    const live = this.get(id);
    return live && this.put({ ...live.record, attachments });
  }

  addComment(
    contentId: string,
    comment: ConfluenceCommentRecord,
    parentId?: string,
  ): ConfluenceCommentRecord | undefined {
    const live = this.get(contentId);
    if (!live) return undefined;
    const stamped = {
      ...comment,
      id: String(NEW_COMMENT_ID_BASE + ++this.commentCount),
      createdAt: this.clock.isoNow(),
      replies: [],
    };
    const key = comment.kind === 'footer' ? 'footerComments' : 'inlineComments';
    const list = live.record[key];
    if (parentId && !findComment(list, parentId)) return undefined;
    this.put({ ...live.record, [key]: parentId ? withReply(list, parentId, stamped) : [...list, stamped] });
    this.commentOwners.set(stamped.id, contentId);
    return stamped;
  }

  deleteComment(commentId: string): boolean {
    const found = this.comment(commentId);
    if (!found) return false;
    const { record } = found.owner;
    this.put({
      ...record,
      footerComments: withoutComment(record.footerComments, commentId),
      inlineComments: withoutComment(record.inlineComments, commentId),
    });
    return true;
  }

  /** To the trash: still listed with status=trashed and readable by id. */
  trash(id: string): boolean {
    if (!this.get(id)) return false;
    this.trashed.add(id);
    this.version++;
    return true;
  }

  purge(id: string): boolean {
    if (!this.get(id)) return false;
    this.purged.add(id);
    this.version++;
    return true;
  }

  move(id: string, toSpaceKey: string, parentId: string | null = null): ContentRecord | undefined {
    const live = this.get(id);
    const target = this.space(toSpaceKey);
    if (!live || !target) return undefined;
    const moved = {
      ...this.newVersion(live.record, live.record.body, live.record.title, 'moved'),
      spaceKey: target.key,
      parentId,
    };
    const key = `${target.key}:${live.record.type}`;
    this.extras.set(key, [...(this.extras.get(key) ?? []), id]);
    return this.put(moved);
  }
}
