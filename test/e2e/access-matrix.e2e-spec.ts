import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, runRow, SERVICE_MATRIX, type Caller, type MatrixFixture } from '../integration/identity/access-matrix.js';
import { admin, provisionKey } from './support/admin-client.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

let helix: HelixProcess;
let fixture: MatrixFixture;
const keys: Partial<Record<Caller, string>> = {};

beforeAll(async () => {
  helix = await spawnHelix('standalone', { config: { pipeline: { pii: { enabled: true } } } });
  const master = helix.masterKey();
  const member = await provisionKey(helix.url, master, { role: 'member' });
  keys.master = master;
  keys.member = member.key;
  for (const role of ['admin', 'team-admin', 'analyst'] as const) {
    const user = await admin<{ id: string }>(helix.url, master, 'POST', '/admin/users', { name: role, team_id: member.teamId });
    keys[role] = (await admin<{ key: string }>(helix.url, master, 'POST', '/admin/keys', { user_id: user.id, role })).key;
  }
  fixture = { orgId: member.orgId, teamId: member.teamId, userId: member.userId, memberKeyId: member.keyId };
});
afterAll(() => helix?.dispose());

describe('role × route on the whole running gateway (every route, every role)', () => {
  it.each([...ACCESS_MATRIX, ...SERVICE_MATRIX])('$route', async (row) => {
    const { got, want, refusalTypes } = await runRow(row, fixture, async (caller, method, url, payload) => {
      const key = keys[caller];
      const res = await fetch(`${helix.url}${url}`, {
        method,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) },
        body: payload ? JSON.stringify(payload) : undefined,
      });
      const body = (await res.json().catch(() => ({}))) as { error?: { type?: string } };
      return { status: res.status, errorType: body.error?.type };
    });
    expect(got).toEqual(want);
    for (const type of refusalTypes) expect(type).toMatch(/authentication_error|permission_error/);
  });
});
