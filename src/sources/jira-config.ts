// Jira site configuration: the field catalogue (every custom field, and which ones hold text read with issues), and
// as scannable items the custom field names and the workflow names and descriptions with their transitions and the
// statuses they use (GET /rest/api/3/workflows/search, which needs the Administer Jira global permission).
// Site-wide, so they live in one container of their own.
import { SITE_CONFIGURATION_TYPE, type Container, type Doc } from '../types.ts';
import type { JiraClient, SourceItem, TextField } from './jira.ts';
import { listOf, recordsOf } from './response-shape.ts';

/** The configuration container's key: lower case and a hyphen, which no Jira project key can hold. */
export const CONFIG_KEY = 'site-config';
const WORKFLOW_PAGE = 50;
const TEXT_CUSTOM_TYPES = /:(textfield|textarea|url|readonlyfield|labels)$/;

export interface FieldCatalogue {
  /** Every custom field. */
  customFields: TextField[];
  /** The custom fields whose values are text, read with each issue. */
  textFields: TextField[];
}

/** One text of a configuration item; `path` links to its own admin page when it has one. */
interface Text {
  field: string;
  fieldId: string;
  text: string | undefined;
  path?: string;
}

function item(site: string, id: string, title: string, path: string, texts: readonly Text[]): SourceItem {
  const itemId = `config:${id}`;
  const url = `${site}${path}`;
  const docs: Doc[] = [];
  for (const t of texts) {
    if (t.text && t.text.trim() !== '')
      docs.push({
        itemId,
        field: t.field,
        fieldId: t.fieldId,
        url: t.path ? `${site}${t.path}` : url,
        text: t.text,
      });
  }
  const kind = 'project'; // the container's own metadata, as a project's name and description are
  return {
    item: { product: 'jira', containerKey: CONFIG_KEY, kind, id: itemId, title, url },
    docs,
    truncated: 0,
  };
}

export class JiraConfig {
  private readonly client: JiraClient;
  private readonly site: string;
  private readonly isJiraAdmin: () => Promise<boolean>;

  /** `isJiraAdmin`: whether the API user holds Administer Jira (asked once per run, see JiraSource.isAdmin). */
  constructor(client: JiraClient, site: string, isJiraAdmin: () => Promise<boolean>) {
    this.client = client;
    this.site = site;
    this.isJiraAdmin = isJiraAdmin;
  }

  container(): Container {
    return {
      product: 'jira',
      id: CONFIG_KEY,
      key: CONFIG_KEY,
      name: 'Jira site configuration',
      url: `${this.site}/jira/settings/issues`,
      type: SITE_CONFIGURATION_TYPE,
    };
  }

  /**
   * The custom fields of the catalogue: all of them (their names are scanned as site configuration) and the
   * text-bearing ones (string types such as textfield, textarea, url, and string arrays), whose values are.
   */
  async fieldCatalogue(): Promise<FieldCatalogue> {
    const fields = recordsOf<Awaited<ReturnType<JiraClient['issueFields']['getFields']>>[number]>(
      await this.client.issueFields.getFields(),
      'field catalogue',
    );
    const custom = fields.filter((field) => field.custom && field.id);
    const named = (field: (typeof custom)[number]) => ({
      id: String(field.id),
      name: String(field.name ?? field.id),
    });
    const textFields = custom.filter((field) => {
      const schema = field.schema as { type?: string; items?: string; custom?: string } | undefined;
      if (schema?.type === 'string') return true;
      if (schema?.type === 'array' && schema.items === 'string') return true;
      return TEXT_CUSTOM_TYPES.test(schema?.custom ?? '');
    });
    return { customFields: custom.map(named), textFields: textFields.map(named) };
  }

  /** Every custom field's name (text or not), each linked to its admin page by its numeric id. */
  fieldsItem(customFields: readonly TextField[]): SourceItem {
    const texts = customFields.map((f) => ({
      field: 'field-name',
      fieldId: f.id,
      text: f.name,
      path: `/secure/admin/EditCustomField!default.jspa?id=${f.id.replace(/^customfield_/, '')}`,
    }));
    return item(this.site, 'fields', 'Custom field names', '/secure/admin/ViewCustomFields.jspa', texts);
  }

  /**
   * Workflow names and descriptions, their transitions' names and descriptions (on the same pages, through
   * expand=values.transitions), and the names and descriptions of the statuses they use, paged to the end.
   * `complete` is false when the API user is not a Jira administrator: the search then lists only the
   * project-scoped workflows the user may administer (Atlassian's documented behaviour), and the rest is unread.
   * The links go to the workflow list, not to one workflow: its address would carry its name, which may be the
   * very secret found.
   */
  async workflows(): Promise<{ item: SourceItem; complete: boolean }> {
    const [texts, complete] = await Promise.all([this.workflowTexts(), this.isJiraAdmin()]);
    const path = '/secure/admin/workflows/ListWorkflows.jspa';
    return {
      item: item(this.site, 'workflows', 'Workflow, transition and status names', path, texts),
      complete,
    };
  }

  private async workflowTexts(): Promise<Text[]> {
    const texts: Text[] = [];
    const statuses = new Map<string, { name?: string; description?: string }>();
    for (let startAt = 0; ;) {
      const page = await this.client.workflows.searchWorkflows({
        startAt,
        maxResults: WORKFLOW_PAGE,
        expand: 'values.transitions',
      });
      type Transition = { id?: string; name?: string; description?: string };
      type Workflow = { id?: string; name?: string; description?: string; transitions?: Transition[] };
      const values = listOf<Workflow>(page, 'values', 'workflow', ['id']);
      for (const w of values) {
        texts.push({ field: 'workflow-name', fieldId: String(w.id), text: w.name });
        texts.push({ field: 'workflow-description', fieldId: String(w.id), text: w.description });
        // Transition ids repeat across workflows ("11" in each): the workflow's id makes them unique.
        const transitions = w.transitions ?? [];
        for (const t of recordsOf<Transition>(transitions, 'workflow transition list', ['id'])) {
          const fieldId = `${w.id}/${t.id}`;
          texts.push({ field: 'transition-name', fieldId, text: t.name });
          texts.push({ field: 'transition-description', fieldId, text: t.description });
        }
      }
      for (const s of page.statuses ?? []) if (s.id) statuses.set(s.id, s);
      startAt += values.length;
      const last = page.isLast ?? (page.total === undefined || startAt >= page.total);
      if (last || values.length === 0) break;
    }
    for (const [id, s] of [...statuses].sort(([a], [b]) => a.localeCompare(b))) {
      texts.push({ field: 'status-name', fieldId: id, text: s.name });
      texts.push({ field: 'status-description', fieldId: id, text: s.description });
    }
    return texts;
  }
}
