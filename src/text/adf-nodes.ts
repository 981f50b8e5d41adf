// How the ADF extractor treats each node type (atlassian-api.md §2.9).

/** Nodes whose start and end are line boundaries; everything else, unknown types included, is inline. */
export const BLOCK_TYPES: ReadonlySet<string> = new Set([
  'doc',
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'panel',
  'expand',
  'nestedExpand',
  'table',
  'tableRow',
  'mediaSingle',
  'mediaGroup',
  'caption',
  'blockCard',
  'embedCard',
  'taskList',
  'taskItem',
  'blockTaskItem',
  'decisionList',
  'decisionItem',
  'rule',
  'layoutSection',
  'layoutColumn',
  'extension',
  'bodiedExtension',
  'multiBodiedExtension',
  'extensionFrame',
  'syncBlock',
  'bodiedSyncBlock',
]);

/** Attributes that carry user text, per node type (a Map: node types such as `constructor` come from users). */
export const TEXT_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['mention', ['text', 'id']],
  ['status', ['text']],
  ['placeholder', ['text']],
  ['inlineCard', ['url']],
  ['blockCard', ['url']],
  ['embedCard', ['url']],
  ['media', ['alt', 'url']],
  ['mediaInline', ['alt', 'url']],
  ['expand', ['title']],
  ['nestedExpand', ['title']],
  ['extension', ['text']],
  ['bodiedExtension', ['text']],
  ['inlineExtension', ['text']],
  ['multiBodiedExtension', ['text']],
]);

/** Macros: their `parameters` hold whatever the user typed into the macro form. */
export const EXTENSION_TYPES: ReadonlySet<string> = new Set([
  'extension',
  'bodiedExtension',
  'inlineExtension',
  'multiBodiedExtension',
]);

/** Smart links: a URL, or JSON-LD `data` with its own url and name. */
export const CARD_TYPES: ReadonlySet<string> = new Set(['inlineCard', 'blockCard', 'embedCard']);
