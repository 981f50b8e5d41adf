// Attachment references from the Jira search results' `attachment` field, and the documents scanned for a file: its
// name (with its media type) and comment, with who uploaded it and when, never the file name in a link.
import { describe, expect, it } from 'vitest';
import {
  attachmentDocs,
  jiraAttachments,
  uploadNote,
  type AttachmentRef,
} from '../../src/sources/attachments.ts';

const SITE = 'https://synthetic.atlassian.net';

describe('jiraAttachments', () => {
  const field = [
    {
      id: '10042',
      filename: 'prod.env',
      author: { accountId: '5b10a', displayName: 'Ana Sharma' },
      created: '2026-03-01T10:15:00.000+0100',
      size: 120,
      mimeType: 'application/octet-stream',
    },
    { filename: 'no-id.txt' },
  ];

  it('reads each file with an id, linking to it by id', () => {
    expect(jiraAttachments(field, '20001', SITE)).toEqual([
      {
        id: '10042',
        itemId: '20001',
        name: 'prod.env',
        mediaType: 'application/octet-stream',
        size: 120,
        version: 1,
        downloadPath: '/rest/api/3/attachment/content/10042',
        url: `${SITE}/rest/api/3/attachment/content/10042`,
        uploadedBy: 'Ana Sharma',
        uploadedAt: '2026-03-01T10:15:00.000+0100',
      },
    ]);
  });

  it('reads nothing from a field that is not a list', () => {
    expect(jiraAttachments({ id: '1' }, '20001', SITE)).toEqual([]);
  });
});

describe('attachmentDocs', () => {
  const [ref] = jiraAttachments(
    [
      {
        id: '7',
        filename: 'keys.pem',
        mimeType: 'application/x-pem-file',
        created: '2026-02-03T00:00:00.000Z',
      },
    ],
    '20001',
    SITE,
  );

  it('scans the name with its media type and the comment, each noting the upload', () => {
    expect(attachmentDocs(ref!, 'uploaded for the audit')).toEqual([
      {
        itemId: '20001',
        fieldId: '7',
        url: `${SITE}/rest/api/3/attachment/content/7`,
        note: 'file uploaded on 2026-02-03',
        field: 'attachment-name',
        text: 'keys.pem',
        mediaType: 'application/x-pem-file',
      },
      {
        itemId: '20001',
        fieldId: '7',
        url: `${SITE}/rest/api/3/attachment/content/7`,
        note: 'file uploaded on 2026-02-03',
        field: 'attachment-comment',
        text: 'uploaded for the audit',
      },
    ]);
  });

  it.each<[Pick<AttachmentRef, 'uploadedBy' | 'uploadedAt'>, number, string | undefined]>([
    [
      { uploadedBy: 'Ana Sharma', uploadedAt: '2026-03-01T10:15:00.000+0100' },
      1,
      'file uploaded by Ana Sharma on 2026-03-01',
    ],
    [{ uploadedAt: '2026-04-02T08:00:00.000Z' }, 3, 'file version 3 uploaded on 2026-04-02'],
    [{}, 1, undefined],
  ])('notes the upload: %j, version %i', (upload, version, note) => {
    const bare = { ...ref!, uploadedBy: undefined, uploadedAt: undefined };
    expect(uploadNote({ ...bare, ...upload, version })).toBe(note);
  });
});
