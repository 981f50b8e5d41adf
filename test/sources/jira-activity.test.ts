// Who can read a Jira comment or worklog, from the fields Jira documents: a role or group restriction anywhere,
// jsdPublic only where the project is a service desk (elsewhere Jira sends true and it means nothing).
import { describe, expect, it } from 'vitest';
import { visibilityOf } from '../../src/sources/jira-activity.ts';

const role = { type: 'role', value: 'Administrators', identifier: 'Administrators' };
const group = { type: 'group', identifier: '276f955c-63d7-42c8-9520-92d01dca0625' };

describe('visibilityOf', () => {
  it.each([
    ['a service desk reply', { jsdPublic: true }, 'comment', true, 'public'],
    ['a service desk internal note', { jsdPublic: false }, 'comment', true, 'internal'],
    ['a service desk comment without jsdPublic (Jira defaults it to true)', {}, 'comment', true, 'public'],
    [
      'a service desk note restricted to a role',
      { jsdPublic: false, visibility: role },
      'comment',
      true,
      'restricted',
    ],
    [
      'a service desk reply restricted to a group',
      { jsdPublic: true, visibility: group },
      'comment',
      true,
      'restricted',
    ],
    ['a software project comment', { jsdPublic: true }, 'comment', false, undefined],
    [
      'a software project comment restricted to a role',
      { jsdPublic: true, visibility: role },
      'comment',
      false,
      'restricted',
    ],
    ['a null visibility', { jsdPublic: true, visibility: null }, 'comment', false, undefined],
    ['a service desk worklog (never shown on the portal)', {}, 'worklog', true, 'internal'],
    ['a service desk worklog restricted to a group', { visibility: group }, 'worklog', true, 'restricted'],
    ['a software project worklog', {}, 'worklog', false, undefined],
  ] as const)('%s', (_name, entry, kind, serviceDesk, expected) => {
    expect(visibilityOf(entry, kind, serviceDesk)).toBe(expected);
  });
});
