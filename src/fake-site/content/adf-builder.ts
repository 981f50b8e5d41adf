// Constructors for the ADF nodes the generator emits, shaped as Jira v3 returns them (section 2.9).

import type { AdfNode } from '../model.ts';

type Mark = NonNullable<AdfNode['marks']>[number];

export const doc = (content: AdfNode[]): AdfNode => ({ type: 'doc', version: 1, content });

export const text = (value: string, marks?: Mark[]): AdfNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };

export const link = (href: string): Mark => ({ type: 'link', attrs: { href } });
export const strong: Mark = { type: 'strong' };
export const code: Mark = { type: 'code' };

export const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });

export const heading = (level: number, title: string): AdfNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(title)],
});

export const bulletList = (items: AdfNode[][]): AdfNode => ({
  type: 'bulletList',
  content: items.map((content) => ({ type: 'listItem', content: [paragraph(...content)] })),
});

export const orderedList = (items: AdfNode[][]): AdfNode => ({
  type: 'orderedList',
  attrs: { order: 1 },
  content: items.map((content) => ({ type: 'listItem', content: [paragraph(...content)] })),
});

export const codeBlock = (language: string, body: string): AdfNode => ({
  type: 'codeBlock',
  attrs: { language },
  content: body === '' ? [] : [text(body)],
});

export const panel = (panelType: string, content: AdfNode[]): AdfNode => ({
  type: 'panel',
  attrs: { panelType },
  content,
});

export const expand = (title: string, content: AdfNode[]): AdfNode => ({
  type: 'expand',
  attrs: { title },
  content,
});

const cell = (type: 'tableHeader' | 'tableCell', value: string): AdfNode => ({
  type,
  attrs: {},
  content: [paragraph(text(value))],
});

/** A table whose first row is a header row. */
export const table = (header: string[], rows: string[][]): AdfNode => ({
  type: 'table',
  attrs: { isNumberColumnEnabled: false, layout: 'default' },
  content: [
    { type: 'tableRow', content: header.map((h) => cell('tableHeader', h)) },
    ...rows.map((row) => ({ type: 'tableRow', content: row.map((v) => cell('tableCell', v)) })),
  ],
});

export const mention = (accountId: string, displayName: string): AdfNode => ({
  type: 'mention',
  attrs: { id: accountId, text: `@${displayName}`, accessLevel: '' },
});

export const inlineCard = (url: string): AdfNode => ({ type: 'inlineCard', attrs: { url } });
export const blockCard = (url: string): AdfNode => ({ type: 'blockCard', attrs: { url } });

const STATUS_COLORS: Record<string, string> = {
  DONE: 'green',
  'IN PROGRESS': 'blue',
  BLOCKED: 'red',
  'TO DO': 'neutral',
};
export const status = (label: string): AdfNode => ({
  type: 'status',
  attrs: { text: label, color: STATUS_COLORS[label] ?? 'neutral', localId: '' },
});

export const date = (epochMs: number): AdfNode => ({ type: 'date', attrs: { timestamp: String(epochMs) } });

export const emoji = (shortName: string, unicode: string): AdfNode => ({
  type: 'emoji',
  attrs: { shortName: `:${shortName}:`, text: unicode },
});

export const hardBreak = (): AdfNode => ({ type: 'hardBreak' });

const MACRO = 'com.atlassian.confluence.macro.core';

const macroParams = (parameters: Record<string, string>): Record<string, { value: string }> =>
  Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, { value }]));

/** A macro carried through ADF; its parameters are text a scanner must read. */
export const extension = (extensionKey: string, parameters: Record<string, string>): AdfNode => ({
  type: 'extension',
  attrs: {
    extensionType: MACRO,
    extensionKey,
    parameters: { macroParams: macroParams(parameters) },
  },
});

export const mediaSingle = (id: string, alt: string): AdfNode => ({
  type: 'mediaSingle',
  attrs: { layout: 'center' },
  content: [{ type: 'media', attrs: { type: 'file', id, collection: '', alt, width: 640, height: 360 } }],
});

export const blockquote = (content: AdfNode[]): AdfNode => ({ type: 'blockquote', content });

export const rule = (): AdfNode => ({ type: 'rule' });

export const taskList = (localId: string, items: Array<{ done: boolean; content: AdfNode[] }>): AdfNode => ({
  type: 'taskList',
  attrs: { localId },
  content: items.map((item, i) => ({
    type: 'taskItem',
    attrs: { localId: `${localId}-${i}`, state: item.done ? 'DONE' : 'TODO' },
    content: item.content,
  })),
});

export const decisionList = (localId: string, decisions: AdfNode[][]): AdfNode => ({
  type: 'decisionList',
  attrs: { localId },
  content: decisions.map((content, i) => ({
    type: 'decisionItem',
    attrs: { localId: `${localId}-${i}`, state: 'DECIDED' },
    content,
  })),
});

/** An expand inside a table cell must be a nestedExpand. */
export const tableWithNestedExpand = (header: string, title: string, content: AdfNode[]): AdfNode => ({
  type: 'table',
  attrs: { isNumberColumnEnabled: false, layout: 'default' },
  content: [
    { type: 'tableRow', content: [{ type: 'tableHeader', attrs: {}, content: [paragraph(text(header))] }] },
    {
      type: 'tableRow',
      content: [
        { type: 'tableCell', attrs: {}, content: [{ type: 'nestedExpand', attrs: { title }, content }] },
      ],
    },
  ],
});

export const embedCard = (url: string): AdfNode => ({ type: 'embedCard', attrs: { url, layout: 'center' } });

export const mediaGroup = (ids: string[]): AdfNode => ({
  type: 'mediaGroup',
  content: ids.map((id) => ({ type: 'media', attrs: { type: 'file', id, collection: '' } })),
});

export const mediaInline = (id: string): AdfNode => ({
  type: 'mediaInline',
  attrs: { type: 'file', id, collection: '' },
});

export const captionedMedia = (id: string, alt: string, caption: string): AdfNode => {
  const single = mediaSingle(id, alt);
  return { ...single, content: [...(single.content ?? []), { type: 'caption', content: [text(caption)] }] };
};

export const placeholder = (hint: string): AdfNode => ({ type: 'placeholder', attrs: { text: hint } });

export const layout = (columns: AdfNode[][]): AdfNode => ({
  type: 'layoutSection',
  content: columns.map((content) => ({
    type: 'layoutColumn',
    attrs: { width: 100 / columns.length },
    content,
  })),
});

export const bodiedExtension = (extensionKey: string, content: AdfNode[]): AdfNode => ({
  type: 'bodiedExtension',
  attrs: { extensionType: MACRO, extensionKey, parameters: {} },
  content,
});

export const inlineExtension = (extensionKey: string, parameters: Record<string, string>): AdfNode => ({
  type: 'inlineExtension',
  attrs: { extensionType: MACRO, extensionKey, parameters: { macroParams: macroParams(parameters) } },
});
