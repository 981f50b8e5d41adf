// `--attachments content`: the limits from the configuration, and the summary line of what was read.
import type { Config } from '../config.ts';
import type { ContentLimits, ContentTally } from '../crawl/attachment-content.ts';
import { reasonsText } from '../report/coverage-state.ts';

const MB = 1024 * 1024;

export const contentLimits = (config: Config): ContentLimits => ({
  maxFileBytes: config.scan.attachmentMaxMb * MB,
  budgetBytes: config.scan.attachmentBudgetMb * MB,
});

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** `attachment contents: 12 read (0.4 MB of a 500.0 MB budget); not scanned: 30 format, 2 too-large` */
export function contentLine(tally: ContentTally): string {
  const read = `attachment contents: ${tally.read} read (${mb(tally.bytes)} of a ${mb(tally.budgetBytes)} budget)`;
  const notRead = reasonsText(tally.notRead);
  return notRead ? `${read}; not scanned: ${notRead}` : read;
}
