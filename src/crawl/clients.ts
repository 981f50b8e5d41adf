// Builds the jira.js and confluence.js clients for one site and turns the first call's failure into a message
// that says what to check. The token only ever travels inside the clients' Authorization header.
import { createV1Client, createV2Client } from 'confluence.js';
import { createCloudClient } from 'jira.js';
import type { Logger } from 'pino';
import { CredentialError } from '../errors.ts';
import { ConfluenceHistory } from '../sources/confluence-history.ts';
import { ConfluenceSource } from '../sources/confluence.ts';
import { JiraSource } from '../sources/jira.ts';
import { isLoginFailure, isNetworkError } from './errors.ts';

export interface SiteCredentials {
  site: string;
  email: string;
  apiToken: string;
}

export function createSources(credentials: SiteCredentials, maxChars: number, logger: Logger) {
  const { site, email, apiToken } = credentials;
  const auth = { type: 'basic' as const, email, apiToken };
  const jira = createCloudClient({
    host: site,
    auth,
    // Paths and types only: a mismatch report must not carry response content into the logs.
    onSchemaMismatch: (report) =>
      logger.warn({ endpoint: report.endpoint }, 'Jira response did not match its schema'),
  });
  const v2 = createV2Client({ host: site, auth });
  const v1 = createV1Client({ host: site, auth });
  return {
    jira: new JiraSource(jira, site, maxChars),
    confluence: new ConfluenceSource(v2, v1, site, maxChars),
    history: new ConfluenceHistory(v2, site, maxChars),
  };
}

const TOKEN_HELP =
  'check ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN (tokens: https://id.atlassian.com/manage-profile/security/api-tokens)';

/** Runs the credential probe and maps its failure to one clear line. */
export async function probe<T>(site: string, email: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isLoginFailure(error)) {
      throw new CredentialError(`${site} rejected the credentials of ${email}: ${TOKEN_HELP}`);
    }
    if (isNetworkError(error)) {
      const code = (error as { code?: string }).code ?? 'network error';
      throw new CredentialError(
        `cannot reach ${site} (${code}): check ATLASSIAN_SITE or --site and your network`,
      );
    }
    const status = (error as { status?: number }).status;
    if (status === 404) {
      throw new CredentialError(
        `${site} does not look like an Atlassian Cloud site (HTTP 404 on the API): check the URL`,
      );
    }
    throw error;
  }
}
