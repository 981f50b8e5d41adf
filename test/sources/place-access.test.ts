// Who may read a place, from the permission answers: the widest Browse Projects holder or space read principal
// decides; a shape the scanner does not recognise gives no answer rather than a guess.
import { describe, expect, it } from 'vitest';
import {
  jiraVisibility,
  spaceVisibility,
  type JiraGrant,
  type SpaceAssignment,
} from '../../src/sources/place-access.ts';

const browse = (type: string, parameter?: string): JiraGrant => ({
  permission: 'BROWSE_PROJECTS',
  holder: { type, ...(parameter === undefined ? {} : { parameter }) },
});
const role = browse('projectRole', '10002');

describe('jiraVisibility', () => {
  it.each<[string, JiraGrant[], string | undefined]>([
    ['anyone browses', [role, browse('anyone')], 'public'],
    [
      'any logged-in user browses (applicationRole without a parameter)',
      [role, browse('applicationRole')],
      'logged-in',
    ],
    ['the users of one product browse', [browse('applicationRole', 'jira-software')], 'logged-in'],
    ['roles, groups and users browse', [role, browse('group', 'team'), browse('user', 'abc')], 'restricted'],
    ['the reporter and the lead browse', [browse('reporter'), browse('projectLead')], 'restricted'],
    [
      'anyone may only comment',
      [role, { permission: 'ADD_COMMENTS', holder: { type: 'anyone' } }],
      'restricted',
    ],
    ['a holder type it does not know browses', [role, browse('appRole')], undefined],
    ['a holder it does not know, but anyone browses too', [browse('appRole'), browse('anyone')], 'public'],
    ['a grant without a holder', [{ permission: 'BROWSE_PROJECTS' }], undefined],
    ['nobody browses', [], 'restricted'],
  ])('%s: %s', (_case, grants, expected) => {
    expect(jiraVisibility(grants)).toBe(expected);
  });
});

const read = (type: string, id = 'x'): SpaceAssignment => ({
  principal: { type, id },
  operation: { key: 'read', targetType: 'space' },
});

describe('spaceVisibility', () => {
  it.each<[string, SpaceAssignment[], string | undefined]>([
    ['anonymous users read (access class)', [read('user'), read('role', 'anonymous-users')], 'public'],
    ['anonymous users read (type anonymous)', [read('group'), read('ANONYMOUS', '')], 'public'],
    ['all licensed users read', [read('group'), read('role', 'all-licensed-users')], 'logged-in'],
    ['authenticated users read', [read('access_class', 'authenticated-users')], 'logged-in'],
    ['users and groups read', [read('user'), read('group')], 'restricted'],
    [
      'anonymous users may only comment',
      [
        read('user'),
        {
          principal: { type: 'role', id: 'anonymous-users' },
          operation: { key: 'create', targetType: 'comment' },
        },
      ],
      'restricted',
    ],
    ['a role it does not know reads', [read('user'), read('role', 'space-admins')], undefined],
    [
      'a read grant without a principal',
      [{ principal: null, operation: { key: 'read', targetType: 'space' } }],
      undefined,
    ],
  ])('%s: %s', (_case, assignments, expected) => {
    expect(spaceVisibility(assignments)).toBe(expected);
  });
});
