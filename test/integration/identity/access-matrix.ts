import type { Role } from '../../../apps/gateway/src/identity/identity.js';

/** Who calls: no key, the master key, or a key of one role (all in the fixture's org and team). */
export type Caller = 'none' | 'master' | Role;
export const CALLERS: readonly Caller[] = ['none', 'master', 'admin', 'team-admin', 'member', 'analyst'];

/** Ids a row's request may point at: the callers' own org, team, user and member key. */
export interface MatrixFixture {
  orgId: string;
  teamId: string;
  userId: string;
  memberKeyId: string;
}

/** An id that exists nowhere: an allowed caller gets 404, which shows it passed the guard. */
export const MISSING = '01900000-0000-7000-8000-000000000000';

export interface AccessRow {
  /** `METHOD /path`, as documented. */
  route: string;
  /** The request an allowed caller would make (a valid body, so it succeeds). */
  request(f: MatrixFixture): { url: string; payload?: object };
  /** Callers that get through; every other key gets 403, and no key 401 (unless `none` is allowed). */
  allow: readonly Caller[];
  /** What an allowed caller gets. */
  status: number;
}

const admins = ['master', 'admin'] as const;
const managers = ['master', 'admin', 'team-admin'] as const;
const everyone = CALLERS;

/**
 * Role × route: one row per route of the gateway. Inference routes go here too,
 * with the request that makes them succeed.
 */
export const ACCESS_MATRIX: AccessRow[] = [
  { route: 'GET /health/live', request: () => ({ url: '/health/live' }), allow: everyone, status: 200 },
  { route: 'GET /metrics', request: () => ({ url: '/metrics' }), allow: everyone, status: 200 },

  { route: 'POST /admin/orgs', request: () => ({ url: '/admin/orgs', payload: { name: 'm' } }), allow: ['master'], status: 201 },
  { route: 'GET /admin/orgs', request: () => ({ url: '/admin/orgs' }), allow: admins, status: 200 },
  { route: 'GET /admin/orgs/:id', request: (f) => ({ url: `/admin/orgs/${f.orgId}` }), allow: admins, status: 200 },
  { route: 'PATCH /admin/orgs/:id', request: (f) => ({ url: `/admin/orgs/${f.orgId}`, payload: { name: 'm' } }), allow: admins, status: 200 },
  { route: 'DELETE /admin/orgs/:id', request: () => ({ url: `/admin/orgs/${MISSING}` }), allow: ['master'], status: 404 },

  { route: 'POST /admin/teams', request: (f) => ({ url: '/admin/teams', payload: { org_id: f.orgId, name: 'm' } }), allow: admins, status: 201 },
  { route: 'GET /admin/teams', request: () => ({ url: '/admin/teams' }), allow: managers, status: 200 },
  { route: 'GET /admin/teams/:id', request: (f) => ({ url: `/admin/teams/${f.teamId}` }), allow: managers, status: 200 },
  { route: 'PATCH /admin/teams/:id', request: (f) => ({ url: `/admin/teams/${f.teamId}`, payload: { name: 'm' } }), allow: admins, status: 200 },
  { route: 'DELETE /admin/teams/:id', request: () => ({ url: `/admin/teams/${MISSING}` }), allow: admins, status: 404 },

  { route: 'POST /admin/users', request: (f) => ({ url: '/admin/users', payload: { team_id: f.teamId, name: 'm' } }), allow: managers, status: 201 },
  { route: 'GET /admin/users', request: () => ({ url: '/admin/users' }), allow: managers, status: 200 },
  { route: 'GET /admin/users/:id', request: (f) => ({ url: `/admin/users/${f.userId}` }), allow: managers, status: 200 },
  { route: 'PATCH /admin/users/:id', request: (f) => ({ url: `/admin/users/${f.userId}`, payload: { name: 'm' } }), allow: managers, status: 200 },
  { route: 'DELETE /admin/users/:id', request: () => ({ url: `/admin/users/${MISSING}` }), allow: managers, status: 404 },

  { route: 'POST /admin/keys', request: (f) => ({ url: '/admin/keys', payload: { user_id: f.userId, role: 'member' } }), allow: managers, status: 201 },
  { route: 'GET /admin/keys', request: () => ({ url: '/admin/keys' }), allow: managers, status: 200 },
  { route: 'GET /admin/keys/:id', request: (f) => ({ url: `/admin/keys/${f.memberKeyId}` }), allow: managers, status: 200 },
  { route: 'PATCH /admin/keys/:id', request: (f) => ({ url: `/admin/keys/${f.memberKeyId}`, payload: { name: 'm' } }), allow: managers, status: 200 },
  { route: 'DELETE /admin/keys/:id', request: () => ({ url: `/admin/keys/${MISSING}` }), allow: managers, status: 404 },

  { route: 'GET /admin/audit', request: () => ({ url: '/admin/audit' }), allow: admins, status: 200 },
];

