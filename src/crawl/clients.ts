// Builds the jira.js and confluence.js clients for one site, calling the site itself or the API gateway (scoped
// tokens); links always name the site. The token only ever travels inside the clients' Authorization header.
import { createV1Client, createV2Client } from 'confluence.js';
import { createCloudClient } from 'jira.js';
import type { Logger } from 'pino';
import { AttachmentReader, type Download } from '../sources/attachment-reader.ts';
import { ConfluenceHistory } from '../sources/confluence-history.ts';
import { ConfluenceSource } from '../sources/confluence.ts';
import { siteBases, type ApiBases } from '../sources/gateway.ts';
import { JiraSource } from '../sources/jira.ts';
import { PermissionReader } from '../sources/permissions.ts';

export interface SiteCredentials {
  site: string;
  email: string;
  apiToken: string;
}

export type Sources = ReturnType<typeof createSources>;

export function createSources(
  credentials: SiteCredentials,
  maxChars: number,
  logger: Logger,
  bases: ApiBases = siteBases(credentials.site),
  download?: Download,
) {
  const { site, email, apiToken } = credentials;
  const auth = { type: 'basic' as const, email, apiToken };
  const jira = createCloudClient({
    host: bases.jira,
    auth,
    // Paths and types only: a mismatch report must not carry response content into the logs.
    onSchemaMismatch: (report) =>
      logger.warn({ endpoint: report.endpoint }, 'Jira response did not match its schema'),
  });
  const v2 = createV2Client({ host: bases.confluence, auth });
  const v1 = createV1Client({ host: bases.confluence, auth });
  return {
    jira: new JiraSource(jira, site, maxChars),
    confluence: new ConfluenceSource(v2, v1, site, maxChars),
    history: new ConfluenceHistory(v2, site, maxChars),
    /** Attachment contents (opt-in), when the transport's download is given. */
    attachments: download && new AttachmentReader(download, bases, { email, apiToken }),
    permissions: new PermissionReader(jira, v2, site),
  };
}
