// Values of the custom fields an issue fills in, shaped by field type (section 2.6: textarea holds ADF,
// textfield/url/readonly plain strings, selects option objects, pickers ids or dates).

import type { AdfNode, FakeUser } from '../model.ts';
import * as adf from './adf-builder.ts';
import { withPlants } from './adf-blocks.ts';
import type { CustomFieldDef } from './fields.ts';
import type { Plant } from './planting.ts';
import type { Rng } from '../../synth/rng.ts';
import { fill, paragraph, topicText, type Topic } from './topics.ts';

const SEVERITIES = ['Sev 1', 'Sev 2', 'Sev 3', 'Sev 4'];
const PLATFORMS = ['Web', 'iOS', 'Android', 'API', 'Desktop'];

export interface CustomValueContext {
  rng: Rng;
  topic: Topic;
  projectKey: string;
  users: readonly FakeUser[];
  createdMs: number;
}

const option = (list: readonly string[], i: number): { id: string; value: string } => ({
  id: String(10_100 + i),
  value: list[i] as string,
});

function plainValue(def: CustomFieldDef, ctx: CustomValueContext): unknown {
  const { rng } = ctx;
  switch (def.kind) {
    case 'textarea':
      return adf.doc([adf.paragraph(adf.text(paragraph(rng, topicText(ctx.topic).prose, 1, 2)))]);
    case 'textfield':
      return def.name === 'Customer contact'
        ? 'Requester via portal (see participants)'
        : `${ctx.projectKey}-REF-${rng.int(1000, 99_999)}`;
    case 'url':
      return fill(rng, 'https://docs.example.com/runbooks/{service}');
    case 'readonly':
      return `build-${rng.int(1000, 9999)}.${rng.int(1, 40)}`;
    case 'labels':
      return [rng.pick(topicText(ctx.topic).labels), fill(rng, '{service}')];
    case 'select':
      return option(SEVERITIES, rng.int(0, SEVERITIES.length - 1));
    case 'multiselect':
      return [option(PLATFORMS, rng.int(0, 1)), option(PLATFORMS, rng.int(2, 4))];
    case 'datepicker':
      return new Date(ctx.createdMs + rng.int(1, 60) * 86_400_000).toISOString().slice(0, 10);
    case 'float':
      return rng.pick([1, 2, 3, 5, 8, 13]);
    case 'userpicker':
      return { accountId: rng.pick(ctx.users).accountId };
    case 'sprint': {
      const n = rng.int(1, 80);
      return [
        { id: n, name: `${ctx.projectKey} Sprint ${n}`, state: rng.pick(['closed', 'active']), boardId: 1 },
      ];
    }
  }
}

/** The field's value with any planted carriers placed in it (text fields only, by the plan). */
export function customValue(def: CustomFieldDef, ctx: CustomValueContext, plants: readonly Plant[]): unknown {
  const value = plainValue(def, ctx);
  if (plants.length === 0) return value;
  if (def.kind === 'textarea') return adf.doc(withPlants(ctx.rng, (value as AdfNode).content ?? [], plants));
  if (def.kind === 'url') return (plants[0] as Plant).carrier;
  return [value, ...plants.map((p) => p.carrier)].join(' ');
}
