// The Jira field catalogue (section 2.6): system fields plus custom fields of many types, two of which share a
// display name so that consumers must key by id. `kind` tells the issue generator what value shape to produce.

import type { FieldRecord } from '../model.ts';
import type { Topic } from './topics.ts';

const CUSTOM = 'com.atlassian.jira.plugin.system.customfieldtypes:';

export type CustomKind =
  | 'textarea'
  | 'textfield'
  | 'url'
  | 'readonly'
  | 'labels'
  | 'select'
  | 'multiselect'
  | 'datepicker'
  | 'float'
  | 'userpicker'
  | 'sprint';

export interface CustomFieldDef {
  id: string;
  name: string;
  kind: CustomKind;
}

const system = (id: string, name: string, type: string, items?: string): FieldRecord => ({
  id,
  name,
  custom: false,
  schema: items ? { type, items, system: id } : { type, system: id },
});

const SYSTEM_FIELDS: readonly FieldRecord[] = [
  system('summary', 'Summary', 'string'),
  system('description', 'Description', 'string'),
  system('environment', 'Environment', 'string'),
  system('labels', 'Labels', 'array', 'string'),
  system('comment', 'Comment', 'comments-page'),
  system('status', 'Status', 'status'),
  system('issuetype', 'Issue Type', 'issuetype'),
  system('project', 'Project', 'project'),
  system('reporter', 'Reporter', 'user'),
  system('assignee', 'Assignee', 'user'),
  system('created', 'Created', 'datetime'),
  system('updated', 'Updated', 'datetime'),
  system('priority', 'Priority', 'priority'),
  system('attachment', 'Attachment', 'array', 'attachment'),
];

export const CUSTOM_FIELDS: readonly CustomFieldDef[] = [
  { id: 'customfield_10010', name: 'Sprint', kind: 'sprint' },
  { id: 'customfield_10020', name: 'Root cause', kind: 'textarea' },
  { id: 'customfield_10021', name: 'Steps to reproduce', kind: 'textarea' },
  { id: 'customfield_10030', name: 'External reference', kind: 'textfield' },
  { id: 'customfield_10031', name: 'Customer contact', kind: 'textfield' },
  { id: 'customfield_10032', name: 'Runbook link', kind: 'url' },
  { id: 'customfield_10033', name: 'Build id', kind: 'readonly' },
  { id: 'customfield_10034', name: 'Affected components', kind: 'labels' },
  { id: 'customfield_10040', name: 'Severity', kind: 'select' },
  { id: 'customfield_10041', name: 'Platforms', kind: 'multiselect' },
  { id: 'customfield_10042', name: 'Due review', kind: 'datepicker' },
  { id: 'customfield_10043', name: 'Story points', kind: 'float' },
  { id: 'customfield_10044', name: 'Approver', kind: 'userpicker' },
  { id: 'customfield_10050', name: 'Notes', kind: 'textarea' },
  { id: 'customfield_10051', name: 'Notes', kind: 'textfield' },
];

const SCHEMAS: Record<CustomKind, { type: string; custom: string; items?: string }> = {
  textarea: { type: 'string', custom: `${CUSTOM}textarea` },
  textfield: { type: 'string', custom: `${CUSTOM}textfield` },
  url: { type: 'string', custom: `${CUSTOM}url` },
  readonly: { type: 'string', custom: `${CUSTOM}readonlyfield` },
  labels: { type: 'array', items: 'string', custom: `${CUSTOM}labels` },
  select: { type: 'option', custom: `${CUSTOM}select` },
  multiselect: { type: 'array', items: 'option', custom: `${CUSTOM}multiselect` },
  datepicker: { type: 'date', custom: `${CUSTOM}datepicker` },
  float: { type: 'number', custom: `${CUSTOM}float` },
  userpicker: { type: 'user', custom: `${CUSTOM}userpicker` },
  sprint: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
};

export function createFields(): FieldRecord[] {
  const custom = CUSTOM_FIELDS.map((def): FieldRecord => ({
    id: def.id,
    name: def.name,
    custom: true,
    schema: { ...SCHEMAS[def.kind], customId: Number(def.id.slice('customfield_'.length)) },
  }));
  return [...SYSTEM_FIELDS.map((f) => ({ ...f, schema: { ...f.schema } })), ...custom];
}

const BY_TOPIC: Record<Topic, readonly string[]> = {
  engineering: [
    '10010',
    '10020',
    '10021',
    '10030',
    '10032',
    '10033',
    '10034',
    '10040',
    '10041',
    '10043',
    '10050',
    '10051',
  ],
  operations: ['10010', '10020', '10030', '10032', '10033', '10034', '10040', '10044', '10050'],
  support: ['10021', '10031', '10040', '10041', '10042', '10044', '10051'],
  people: ['10042', '10044', '10050', '10051'],
  clinic: ['10021', '10031', '10040', '10042', '10050', '10051'],
  finance: ['10030', '10042', '10043', '10044', '10051'],
};

/** The custom fields issues of a topic fill in (others are absent, which the server renders as null). */
export function customFieldsFor(topic: Topic): CustomFieldDef[] {
  const ids = new Set(BY_TOPIC[topic].map((n) => `customfield_${n}`));
  return CUSTOM_FIELDS.filter((def) => ids.has(def.id));
}

/** Custom fields whose value is free text, where a value can be planted. */
export const TEXT_KINDS: ReadonlySet<CustomKind> = new Set(['textarea', 'textfield', 'url', 'readonly']);
