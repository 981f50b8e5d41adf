// The few types shared across rooms (see ../shared/DESIGN.md). Nothing else lives here.

export type Category = 'secret' | 'pii' | 'phi';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type Product = 'jira' | 'confluence';

export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
export const CATEGORIES: readonly Category[] = ['secret', 'pii', 'phi'];

/** A Jira project or a Confluence space. */
/** Container type of Jira's site-wide configuration texts (custom field and workflow names). */
export const SITE_CONFIGURATION_TYPE = 'configuration';

export interface Container {
  product: Product;
  /** Numeric id as a string (Jira project id, Confluence space id). */
  id: string;
  /** Project key (`ENG`) or space key (`ENG`, `~5b10...` for personal spaces). */
  key: string;
  name: string;
  url: string;
  /** Confluence space type (global, personal...), Jira project type key, or SITE_CONFIGURATION_TYPE. */
  type?: string;
  /** `current` / `archived` for spaces, `live` / `archived` for projects. */
  status?: string;
  /** Project or space description: Atlassian collects it too, so it is scanned. */
  description?: string;
}

/**
 * Who may read a place: anyone, anonymous visitors included (`public`); every logged-in user of the product
 * (`logged-in`); only the people, groups and roles its permissions name (`restricted`); or `unknown` when the
 * token could not read its permissions (never guessed).
 */
export type PlaceVisibility = 'public' | 'logged-in' | 'restricted' | 'unknown';

export const PLACE_VISIBILITIES: readonly PlaceVisibility[] = [
  'public',
  'logged-in',
  'restricted',
  'unknown',
];

/**
 * Who can read a Jira comment or worklog beyond the project's users: `public` (a service desk reply the customer
 * sees, jsdPublic), `internal` (a service desk note or worklog, agents only), `restricted` (limited to a role or
 * group). Undefined elsewhere: an ordinary project's comment is read by whoever browses the project.
 */
export type CommentVisibility = 'public' | 'internal' | 'restricted';
export const COMMENT_VISIBILITIES: readonly CommentVisibility[] = ['public', 'internal', 'restricted'];

export type ItemKind = 'issue' | 'page' | 'blogpost' | 'project' | 'space';

/** An issue, page or blog post (or the container's own metadata, kind project/space). */
export interface Item {
  product: Product;
  containerKey: string;
  kind: ItemKind;
  /** Stable id: Jira issue id, Confluence content id. Keys change when issues move; ids do not. */
  id: string;
  /** Issue key (`ENG-12`); undefined for Confluence content. */
  key?: string;
  title: string;
  url: string;
  created?: string;
  updated?: string;
  /** Confluence version number, or Jira `updated` rendered as epoch ms when no version exists. */
  version?: number;
  status?: string;
  /** Display names, for cleanup teams: Jira reporter and assignee, Confluence author and last editor. */
  people?: { reporter?: string; assignee?: string; lastEditor?: string };
}

/**
 * One scannable field of an item. `field` is one of: title, description, body, comment,
 * worklog, environment, customfield_<n>, inline-comment, footer-comment, name, metadata, attachment-name,
 * attachment-comment, attachment-content (fieldId: the attachment id).
 */
export interface Doc {
  itemId: string;
  field: string;
  /** Comment id or custom field id where the field is not unique within the item. */
  fieldId?: string;
  /** Deep link to the place (the comment where applicable). */
  url: string;
  text: string;
  /** Attachment names only: the file's declared media type, which file rules match with the name. */
  mediaType?: string;
  /** Jira comments and worklogs: who can read it (see CommentVisibility). */
  visibility?: CommentVisibility;
  /** Attachments: who uploaded the file and when, added to each finding's explanation (never the file name). */
  note?: string;
}

/**
 * What became of an attachment's content (`--attachments content`): read, or not scanned for its format (binary and
 * office files) or its size (over the cap, or a stream inflating past it).
 */
export type AttachmentOutcome = 'read' | 'format' | 'too-large';

/**
 * An attachment whose content a record read or refused at `version`, and what became of it; no version: gone from
 * its item.
 */
export type AttachmentScan = { id: string; itemId: string } & (
  { version: number; outcome: AttachmentOutcome } | { version?: undefined }
);

/** What the detector reports. It never carries the raw value. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** 0..1, raised by context words and validators (see README "Confidence"). */
  confidence: number;
  /** JavaScript string indices into Doc.text: text.slice(start, end) is the value. */
  start: number;
  end: number;
  /** Masked preview, e.g. `AKIA************WXYZ` or `•••• •••• •••• 0004`. */
  preview: string;
  /** Keyed HMAC-SHA256 of the normalised value, hex; never a plain hash. */
  fingerprint: string;
  /** Short human explanation: which keyword, validator and context fired. */
  explanation: string;
}

/** Doc fields of an attachment (the Doc's fieldId is the attachment id). */
export const ATTACHMENT_FIELDS = {
  name: 'attachment-name',
  comment: 'attachment-comment',
  content: 'attachment-content',
} as const;
