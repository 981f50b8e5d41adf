// How the storage-format extractor treats each element (atlassian-api.md §3.7). Names are lower-case.

/** Elements whose start and end are line boundaries, so words in neighbouring blocks never run together. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'hr',
  'caption',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'figure',
  'figcaption',
  'address',
  'details',
  'summary',
  'ac:structured-macro',
  'ac:macro',
  'ac:parameter',
  'ac:rich-text-body',
  'ac:plain-text-body',
  'ac:task-list',
  'ac:task',
  'ac:task-body',
  'ac:layout',
  'ac:layout-section',
  'ac:layout-cell',
  'ac:adf-extension',
  'ac:adf-node',
  'ac:adf-content',
]);

/** Table structure other than rows and cells: ends any open cell. */
export const TABLE_ELEMENTS: ReadonlySet<string> = new Set(['table', 'thead', 'tbody', 'tfoot']);

export const CELL_ELEMENTS: ReadonlySet<string> = new Set(['td', 'th']);

/** Elements whose own text is machinery, not content. */
export const SILENT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'ac:task-id',
  'ac:task-uuid',
  'ac:task-status',
]);

/** Attributes that carry user text or URLs (links, resources, images, mentions, times). */
export const TEXT_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'alt',
  'title',
  'datetime',
  'ac:alt',
  'ac:title',
  'ri:value',
  'ri:content-title',
  'ri:filename',
  'ri:account-id',
  'ri:userkey',
  'ri:username',
]);
