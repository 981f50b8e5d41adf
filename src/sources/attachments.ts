// Attachments as the sources see them: one reference per file (what a download and the coverage need) and the
// documents scanned for it: its file name (with its media type, for the file rules) and its comment. The deep link
// names the attachment by id, never by file name: a name may hold the very value a finding masks.
import { ATTACHMENT_FIELDS, type Doc } from '../types.ts';

export interface AttachmentRef {
  id: string;
  /** The issue, page or blog post it is attached to. */
  itemId: string;
  name: string;
  mediaType: string;
  /** Declared size in bytes (the listing's), checked against the cap before any download. */
  size: number;
  /** Confluence version number; Jira attachments never change (a new upload is a new id): 1. */
  version: number;
  /** API path under the product's base that answers the download redirect. */
  downloadPath: string;
  /** Where the user opens it. */
  url: string;
  /** Who uploaded this version (a display name, where the listing gives one) and when (ISO). */
  uploadedBy?: string;
  uploadedAt?: string;
}

/** `file uploaded by Ana Sharma on 2026-03-01` (version 2 and later: `file version 2 uploaded ...`). */
export function uploadNote(ref: AttachmentRef): string | undefined {
  if (!ref.uploadedBy && !ref.uploadedAt) return undefined;
  const version = ref.version > 1 ? ` version ${ref.version}` : '';
  const by = ref.uploadedBy ? ` by ${ref.uploadedBy}` : '';
  const on = ref.uploadedAt ? ` on ${ref.uploadedAt.slice(0, 10)}` : '';
  return `file${version} uploaded${by}${on}`;
}

export function attachmentDocs(ref: AttachmentRef, comment = ''): Doc[] {
  const note = uploadNote(ref);
  const base = { itemId: ref.itemId, fieldId: ref.id, url: ref.url, ...(note ? { note } : {}) };
  const docs: Doc[] = [{ ...base, field: ATTACHMENT_FIELDS.name, text: ref.name, mediaType: ref.mediaType }];
  if (comment.trim() !== '') docs.push({ ...base, field: ATTACHMENT_FIELDS.comment, text: comment });
  return docs;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const optional = (key: string, value: string) => (value === '' ? {} : { [key]: value });

/** The `attachment` field of a Jira search result (jira.js Attachment), as references. */
export function jiraAttachments(value: unknown, itemId: string, site: string): AttachmentRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw: Record<string, unknown>) => {
    const id = str(raw?.id);
    if (id === '') return [];
    const downloadPath = `/rest/api/3/attachment/content/${encodeURIComponent(id)}`;
    return [
      {
        id,
        itemId,
        name: str(raw.filename),
        mediaType: str(raw.mimeType),
        size: num(raw.size),
        version: 1,
        downloadPath,
        url: `${site}${downloadPath}`,
        ...optional('uploadedBy', str((raw.author as { displayName?: unknown } | undefined)?.displayName)),
        ...optional('uploadedAt', str(raw.created)),
      },
    ];
  });
}
