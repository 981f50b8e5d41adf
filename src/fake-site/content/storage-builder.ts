// Constructors for Confluence storage-format XHTML (section 3.7). Text and attributes are escaped here and
// only here; CDATA bodies are split around `]]>` so any value survives a parser with CDATA recognition.

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

export function cdata(value: string): string {
  return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export const p = (html: string): string => `<p>${html}</p>`;
export const heading = (level: number, title: string): string =>
  `<h${level}>${escapeText(title)}</h${level}>`;
export const strong = (value: string): string => `<strong>${escapeText(value)}</strong>`;
export const anchor = (href: string, label: string): string =>
  `<a href="${escapeAttr(href)}">${escapeText(label)}</a>`;

export const list = (items: string[], ordered = false): string => {
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((html) => `<li>${html}</li>`).join('')}</${tag}>`;
};

const parameter = (name: string, value: string): string =>
  `<ac:parameter ac:name="${name}">${escapeText(value)}</ac:parameter>`;

/** code, noformat: macros whose body is raw text in CDATA. */
export const plainMacro = (
  name: string,
  macroId: string,
  body: string,
  params: Record<string, string> = {},
): string =>
  `<ac:structured-macro ac:name="${name}" ac:schema-version="1" ac:macro-id="${macroId}">` +
  Object.entries(params)
    .map(([key, value]) => parameter(key, value))
    .join('') +
  `<ac:plain-text-body>${cdata(body)}</ac:plain-text-body></ac:structured-macro>`;

export const codeMacro = (macroId: string, language: string, title: string, body: string): string =>
  plainMacro('code', macroId, body, title === '' ? { language } : { language, title });

/** info, note, warning, tip, panel, expand: macros whose body is more XHTML. */
export const richMacro = (name: string, macroId: string, bodyHtml: string, title = ''): string =>
  `<ac:structured-macro ac:name="${name}" ac:schema-version="1" ac:macro-id="${macroId}">` +
  (title === '' ? '' : parameter('title', title)) +
  `<ac:rich-text-body>${bodyHtml}</ac:rich-text-body></ac:structured-macro>`;

export const table = (header: string[], rows: string[][]): string =>
  '<table data-layout="default"><colgroup>' +
  header.map(() => '<col />').join('') +
  '</colgroup><tbody>' +
  `<tr>${header.map((h) => `<th><p>${escapeText(h)}</p></th>`).join('')}</tr>` +
  rows.map((row) => `<tr>${row.map((html) => `<td><p>${html}</p></td>`).join('')}</tr>`).join('') +
  '</tbody></table>';

export const taskList = (tasks: Array<{ id: number; done: boolean; html: string }>): string =>
  '<ac:task-list>' +
  tasks
    .map(
      (t) =>
        `<ac:task><ac:task-id>${t.id}</ac:task-id><ac:task-status>${t.done ? 'complete' : 'incomplete'}</ac:task-status>` +
        `<ac:task-body>${t.html}</ac:task-body></ac:task>`,
    )
    .join('') +
  '</ac:task-list>';

export const userMention = (accountId: string): string =>
  `<ac:link><ri:user ri:account-id="${escapeAttr(accountId)}" /></ac:link>`;

export const pageLink = (title: string, spaceKey: string, label: string): string =>
  `<ac:link><ri:page ri:content-title="${escapeAttr(title)}" ri:space-key="${escapeAttr(spaceKey)}" />` +
  `<ac:plain-text-link-body>${cdata(label)}</ac:plain-text-link-body></ac:link>`;

export const urlLink = (url: string, label: string): string =>
  `<ac:link><ri:url ri:value="${escapeAttr(url)}" /><ac:plain-text-link-body>${cdata(label)}</ac:plain-text-link-body></ac:link>`;

export const attachmentLink = (filename: string): string =>
  `<ac:link><ri:attachment ri:filename="${escapeAttr(filename)}" /></ac:link>`;

export const image = (filename: string, alt: string, title: string): string =>
  `<ac:image ac:alt="${escapeAttr(alt)}" ac:title="${escapeAttr(title)}"><ri:attachment ri:filename="${escapeAttr(filename)}" /></ac:image>`;

export const inlineMarker = (ref: string, selectionHtml: string): string =>
  `<ac:inline-comment-marker ac:ref="${ref}">${selectionHtml}</ac:inline-comment-marker>`;

export const emoticon = (name: string): string => `<ac:emoticon ac:name="${name}" />`;

export const time = (isoDate: string): string => `<time datetime="${isoDate}" />`;
