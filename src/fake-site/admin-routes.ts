// The admin API over HTTP under /__admin/, outside the emulated API: no emulated auth, faults or stats.
import { adminOf, type AdminApi } from './admin-api.ts';
import type { FaultConfig } from './faults.ts';
import { json, type Reply, type RequestContext, type Route } from './router.ts';

type Body = Record<string, unknown>;

function handler(act: (api: AdminApi, body: Body, context: RequestContext) => unknown, status = 200) {
  return (context: RequestContext): Reply => {
    try {
      const result = act(adminOf(context.site), (context.body ?? {}) as Body, context);
      if (result === undefined || result === false) return json(404, { error: 'no such item' });
      return json(status, result === true ? { ok: true } : result);
    } catch (error) {
      return json(400, { error: error instanceof Error ? error.message : 'bad request' });
    }
  };
}

const A = '/__admin';
export const adminRoutes: Route[] = [
  {
    method: 'POST',
    template: `${A}/issues`,
    handle: handler((api, b) => api.createIssue(b as Parameters<AdminApi['createIssue']>[0]), 201),
  },
  {
    method: 'PUT',
    template: `${A}/issues/{idOrKey}`,
    handle: handler((api, b, c) => api.updateIssue(c.params.idOrKey!, b)),
  },
  {
    method: 'DELETE',
    template: `${A}/issues/{idOrKey}`,
    handle: handler((api, _b, c) => api.deleteIssue(c.params.idOrKey!)),
  },
  {
    method: 'POST',
    template: `${A}/issues/{idOrKey}/move`,
    handle: handler((api, b, c) => api.moveIssue(c.params.idOrKey!, String(b.projectKey))),
  },
  {
    method: 'POST',
    template: `${A}/issues/{idOrKey}/comments`,
    handle: handler((api, b, c) => api.addIssueComment(c.params.idOrKey!, b), 201),
  },
  {
    method: 'DELETE',
    template: `${A}/issues/{idOrKey}/comments/{id}`,
    handle: handler((api, _b, c) => api.deleteIssueComment(c.params.idOrKey!, c.params.id!)),
  },
  {
    method: 'POST',
    template: `${A}/content`,
    handle: handler((api, b) => api.createContent(b as Parameters<AdminApi['createContent']>[0]), 201),
  },
  {
    method: 'PUT',
    template: `${A}/content/{id}`,
    handle: handler((api, b, c) => api.updateContent(c.params.id!, b)),
  },
  {
    method: 'DELETE',
    template: `${A}/content/{id}`,
    handle: handler((api, _b, c) => api.deleteContent(c.params.id!, c.query.get('purge') === 'true')),
  },
  {
    method: 'POST',
    template: `${A}/content/{id}/move`,
    handle: handler((api, b, c) => api.moveContent(c.params.id!, String(b.spaceKey))),
  },
  {
    method: 'POST',
    template: `${A}/content/{id}/comments`,
    handle: handler((api, b, c) => api.addContentComment(c.params.id!, b), 201),
  },
  {
    method: 'DELETE',
    template: `${A}/comments/{id}`,
    handle: handler((api, _b, c) => api.deleteContentComment(c.params.id!)),
  },
  ...(['project', 'space', 'field', 'workflow'] as const).map((what): Route => ({
    method: 'PUT',
    template: `${A}/${what}s/{key}`,
    handle: handler((api, b, c) => api.rename(what, c.params.key!, b)),
  })),
  ...(['project', 'space'] as const).map((what): Route => ({
    method: 'PUT',
    template: `${A}/${what}s/{key}/forbidden`,
    handle: handler((api, b, c) => {
      if (typeof b.forbidden !== 'boolean') throw new Error('body: {"forbidden": true|false}');
      return api.setForbidden(what, c.params.key!, b.forbidden);
    }),
  })),
  ...(['project', 'space'] as const).map((what): Route => ({
    method: 'DELETE',
    template: `${A}/${what}s/{key}`,
    handle: handler((api, _b, c) => api.deleteContainer(what, c.params.key!)),
  })),
  ...(['project', 'space'] as const).map((what): Route => ({
    method: 'PUT',
    template: `${A}/${what}s/{key}/access`,
    handle: handler((api, b, c) => api.setAccess(what, c.params.key!, b.access)),
  })),
  {
    method: 'POST',
    template: `${A}/clock`,
    handle: handler((api, b) => ({ now: api.advanceClock(Number(b.advanceMs)) })),
  },
  {
    method: 'POST',
    template: `${A}/churn`,
    handle: handler((api, b) => api.churn(Number(b.fraction), Number(b.seed ?? 1))),
  },
  { method: 'GET', template: `${A}/stats`, handle: handler((api) => api.stats()) },
  { method: 'POST', template: `${A}/stats/reset`, handle: handler((api) => (api.resetStats(), true)) },
  { method: 'GET', template: `${A}/truth`, handle: handler((api) => api.truth()) },
  { method: 'GET', template: `${A}/faults`, handle: handler((api) => api.faults()) },
  {
    method: 'POST',
    template: `${A}/faults`,
    handle: handler((api, b) => (api.setFaults(b as FaultConfig), true)),
  },
];
