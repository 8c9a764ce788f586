import type { Role } from '../../../apps/gateway/src/identity/identity.js';

export interface ProvisionedKey {
  key: string;
  keyId: string;
  orgId: string;
  teamId: string;
  userId: string;
}

/** Calls the admin API with a key, failing loudly on anything but 2xx. */
export async function admin<T = Record<string, unknown>>(url: string, key: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A fresh org, team, user and key with the given role and limits. */
export async function provisionKey(
  url: string,
  masterKey: string,
  opts: { role?: Role; teamRpm?: number; teamTpm?: number; rpm?: number; tpm?: number; models?: string[]; orgId?: string; teamId?: string } = {},
): Promise<ProvisionedKey> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const orgId = opts.orgId ?? (await admin<{ id: string }>(url, masterKey, 'POST', '/admin/orgs', { name: `org-${suffix}` })).id;
  const teamId =
    opts.teamId ??
    (await admin<{ id: string }>(url, masterKey, 'POST', '/admin/teams', { name: `team-${suffix}`, org_id: orgId, rpm: opts.teamRpm, tpm: opts.teamTpm })).id;
  const user = await admin<{ id: string }>(url, masterKey, 'POST', '/admin/users', { name: `user-${suffix}`, team_id: teamId });
  const created = await admin<{ id: string; key: string }>(url, masterKey, 'POST', '/admin/keys', {
    name: `key-${suffix}`,
    user_id: user.id,
    role: opts.role ?? 'member',
    rpm: opts.rpm,
    tpm: opts.tpm,
    models: opts.models,
  });
  return { key: created.key, keyId: created.id, orgId, teamId, userId: user.id };
}
