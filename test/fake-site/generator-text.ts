// Independent readers for the generator tests: every string an ADF document or a storage body carries, so a
// test can check that a planted value really is in its field (not relying on the scanner's own extractors).

import { Parser } from 'htmlparser2';
import type {
  AdfNode,
  AttachmentRecord,
  ConfluenceCommentRecord,
  ContentRecord,
  IssueRecord,
} from '../../src/fake-site/model.ts';

/** Text nodes plus every string attribute (hrefs, urls, alt, macro parameters), depth-first. */
export function adfStrings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const child of node) adfStrings(child, out);
  else if (node && typeof node === 'object') for (const value of Object.values(node)) adfStrings(value, out);
  return out;
}

export function adfTypes(node: AdfNode, out: Set<string> = new Set()): Set<string> {
  out.add(node.type);
  for (const child of node.content ?? []) adfTypes(child, out);
  return out;
}

export interface StorageParts {
  text: string;
  cdata: string[];
  attributes: string[];
  tags: Set<string>;
}

/** Parse storage XHTML the way the brief prescribes; CDATA sections are collected separately. */
export function parseStorage(xhtml: string): StorageParts {
  const parts: StorageParts = { text: '', cdata: [], attributes: [], tags: new Set() };
  let inCdata = false;
  // Adjacent sections are one value split around `]]>`; any other event in between starts a new one.
  let adjacent = false;
  const parser = new Parser(
    {
      onopentag: (name, attrs) => {
        adjacent = false;
        parts.tags.add(name);
        parts.attributes.push(...Object.values(attrs));
      },
      onclosetag: () => {
        adjacent = false;
      },
      oncdatastart: () => {
        inCdata = true;
        if (!adjacent) parts.cdata.push('');
      },
      oncdataend: () => {
        inCdata = false;
        adjacent = true;
      },
      ontext: (data) => {
        if (inCdata) parts.cdata[parts.cdata.length - 1] += data;
        else {
          adjacent = false;
          parts.text += data;
        }
      },
    },
    { recognizeCDATA: true, decodeEntities: true, xmlMode: false },
  );
  parser.write(xhtml);
  parser.end();
  return parts;
}

export function storageText(xhtml: string): string {
  const parts = parseStorage(xhtml);
  return [parts.text, ...parts.cdata, ...parts.attributes].join('\n');
}

function findComment(
  list: readonly ConfluenceCommentRecord[],
  id: string,
): ConfluenceCommentRecord | undefined {
  for (const c of list) {
    if (c.id === id) return c;
    const inner = findComment(c.replies, id);
    if (inner) return inner;
  }
  return undefined;
}

/** The text of `attachment:<id>:name|comment|content` (a binary file has none). */
function attachmentText(attachments: readonly AttachmentRecord[] | undefined, field: string): string {
  const [, id, part] = field.split(':');
  const file = attachments?.find((a) => a.id === id);
  if (!file) return '';
  if (part === 'name') return file.filename;
  if (part === 'comment') return file.comment;
  return file.body.kind === 'text' ? file.body.text : '';
}

/** The readable text of one PlantedRecord.field of an issue. */
export function issueFieldText(issue: IssueRecord, field: string): string {
  if (field.startsWith('attachment:')) return attachmentText(issue.attachments, field);
  if (field === 'summary') return issue.summary;
  if (field === 'description') return adfStrings(issue.description).join('\n');
  if (field === 'environment') return adfStrings(issue.environment).join('\n');
  if (field.startsWith('comment:')) {
    const comment = issue.comments.find((c) => c.id === field.slice('comment:'.length));
    return comment ? adfStrings(comment.body).join('\n') : '';
  }
  if (field.startsWith('worklog:')) {
    const worklog = issue.worklogs.find((w) => w.id === field.slice('worklog:'.length));
    return worklog ? adfStrings(worklog.comment).join('\n') : '';
  }
  return adfStrings(issue.customFields[field]).join('\n');
}

/** The readable text of one PlantedRecord.field of a page or blog post. */
export function contentFieldText(record: ContentRecord, field: string): string {
  if (field === 'title') return record.title;
  if (field === 'body') return storageText(record.body);
  if (field.startsWith('attachment:')) return attachmentText(record.attachments, field);
  const [kind, id] = field.split(':') as [string, string];
  if (kind === 'version') return storageText(record.versions[Number(id) - 1]?.body ?? '');
  const comment = findComment(kind === 'inline-comment' ? record.inlineComments : record.footerComments, id);
  return comment ? `${storageText(comment.body)}\n${comment.originalSelection ?? ''}` : '';
}
