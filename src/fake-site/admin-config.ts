// Admin changes to the site's catalogues: renames of its own texts (a project's or space's name and description, a
// custom field's name, a workflow's name and description) and deletions of projects and spaces. Catalogue records
// are the site's own copies (see Site), replaced or removed in place; the values planted by a rename go to the
// truth with the place they were put.
import type { PlaceAccess, PlantedRecord } from './model.ts';
import type { Site } from './site.ts';

export interface PlantedInput {
  field: string;
  category: PlantedRecord['category'];
  kind: string;
  value: string;
}

export interface TextChange {
  name?: string;
  description?: string;
  planted?: PlantedInput[];
}

const defined = (change: TextChange) => ({
  ...(change.name === undefined ? {} : { name: change.name }),
  ...(change.description === undefined ? {} : { description: change.description }),
});

/** Replaces the record matching `key` in `list` with the change applied; false when none matches. */
function replace<T extends object>(list: T[], matches: (record: T) => boolean, patch: Partial<T>): boolean {
  const at = list.findIndex(matches);
  if (at < 0) return false;
  list[at] = { ...list[at]!, ...patch };
  return true;
}

/** Removes the first record of `list` that matches; false when none does. */
function remove<T>(list: T[], matches: (record: T) => boolean): boolean {
  const at = list.findIndex(matches);
  if (at >= 0) list.splice(at, 1);
  return at >= 0;
}

/**
 * Deletes a project or a space: it leaves every listing, and its issues or pages go with it (the overlays answer
 * nothing for content whose container is gone).
 */
export function deleteContainer(site: Site, what: 'project' | 'space', key: string): boolean {
  const list: Array<{ key: string }> = what === 'project' ? site.content.projects : site.content.spaces;
  return remove(list, (c) => c.key === key);
}

/**
 * Takes the API user's access to a project or space away (`forbidden`), or gives it back, as a permission scheme
 * or space permission change would: see ProjectRecord.forbidden and SpaceRecord.forbidden for what the API then
 * answers. False when there is no such place.
 */
export function setForbidden(
  site: Site,
  what: 'project' | 'space',
  key: string,
  forbidden: boolean,
): boolean {
  return patchPlace(site, what, key, { forbidden });
}

/** Changes a project's or space's access flags; false when there is no such place. */
function patchPlace(
  site: Site,
  what: 'project' | 'space',
  key: string,
  patch: { forbidden?: boolean; access?: PlaceAccess },
): boolean {
  const list: Array<{ key: string; forbidden: boolean; access: PlaceAccess }> =
    what === 'project' ? site.content.projects : site.content.spaces;
  return replace(list, (c) => c.key === key, patch);
}

const ACCESS: readonly PlaceAccess[] = ['public', 'logged-in', 'restricted'];

/**
 * Opens or closes a project or space: who holds Browse Projects or the View space permission besides its
 * members. False when there is no such place; throws on an unknown access.
 */
export function setAccess(site: Site, what: 'project' | 'space', key: string, access: unknown): boolean {
  if (!ACCESS.includes(access as PlaceAccess))
    throw new RangeError(`access must be one of ${ACCESS.join(', ')}`);
  return patchPlace(site, what, key, { access: access as PlaceAccess });
}

type Where = Pick<PlantedRecord, 'product' | 'container' | 'item'>;

function records(where: Where, planted: readonly PlantedInput[] = [], field?: string): PlantedRecord[] {
  return planted.map((p) => ({ ...where, ...p, field: field ?? p.field, readable: true }));
}

/** Renames a project (`planted` fields: name or description); undefined when there is no such project. */
export function renameProject(site: Site, key: string, change: TextChange): PlantedRecord[] | undefined {
  if (!replace(site.content.projects, (p) => p.key === key, defined(change))) return undefined;
  return records({ product: 'jira', container: key, item: key }, change.planted);
}

export function renameSpace(site: Site, key: string, change: TextChange): PlantedRecord[] | undefined {
  if (!replace(site.content.spaces, (s) => s.key === key, defined(change))) return undefined;
  return records({ product: 'confluence', container: key, item: key }, change.planted);
}

export function renameField(site: Site, id: string, change: TextChange): PlantedRecord[] | undefined {
  const patch = change.name === undefined ? {} : { name: change.name };
  if (!replace(site.content.fields, (f) => f.id === id && f.custom, patch)) return undefined;
  return records({ product: 'jira', container: '', item: id }, change.planted, 'field-name');
}

/** Renames or redescribes a workflow (`planted` fields: workflow-name or workflow-description). */
export function updateWorkflow(site: Site, id: string, change: TextChange): PlantedRecord[] | undefined {
  const patch = { ...defined(change), updated: site.clock.isoNow() };
  if (!replace(site.content.workflows, (w) => w.id === id, patch)) return undefined;
  return records({ product: 'jira', container: '', item: id }, change.planted);
}
