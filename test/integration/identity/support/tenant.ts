import { expect } from 'vitest';
import type { Role } from '../../../../apps/gateway/src/identity/identity.js';
import type { GatewayApp } from './gateway-app.js';

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** One org, one team, one user, and a key of every role, made through the admin API with the master key. */
export interface Tenant {
  orgId: string;
  teamId: string;
  userId: string;
  keys: Record<Role, string>;
  keyIds: Record<Role, string>;
}

/** Calls the admin API and expects `status`; returns the JSON body. */
export async function call(app: GatewayApp, key: string | undefined, method: string, url: string, payload?: unknown, status?: number): Promise<any> {
  const res = await app.inject({ method: method as 'GET', url, headers: key ? bearer(key) : {}, ...(payload !== undefined && { payload: payload as object }) });
  if (status !== undefined) expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}

export async function createTenant(app: GatewayApp, masterKey: string, name = 'acme', teamLimits: { rpm?: number; tpm?: number } = {}): Promise<Tenant> {
  const org = await call(app, masterKey, 'POST', '/admin/orgs', { name }, 201);
  const team = await call(app, masterKey, 'POST', '/admin/teams', { org_id: org.id, name: `${name}-team`, ...teamLimits }, 201);
  const user = await call(app, masterKey, 'POST', '/admin/users', { team_id: team.id, name: `${name}-user` }, 201);
  const keys = {} as Record<Role, string>;
  const keyIds = {} as Record<Role, string>;
  for (const role of ['admin', 'team-admin', 'member', 'analyst'] as const) {
    const created = await call(app, masterKey, 'POST', '/admin/keys', { user_id: user.id, role, name: role }, 201);
    keys[role] = created.key;
    keyIds[role] = created.id;
  }
  return { orgId: org.id, teamId: team.id, userId: user.id, keys, keyIds };
}
