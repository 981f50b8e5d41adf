// Derived body representations. Records hold Jira rich text as ADF and Confluence bodies as storage XHTML; the
// APIs also serve HTML (Jira renderedFields, Confluence `view`) and Confluence ADF (`atlas_doc_format`). These
// conversions are deliberately simple and honest: they keep every text run (CDATA code, link bodies, mention
// and URL attributes) and the main block structure (paragraphs, headings, lists, tables, code), and drop
// styling, layout and macro chrome. They are not Atlassian's renderers.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { AdfNode } from './model.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

const ADF_BLOCK_TAGS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  table: 'table',
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
  panel: 'div',
  expand: 'div',
  nestedExpand: 'div',
};

function textWithMarks(node: AdfNode): string {
  let html = escapeHtml(node.text ?? '');
  for (const mark of node.marks ?? []) {
    if (mark.type === 'strong') html = `<b>${html}</b>`;
    else if (mark.type === 'em') html = `<em>${html}</em>`;
    else if (mark.type === 'code') html = `<code>${html}</code>`;
    else if (mark.type === 'link')
      html = `<a href="${escapeHtml(String(mark.attrs?.href ?? ''))}">${html}</a>`;
  }
  return html;
}

/** Jira-style HTML rendering of an ADF document (renderedFields, renderedBody). */
export function adfToHtml(node: AdfNode | null | undefined): string {
  if (!node) return '';
  const inner = (node.content ?? []).map(adfToHtml).join('');
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'doc':
      return inner;
    case 'text':
      return textWithMarks(node);
    case 'hardBreak':
      return '<br/>';
    case 'heading':
      return `<h${Number(attrs.level ?? 1)}>${inner}</h${Number(attrs.level ?? 1)}>`;
    case 'codeBlock':
      return `<div class="code panel"><pre>${inner}</pre></div>`;
    case 'mention':
    case 'status':
    case 'placeholder':
      return `<span>${escapeHtml(String(attrs.text ?? ''))}</span>`;
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard':
      return `<a href="${escapeHtml(String(attrs.url ?? ''))}">${escapeHtml(String(attrs.url ?? ''))}</a>`;
    case 'expand':
    case 'nestedExpand':
      return `<div class="expand"><b>${escapeHtml(String(attrs.title ?? ''))}</b>${inner}</div>`;
    case 'media':
      return attrs.alt ? `<span class="image">${escapeHtml(String(attrs.alt))}</span>` : '';
    case 'extension':
    case 'bodiedExtension':
    case 'inlineExtension':
      return `<div class="extension">${escapeHtml(JSON.stringify(attrs.parameters ?? {}))}${inner}</div>`;
    default: {
      const tag = ADF_BLOCK_TAGS[node.type];
      return tag ? `<${tag}>${inner}</${tag}>` : inner;
    }
  }
}

function parseStorage(storage: string): ChildNode[] {
  return parseDocument(storage, { recognizeCDATA: true, decodeEntities: true, xmlMode: false }).children;
}

function textOf(nodes: ChildNode[]): string {
  return nodes
    .map((n) => (n.type === 'text' ? n.data : 'children' in n ? textOf(n.children as ChildNode[]) : ''))
    .join('');
}

function isCodeMacro(element: Element): boolean {
  return (
    element.name === 'ac:structured-macro' && ['code', 'noformat'].includes(element.attribs['ac:name'] ?? '')
  );
}

function plainBody(element: Element): string {
  const body = element.children.find(
    (c): c is Element => c.type === 'tag' && c.name === 'ac:plain-text-body',
  );
  return body ? textOf(body.children as ChildNode[]) : '';
}

const STORAGE_BLOCKS: Record<string, string> = {
  p: 'paragraph',
  ul: 'bulletList',
  ol: 'orderedList',
  li: 'listItem',
  table: 'table',
  tr: 'tableRow',
  th: 'tableHeader',
  td: 'tableCell',
  blockquote: 'blockquote',
};

