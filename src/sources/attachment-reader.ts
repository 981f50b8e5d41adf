// Reads attachment contents through the transport's download (the site's redirect to the media host is followed
// without credentials: transport.ts). The Authorization header is the clients' own (basic, email and token),
// built here once and sent only on the first hop; it never reaches a log or an error.
import { readAttachmentText, type DecodedContent } from '../text/attachment-text.ts';
import type { AttachmentRef } from './attachments.ts';
import type { ApiBases } from './gateway.ts';
import type { SiteTransport } from './transport.ts';

export type Download = SiteTransport['download'];

/** A download answered with an error status: the status alone is kept (the body may quote content). */
export class DownloadStatusError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`attachment download answered HTTP ${status}`);
    this.name = 'DownloadStatusError';
    this.status = status;
  }
}

export class AttachmentReader {
  private readonly download: Download;
  private readonly bases: ApiBases;
  private readonly authorization: string;

  constructor(download: Download, bases: ApiBases, credentials: { email: string; apiToken: string }) {
    this.download = download;
    this.bases = bases;
    const basic = Buffer.from(`${credentials.email}:${credentials.apiToken}`).toString('base64');
    this.authorization = `Basic ${basic}`;
  }

  /** The file's text, or why it was refused (format, too large), reading at most `maxBytes` decoded bytes. */
  text(product: 'jira' | 'confluence', ref: AttachmentRef, maxBytes: number): Promise<DecodedContent> {
    const base = product === 'jira' ? this.bases.jira : this.bases.confluence;
    const headers = { Authorization: this.authorization, Accept: '*/*' };
    return this.download(`${base}${ref.downloadPath}`, headers, async (response) => {
      if (!response.ok) {
        await response.body?.cancel();
        throw new DownloadStatusError(response.status);
      }
      return readAttachmentText(response, maxBytes);
    });
  }
}
