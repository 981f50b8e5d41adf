// Attachment JSON shapes: Jira's `attachment` field of an issue (jira.js Attachment) and Confluence v2's
// attachment listings (confluence.js Attachment). Links name the attachment by id, never by file name.
import type { LiveContent } from './confluence-overlay.ts';
import type { AttachmentRecord, IssueRecord } from './model.ts';
import { jiraTime, renderUser } from './jira-render.ts';
import type { Site } from './site.ts';

export function renderJiraAttachment(site: Site, origin: string, attachment: AttachmentRecord) {
  return {
    self: `${origin}/rest/api/3/attachment/${attachment.id}`,
    id: attachment.id,
    filename: attachment.filename,
    author: renderUser(site, origin, attachment.authorAccountId),
    created: jiraTime(site, attachment.created),
    size: attachment.size,
    mimeType: attachment.mediaType,
    content: `${origin}/rest/api/3/attachment/content/${attachment.id}`,
  };
}

export function jiraAttachmentField(site: Site, origin: string, issue: IssueRecord) {
  return (issue.attachments ?? []).map((a) => renderJiraAttachment(site, origin, a));
}

export function renderConfluenceAttachment(live: LiveContent, attachment: AttachmentRecord) {
  const { record } = live;
  const owner = record.type === 'page' ? { pageId: record.id } : { blogPostId: record.id };
  const download =
    `/download/attachments/${record.id}/${encodeURIComponent(attachment.filename)}` +
    `?version=${attachment.version}&modificationDate=${Date.parse(attachment.created)}&api=v2`;
  return {
    id: attachment.id,
    status: 'current',
    title: attachment.filename,
    createdAt: attachment.created,
    ...owner,
    mediaType: attachment.mediaType,
    mediaTypeDescription: null,
    comment: attachment.comment,
    fileId: `file-${attachment.id}`,
    fileSize: attachment.size,
    webuiLink: `/pages/viewpageattachments.action?pageId=${record.id}`,
    downloadLink: download,
    version: {
      createdAt: attachment.created,
      message: '',
      number: attachment.version,
      minorEdit: false,
      authorId: attachment.authorAccountId,
    },
    _links: { webui: `/pages/viewpageattachments.action?pageId=${record.id}`, download },
  };
}
