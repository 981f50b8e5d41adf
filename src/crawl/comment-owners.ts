// Which page or blog post a listed Confluence comment belongs to. Root comments name it (pageId / blogPostId);
// the v2 reference marks those fields optional on replies and nothing records that a real site fills them in, so
// a reply without them is attributed through its parent comment: one seen earlier in the listing, or else read by
// id (GET /footer-comments/{id} documents pageId and blogPostId), climbing while the parent is a reply too. A
// reply whose page cannot be found is returned as unattributed, for the caller to count as a gap: never dropped
// silently.
import type { RawComment } from '../sources/confluence-comments.ts';

/** Owners remembered for replies still to come: a few megabytes at most; older ones are read again by id. */
const REMEMBERED = 100_000;
/** Reply chains are short (Confluence nests replies a few levels); a longer one is treated as broken. */
const MAX_DEPTH = 32;

export interface AttributedComment {
  comment: RawComment;
  /** The id of the page or blog post the comment is on. */
  ownerId: string;
}

/** The comment with this id, or undefined when the site no longer has it (404). */
export type CommentLookup = (id: string) => Promise<RawComment | undefined>;

const namedOwner = (c: RawComment): string | undefined => c.pageId ?? c.blogPostId;

export class CommentOwners {
  private readonly owners = new Map<string, string>();
  private readonly lookup: CommentLookup;

  constructor(lookup: CommentLookup) {
    this.lookup = lookup;
  }

  /** The comments of one listing page with their owners, and those whose owner could not be found. */
  async attribute(
    comments: readonly RawComment[],
  ): Promise<{ attributed: AttributedComment[]; unattributed: RawComment[] }> {
    for (const c of comments) {
      const owner = namedOwner(c);
      if (owner !== undefined) this.remember(String(c.id), owner);
    }
    // Replies whose parent is on this page, in any order (a newest-first listing shows replies first).
    for (let progress = true; progress;) {
      progress = false;
      for (const c of comments) {
        const owner = this.ownerOf(c);
        if (owner !== undefined && !this.owners.has(String(c.id))) {
          this.remember(String(c.id), owner);
          progress = true;
        }
      }
    }
    const missing = [...new Set(comments.filter((c) => this.ownerOf(c) === undefined).map(parentOf))];
    await Promise.all(missing.map((id) => this.climb(id, 0)));
    const attributed: AttributedComment[] = [];
    const unattributed: RawComment[] = [];
    for (const comment of comments) {
      const ownerId = this.ownerOf(comment);
      if (ownerId === undefined) unattributed.push(comment);
      else attributed.push({ comment, ownerId });
    }
    return { attributed, unattributed };
  }

  private ownerOf(comment: RawComment): string | undefined {
    return namedOwner(comment) ?? this.owners.get(parentOf(comment));
  }

  /** Finds and remembers the owner of comment `id` by reading it, and its parents while they are replies. */
  private async climb(id: string, depth: number): Promise<string | undefined> {
    const known = this.owners.get(id);
    if (known !== undefined || id === '' || depth >= MAX_DEPTH) return known;
    const comment = await this.lookup(id);
    if (!comment) return undefined;
    const owner = namedOwner(comment) ?? (await this.climb(parentOf(comment), depth + 1));
    if (owner !== undefined) this.remember(id, owner);
    return owner;
  }

  private remember(id: string, owner: string): void {
    this.owners.delete(id);
    this.owners.set(id, owner);
    if (this.owners.size > REMEMBERED) this.owners.delete(this.owners.keys().next().value!);
  }
}

function parentOf(comment: RawComment): string {
  return comment.parentCommentId === undefined ? '' : String(comment.parentCommentId);
}
