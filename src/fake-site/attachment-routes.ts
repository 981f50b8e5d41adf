// Attachment routes: Confluence v2 listings (site-wide in bulk, and per page or blog post), and the downloads of
// both products, which answer a redirect to the media host (303 for Jira's attachment content, 302 for
// Confluence's download links) with a short-lived token, as the real site does. What the API user may not view
// answers 404.
import { randomBytes } from 'node:crypto';
import { renderConfluenceAttachment } from './attachment-render.ts';
import { contentWalk, notFound, readableSpaces, visibleContent } from './confluence-access.ts';
import type { ContentType, LiveContent } from './confluence-overlay.ts';
import { cursorPage, type Walk } from './confluence-pager.ts';
import { parseAttachmentId } from './content/attachments.ts';
import { jiraError } from './jira-render.ts';
import type { AttachmentRecord } from './model.ts';
import type { Reply, RequestContext, Route } from './router.ts';
import type { Site } from './site.ts';

interface Placed {
  live: LiveContent;
  attachment: AttachmentRecord;
}

/** Any attachment of the site by id, visible or not (the media host serves by token, not by permission). */
export function findAttachment(site: Site, id: string): AttachmentRecord | undefined {
  const parsed = parseAttachmentId(id);
  if (!parsed) return undefined;
  const parent = id.startsWith('att')
    ? site.confluence.get(parsed.parentId)?.record
    : site.jira.issue(parsed.parentId);
  return parent?.attachments?.find((a) => a.id === id);
}

function redirect(site: Site, status: 302 | 303, attachment: AttachmentRecord): Reply {
  const token = randomBytes(12).toString('hex');
  const location = `${site.mediaUrl}/file/${encodeURIComponent(attachment.id)}/binary?token=${token}&client=${site.cloudId}`;
  return { status, text: '', headers: { Location: location } };
}

function jiraDownload(context: RequestContext): Reply {
  const { site, params } = context;
  const parsed = parseAttachmentId(params.id!);
  const issue = parsed && !params.id!.startsWith('att') ? site.jira.issue(parsed.parentId) : undefined;
  const visible = issue && !site.jira.project(issue.projectKey)?.forbidden;
  const attachment = visible ? issue.attachments?.find((a) => a.id === params.id) : undefined;
  if (!attachment) {
    const { status, body } = jiraError(404, 'The attachment does not exist or you do not have permission.');
    return { status, body };
  }
  return redirect(site, 303, attachment);
}

function confluenceDownload(context: RequestContext): Reply {
  const live = visibleContent(context, context.params.id!);
  const { attachmentId, filename } = context.params;
  const attachment = live?.record.attachments?.find((a) =>
    attachmentId ? a.id === attachmentId : a.filename === decodeURIComponent(filename ?? ''),
  );
  return attachment ? redirect(context.site, 302, attachment) : notFound();
}

/** Every attachment of the readable pages and blog posts (current or archived: a file has its own status). State: the content walk's, plus `a`. */
function bulkWalk(context: RequestContext): Walk<Placed> {
  const walk = contentWalk(context, readableSpaces(context), ['page', 'blogpost'], ['current', 'archived']);
  return function* (from) {
    let skip = from.a ?? 0;
    for (const step of walk(from)) {
      const here = { ...step.resume, p: (step.resume.p ?? 1) - 1 };
      const list = step.item.record.attachments ?? [];
      for (let i = skip; i < list.length; i++)
        yield { item: { live: step.item, attachment: list[i]! }, resume: { ...here, a: i + 1 } };
      skip = 0;
    }
  };
}

function bulk(context: RequestContext): Reply {
  return cursorPage(context, bulkWalk(context), (p) => renderConfluenceAttachment(p.live, p.attachment));
}

function ofContent(type: ContentType) {
  return (context: RequestContext): Reply => {
    const live = visibleContent(context, context.params.id!, type);
    if (!live) return notFound();
    const list = live.record.attachments ?? [];
    const walk: Walk<AttachmentRecord> = function* (from) {
      for (let i = from.i ?? 0; i < list.length; i++) yield { item: list[i]!, resume: { i: i + 1 } };
    };
    return cursorPage(context, walk, (a) => renderConfluenceAttachment(live, a));
  };
}

const V2 = '/wiki/api/v2';
export const attachmentRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/attachment/content/{id}', handle: jiraDownload },
  { method: 'GET', template: `${V2}/attachments`, handle: bulk },
  { method: 'GET', template: `${V2}/pages/{id}/attachments`, handle: ofContent('page') },
  { method: 'GET', template: `${V2}/blogposts/{id}/attachments`, handle: ofContent('blogpost') },
  {
    method: 'GET',
    template: '/wiki/rest/api/content/{id}/child/attachment/{attachmentId}/download',
    handle: confluenceDownload,
  },
  { method: 'GET', template: '/wiki/download/attachments/{id}/{filename}', handle: confluenceDownload },
];
