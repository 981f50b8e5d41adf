// Admin mutations of attachments: a new version of a Confluence file (same id, version + 1, new text), as an
// upload over an existing attachment does. Incremental tests count what is downloaded again.
import type { AttachmentRecord } from './model.ts';
import type { Site } from './site.ts';

export function reviseAttachment(
  site: Site,
  contentId: string,
  attachmentId: string,
  text: string,
): AttachmentRecord | undefined {
  const live = site.confluence.get(contentId);
  const files = live?.record.attachments ?? [];
  const current = files.find((a) => a.id === attachmentId);
  if (!live || !current) return undefined;
  const revised: AttachmentRecord = {
    ...current,
    version: current.version + 1,
    created: site.clock.isoNow(),
    size: Buffer.byteLength(text),
    body: { kind: 'text', text },
  };
  site.confluence.setAttachments(
    contentId,
    files.map((a) => (a.id === attachmentId ? revised : a)),
  );
  return revised;
}