/** Inference and public service routes; they need the whole gateway (the e2e matrix runs them). */
const inference = ['master', 'admin', 'team-admin', 'member'] as const;
const chat = { model: 'mock-gpt', messages: [{ role: 'user', content: 'matrix' }] };
export const SERVICE_MATRIX: AccessRow[] = [
  { route: 'GET /admin/users/:id/export', request: () => ({ url: `/admin/users/${MISSING}/export` }), allow: admins, status: 404 },
  { route: 'POST /admin/users/:id/erase', request: () => ({ url: `/admin/users/${MISSING}/erase`, payload: {} }), allow: admins, status: 404 },
  { route: 'POST /v1/chat/completions', request: () => ({ url: '/v1/chat/completions', payload: chat }), allow: inference, status: 200 },
  { route: 'POST /v1/embeddings', request: () => ({ url: '/v1/embeddings', payload: { model: 'mock-embedding', input: 'x' } }), allow: inference, status: 200 },
  { route: 'GET /v1/models', request: () => ({ url: '/v1/models' }), allow: inference, status: 200 },
  { route: 'GET /v1/models/*', request: () => ({ url: '/v1/models/mock-gpt' }), allow: inference, status: 200 },
  { route: 'POST /v1/pii/analyze', request: () => ({ url: '/v1/pii/analyze', payload: { text: 'mail ada@example.com', language: 'en' } }), allow: inference, status: 200 },
  { route: 'POST /v1/messages', request: () => ({ url: '/v1/messages', payload: { model: 'mock-gpt', max_tokens: 16, messages: [{ role: 'user', content: 'matrix' }] } }), allow: inference, status: 200 },
  { route: 'POST /v1/responses', request: () => ({ url: '/v1/responses', payload: { model: 'mock-gpt', input: 'matrix' } }), allow: inference, status: 200 },

  { route: 'POST /admin/budgets', request: () => ({ url: '/admin/budgets', payload: {} }), allow: managers, status: 400 },
  { route: 'GET /admin/budgets', request: () => ({ url: '/admin/budgets' }), allow: managers, status: 200 },
  { route: 'GET /admin/budgets/:id', request: () => ({ url: `/admin/budgets/${MISSING}` }), allow: managers, status: 404 },
  { route: 'PATCH /admin/budgets/:id', request: () => ({ url: `/admin/budgets/${MISSING}`, payload: { hard_limit_usd: 1 } }), allow: managers, status: 404 },
  { route: 'DELETE /admin/budgets/:id', request: () => ({ url: `/admin/budgets/${MISSING}` }), allow: managers, status: 404 },
  { route: 'POST /admin/alert-channels', request: () => ({ url: '/admin/alert-channels', payload: {} }), allow: managers, status: 400 },
  { route: 'GET /admin/alert-channels', request: () => ({ url: '/admin/alert-channels' }), allow: managers, status: 200 },
  { route: 'DELETE /admin/alert-channels/:id', request: () => ({ url: `/admin/alert-channels/${MISSING}` }), allow: managers, status: 404 },
  { route: 'GET /admin/spend', request: () => ({ url: '/admin/spend' }), allow: managers, status: 200 },
  { route: 'GET /admin/spend/budgets', request: (f) => ({ url: `/admin/spend/budgets?org_id=${f.orgId}` }), allow: managers, status: 200 },

  { route: 'GET /v1/cache/stats', request: () => ({ url: '/v1/cache/stats' }), allow: managers, status: 200 },
  { route: 'POST /v1/cache/invalidate', request: (f) => ({ url: '/v1/cache/invalidate', payload: { team_id: f.teamId } }), allow: managers, status: 200 },
  { route: 'POST /v1/cache/warm', request: () => ({ url: '/v1/cache/warm', payload: {} }), allow: managers, status: 400 },
  { route: 'GET /v1/cache/health', request: () => ({ url: '/v1/cache/health' }), allow: managers, status: 200 },
  {
    route: 'POST /v1/pii/anonymize',
    request: () => ({ url: '/v1/pii/anonymize', payload: { text: 'mail ada@example.com', analyzer_results: [{ entity_type: 'EMAIL_ADDRESS', start: 5, end: 20, score: 1 }] } }),
    allow: inference,
    status: 200,
  },
];

/** Sends one request as one caller; returns its status and, for refusals, the error type. */
export type SendAs = (caller: Caller, method: string, url: string, payload?: object) => Promise<{ status: number; errorType?: string }>;

/** Every caller against one row: what each got, and what each should have got. */
export async function runRow(row: AccessRow, fixture: MatrixFixture, send: SendAs) {
  const method = row.route.split(' ')[0]!;
  const got: Record<string, number> = {};
  const want: Record<string, number> = {};
  const refusalTypes = new Set<string>();
  for (const caller of CALLERS) {
    const { url, payload } = row.request(fixture);
    const res = await send(caller, method, url, payload);
    got[caller] = res.status;
    want[caller] = row.allow.includes(caller) ? row.status : caller === 'none' ? 401 : 403;
    if ((res.status === 401 || res.status === 403) && res.errorType) refusalTypes.add(res.errorType);
  }
  return { got, want, refusalTypes };
}
