// Every value the fake site plants in an ADF or storage field comes out of the extractors: the realistic
// documents (code macros, tables, mentions, nested comments) lose nothing on the way to the detector.
import { describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import type { ConfluenceCommentRecord, PlantedRecord, SiteContent } from '../../src/fake-site/model.ts';
import { adfToText } from '../../src/text/adf.ts';
import { storageToText } from '../../src/text/storage.ts';

const site = createSiteContent({ seed: 7, issues: 2000, pages: 400, now: '2026-01-15T12:00:00.000Z' });

function findComment(
  comments: readonly ConfluenceCommentRecord[],
  id: string,
): ConfluenceCommentRecord | undefined {
  const pending = [...comments];
  for (let comment = pending.pop(); comment !== undefined; comment = pending.pop()) {
    if (comment.id === id) return comment;
    pending.push(...comment.replies);
  }
  return undefined;
}

/** The extracted text of the planted field, or undefined for plain-string fields (no extraction involved). */
function extractJira(content: SiteContent, planted: PlantedRecord): string | undefined {
  const location = content.locateIssue(planted.item);
  if (!location) throw new Error(`no issue ${planted.item}`);
  const issue = content.issue(location.projectKey, location.index);
  const [field, id] = planted.field.split(':') as [string, string | undefined];
  const value =
    field === 'comment'
      ? issue.comments.find((c) => c.id === id)?.body
      : field === 'description' || field === 'environment'
        ? issue[field]
        : issue.customFields[field];
  const isAdf = typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc';
  return isAdf ? adfToText(value).text : undefined;
}

function extractConfluence(content: SiteContent, planted: PlantedRecord): string | undefined {
  const location = content.locateContent(planted.item);
  if (!location) throw new Error(`no content ${planted.item}`);
  const record = content.content(location.spaceKey, location.type, location.index);
  const [field, id] = planted.field.split(':') as [string, string | undefined];
  const body =
    field === 'body'
      ? record.body
      : field === 'footer-comment' || field === 'inline-comment'
        ? findComment([...record.footerComments, ...record.inlineComments], id ?? '')?.body
        : field === 'version'
          ? record.versions.find((v) => String(v.number) === id)?.body
          : undefined;
  return body === undefined ? undefined : storageToText(body).text;
}

describe('extraction of the fake site planted fields', () => {
  const planted = [...site.planted()];
  const extracted = planted
    .map((p) => ({
      planted: p,
      text: p.product === 'jira' ? extractJira(site, p) : extractConfluence(site, p),
    }))
    .filter((e): e is { planted: PlantedRecord; text: string } => e.text !== undefined);

  it('covers both formats', () => {
    expect(extracted.filter((e) => e.planted.product === 'jira').length).toBeGreaterThan(100);
    expect(extracted.filter((e) => e.planted.product === 'confluence').length).toBeGreaterThan(30);
  });

  it.each(['jira', 'confluence'])('every planted %s value appears in the extracted text', (product) => {
    const missing = extracted
      .filter((e) => e.planted.product === product && !e.text.includes(e.planted.value))
      .map((e) => `${e.planted.item} ${e.planted.field} ${e.planted.kind}`);
    expect(missing).toEqual([]);
  });
});
