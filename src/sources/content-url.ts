// Confluence web links name the page twice: by id and by a title slug (`/pages/123/Deploy+key+AKIA...`). A title
// can hold the very secret a finding masks, and the link is stored and exported, so only the id part is kept:
// Confluence resolves a page or blog post link without its slug.

/** `webui` cut after the first path segment equal to the content id (query kept); undefined when the id is not a path segment. */
export function webuiWithoutSlug(webui: string, id: string): string | undefined {
  const queryAt = webui.indexOf('?');
  const path = queryAt < 0 ? webui : webui.slice(0, queryAt);
  const segments = path.split('/');
  const idAt = segments.indexOf(id);
  if (id === '' || idAt < 0) return undefined;
  return segments.slice(0, idAt + 1).join('/') + (queryAt < 0 ? '' : webui.slice(queryAt));
}
