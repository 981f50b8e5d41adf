// What the Confluence conformance tests share: walking a cursor-paged listing to its end, and catching a
// client's rejection.

export type Listing<T> = { results?: T[]; _links?: { next?: string } };

/** Follows `_links.next` to the end, counting requests; the cursor is read from the link, never assumed last. */
export async function everything<T>(
  fetchPage: (cursor: string | undefined) => Promise<Listing<T>>,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await fetchPage(cursor);
    pages++;
    items.push(...(page.results ?? []));
    cursor = page._links?.next
      ? (new URL(page._links.next, 'http://cursor.invalid').searchParams.get('cursor') ?? undefined)
      : undefined;
  } while (cursor);
  return { items, pages };
}

export async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
