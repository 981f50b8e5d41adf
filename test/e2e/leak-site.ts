// A small generated fake site with one issue and one page rewritten to carry known raw values in every field the
// crawler reads: summary, description, environment, a comment, text and textarea custom fields; page title, body,
// footer and inline comments; and the site texts Atlassian also collects: a project description, a custom field
// name, a workflow name and description, a transition name and description; attachment names, comments and text
// contents (scanned with --attachments content). Ids and comment trees stay the
// generator's, so every route still resolves them.
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { codeMacro, escapeText } from '../../src/fake-site/content/storage-builder.ts';
import { attachmentId } from '../../src/fake-site/content/attachments.ts';
import type {
  AdfNode,
  AttachmentRecord,
  ConfluenceCommentRecord,
  ContentRecord,
  IssueRecord,
  SiteContent,
} from '../../src/fake-site/model.ts';
import { leakValue, type LeakValue } from './leak-values.ts';

export interface LeakSite {
  content: SiteContent;
  issueKey: string;
  pageId: string;
  spaceKey: string;
  planted: LeakValue[];
}

const TEXTFIELD = 'customfield_10031';
const TEXTAREA = 'customfield_10020';

export function adf(...snippets: string[]): AdfNode {
  return {
    type: 'doc',
    version: 1,
    content: snippets.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** Snippets with line breaks go into a code macro (as a key pasted into a page would); others into paragraphs. */
export function storage(...snippets: string[]): string {
  return snippets
    .map((s, i) => (s.includes('\n') ? codeMacro(`leak-${i}`, 'text', '', s) : `<p>${escapeText(s)}</p>`))
    .join('');
}

function firstIssueWithComments(base: SiteContent): IssueRecord {
  for (const project of base.projects.filter((p) => !p.forbidden))
    for (let i = 0; i < project.issueCount; i++) {
      const issue = base.issue(project.key, i);
      if (issue.comments.length > 0) return issue;
    }
  throw new Error('the generated site has no readable issue with comments');
}

function firstPageWithBothComments(base: SiteContent): ContentRecord {
  for (const space of base.spaces.filter((s) => !s.forbidden && s.status === 'current'))
    for (let i = 0; i < space.pageCount; i++) {
      const page = base.content(space.key, 'page', i);
      const live = page.status === 'current' && page.parentId !== null;
      if (live && page.footerComments.length > 0 && page.inlineComments.length > 0) return page;
    }
  throw new Error('the generated site has no readable page with footer and inline comments');
}

/** A text attachment holding `text` (planted values go in its name, text or comment). */
function textFile(base: SiteContent, id: string, filename: string, text: string): AttachmentRecord {
  const at = '2026-01-02T03:04:05.000Z';
  const body = { kind: 'text' as const, text };
  return {
    id,
    filename,
    mediaType: 'text/plain',
    comment: '',
    authorAccountId: base.users[0]!.accountId,
    created: at,
    version: 1,
    size: text.length,
    body,
  };
}

function withBody(comment: ConfluenceCommentRecord, body: string): ConfluenceCommentRecord {
  return { ...comment, body };
}

export function createLeakSite(): LeakSite {
  const base = createSiteContent({ seed: 11, issues: 60, pages: 30, now: '2026-11-01T00:00:00Z' });
  const v = {
    summary: leakValue('jira summary', 'github-pat-classic'),
    description: leakValue('jira description', 'aws-secret-access-key'),
    descriptionCard: leakValue('jira description', 'card-visa'),
    environment: leakValue('jira environment', 'mrn'),
    comment: leakValue('jira comment', 'us-ssn'),
    textfield: leakValue('jira text custom field', 'atlassian-api-token'),
    textarea: leakValue('jira textarea custom field', 'postgres-url'),
    title: leakValue('confluence title', 'github-pat-classic'),
    body: leakValue('confluence body', 'private-key-rsa'),
    bodyMrn: leakValue('confluence body', 'mrn'),
    footer: leakValue('confluence footer comment', 'card-visa'),
    inline: leakValue('confluence inline comment', 'postgres-url'),
    projectDescription: leakValue('jira project description', 'slack-bot-token'),
    fieldName: leakValue('jira custom field name', 'github-pat-classic'),
    workflowName: leakValue('jira workflow name', 'npm-token'),
    workflowDescription: leakValue('jira workflow description', 'mysql-url'),
    transitionName: leakValue('jira workflow transition name', 'openai-api-key'),
    transitionDescription: leakValue('jira workflow transition description', 'stripe-live-secret-key'),
    attachmentName: leakValue('jira attachment name', 'github-pat-classic'),
    attachmentContent: leakValue('jira attachment content', 'aws-secret-access-key'),
    pageAttachmentComment: leakValue('confluence attachment comment', 'slack-bot-token'),
    pageAttachmentContent: leakValue('confluence attachment content', 'postgres-url'),
  };
  const issueTemplate = firstIssueWithComments(base);
  const pageTemplate = firstPageWithBothComments(base);
  const [firstComment, ...otherComments] = issueTemplate.comments;
  const [firstFooter, ...otherFooters] = pageTemplate.footerComments;
  const [firstInline, ...otherInlines] = pageTemplate.inlineComments;
  const issue: IssueRecord = {
    ...issueTemplate,
    summary: `Deploy fails: ${v.summary.snippet}`,
    description: adf(v.description.snippet, v.descriptionCard.snippet),
    environment: adf(v.environment.snippet),
    customFields: {
      ...issueTemplate.customFields,
      [TEXTFIELD]: v.textfield.snippet,
      [TEXTAREA]: adf(v.textarea.snippet),
    },
    comments: [{ ...firstComment!, body: adf(v.comment.snippet) }, ...otherComments],
    attachments: [
      textFile(base, attachmentId('jira', issueTemplate.id, 0), `${v.attachmentName.snippet} notes.txt`, ''),
      textFile(
        base,
        attachmentId('jira', issueTemplate.id, 1),
        'deploy.log',
        `started\n${v.attachmentContent.snippet}\n`,
      ),
    ],
  };
  const title = `Token ${v.title.value} rotation`;
  const body = storage(v.body.snippet, v.bodyMrn.snippet);
  const page: ContentRecord = {
    ...pageTemplate,
    title,
    body,
    versions: pageTemplate.versions.map((version, i, all) =>
      i === all.length - 1 ? { ...version, title, body } : version,
    ),
    footerComments: [withBody(firstFooter!, storage(v.footer.snippet)), ...otherFooters],
    inlineComments: [withBody(firstInline!, storage(v.inline.snippet)), ...otherInlines],
    attachments: [
      {
        ...textFile(
          base,
          attachmentId('confluence', pageTemplate.id, 0),
          'settings.env',
          `${v.pageAttachmentContent.snippet}\n`,
        ),
        comment: v.pageAttachmentComment.snippet,
      },
    ],
  };
  const [firstWorkflow, ...otherWorkflows] = base.workflows;
  const content: SiteContent = {
    ...base,
    projects: base.projects.map((p) =>
      p.key === issue.projectKey ? { ...p, description: v.projectDescription.snippet } : p,
    ),
    fields: base.fields.map((f) => (f.id === TEXTFIELD ? { ...f, name: `Token ${v.fieldName.value}` } : f)),
    workflows: [
      {
        ...firstWorkflow!,
        name: `Flow ${v.workflowName.value}`,
        description: v.workflowDescription.snippet,
        transitions: firstWorkflow!.transitions.map((t, i) =>
          i === 1
            ? { ...t, name: `Ship ${v.transitionName.value}`, description: v.transitionDescription.snippet }
            : t,
        ),
      },
      ...otherWorkflows,
    ],
    issue: (projectKey, index) => {
      const record = base.issue(projectKey, index);
      return record.id === issue.id ? issue : record;
    },
    content: (spaceKey, type, index) => {
      const record = base.content(spaceKey, type, index);
      return record.id === page.id ? page : record;
    },
  };
  return {
    content,
    issueKey: issue.key,
    pageId: page.id,
    spaceKey: page.spaceKey,
    planted: Object.values(v),
  };
}