function inlineToAdf(nodes: ChildNode[]): AdfNode[] {
  const out: AdfNode[] = [];
  for (const node of nodes) {
    if (node.type === 'text' && node.data) out.push({ type: 'text', text: node.data });
    if (node.type === 'cdata') out.push(...inlineToAdf(node.children as ChildNode[]));
    if (node.type !== 'tag') continue;
    const url =
      node.name === 'ri:url' ? node.attribs['ri:value'] : node.name === 'a' ? node.attribs.href : undefined;
    if (url) out.push({ type: 'inlineCard', attrs: { url } });
    if (node.name === 'ri:user')
      out.push({ type: 'mention', attrs: { id: node.attribs['ri:account-id'] ?? '', text: '' } });
    out.push(...inlineToAdf(node.children as ChildNode[]));
  }
  return out;
}

function blocksToAdf(nodes: ChildNode[]): AdfNode[] {
  const out: AdfNode[] = [];
  let loose: ChildNode[] = [];
  const flush = () => {
    const content = inlineToAdf(loose);
    if (content.length) out.push({ type: 'paragraph', content });
    loose = [];
  };
  for (const node of nodes) {
    if (node.type !== 'tag') {
      loose.push(node);
      continue;
    }
    const heading = /^h([1-6])$/.exec(node.name);
    const block = STORAGE_BLOCKS[node.name];
    if (isCodeMacro(node) || node.name === 'pre') {
      flush();
      const text = node.name === 'pre' ? textOf(node.children as ChildNode[]) : plainBody(node);
      out.push({ type: 'codeBlock', attrs: {}, content: text ? [{ type: 'text', text }] : [] });
    } else if (heading) {
      flush();
      out.push({
        type: 'heading',
        attrs: { level: Number(heading[1]) },
        content: inlineToAdf(node.children as ChildNode[]),
      });
    } else if (block === 'paragraph') {
      flush();
      out.push({ type: 'paragraph', content: inlineToAdf(node.children as ChildNode[]) });
    } else if (block) {
      flush();
      const children = blocksToAdf(node.children as ChildNode[]);
      out.push({
        type: block,
        content: block === 'table' || block === 'tableRow' ? children.flatMap(unwrapRows) : children,
      });
    } else if (
      [
        'ac:rich-text-body',
        'ac:structured-macro',
        'div',
        'tbody',
        'thead',
        'ac:task-list',
        'ac:task',
        'ac:task-body',
      ].includes(node.name)
    ) {
      flush();
      out.push(...blocksToAdf(node.children as ChildNode[]));
    } else {
      loose.push(node);
    }
  }
  flush();
  return out;
}

/** Table bodies carry their rows directly in ADF; cells must hold blocks. */
function unwrapRows(node: AdfNode): AdfNode[] {
  return node.type === 'paragraph' && !node.content?.length ? [] : [node];
}

/** Confluence `atlas_doc_format` derived from storage (see the file comment for what it keeps). */
export function storageToAdf(storage: string): AdfNode {
  return { type: 'doc', version: 1, content: blocksToAdf(parseStorage(storage)) };
}

function viewOf(nodes: ChildNode[], displayName: (accountId: string) => string): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return escapeHtml(node.data);
      if (node.type === 'cdata') return escapeHtml(textOf(node.children as ChildNode[]));
      if (node.type !== 'tag') return '';
      if (isCodeMacro(node)) return `<pre class="syntaxhighlighter-pre">${escapeHtml(plainBody(node))}</pre>`;
      if (node.name === 'ac:parameter') return '';
      if (node.name === 'ri:user') {
        const id = node.attribs['ri:account-id'] ?? '';
        return `<a class="confluence-userlink" data-account-id="${escapeHtml(id)}">${escapeHtml(displayName(id))}</a>`;
      }
      if (node.name === 'ri:url')
        return `<a href="${escapeHtml(node.attribs['ri:value'] ?? '')}">${escapeHtml(node.attribs['ri:value'] ?? '')}</a>`;
      const inner = viewOf(node.children as ChildNode[], displayName);
      if (node.name.includes(':')) return inner;
      const attrs = node.name === 'a' && node.attribs.href ? ` href="${escapeHtml(node.attribs.href)}"` : '';
      return `<${node.name}${attrs}>${inner}</${node.name}>`;
    })
    .join('');
}

/** Confluence `view` HTML derived from storage: macros flattened, code as escaped `<pre>`. */
export function storageToView(storage: string, displayName: (accountId: string) => string): string {
  return viewOf(parseStorage(storage), displayName);
}
