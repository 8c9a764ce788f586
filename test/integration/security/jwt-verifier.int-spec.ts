import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@helix/config';
import { HelixError } from '@helix/contracts';
import { JwtVerifier, looksLikeJwt } from '@helix/platform';
import { TestIssuer } from './support/jwks-server.js';

const ORG = '01900000-0000-7000-8000-0000000000a1';
const TEAM = '01900000-0000-7000-8000-0000000000b1';
let issuer: TestIssuer;

beforeAll(async () => (issuer = await TestIssuer.start()));
afterAll(() => issuer.close());

function verifier(jwt: Record<string, unknown> = {}): JwtVerifier {
  const config = loadConfig({ env: {}, overrides: { auth: { jwt: { issuer: issuer.issuer, audiences: ['helix'], jwksCooldownMs: 0, ...jwt } } } });
  return new JwtVerifier(config.auth.jwt!);
}

const claims = (extra: Record<string, unknown> = {}) => ({ sub: 'alice', org_id: ORG, team_id: TEAM, role: 'member', ...extra });

async function refusal(p: Promise<unknown>): Promise<HelixError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(HelixError);
  return err as HelixError;
}

describe('JwtVerifier', () => {
  it('tells tokens from keys by shape', async () => {
    expect(looksLikeJwt(await issuer.token(claims()))).toBe(true);
    expect(looksLikeJwt('hx-2b7CqOLk8vL2VGq7cZ6Vt1jv3dC1r7m8f0Zr9tQ0x1A')).toBe(false);
  });

  it('finds the JWKS through discovery and maps the configured claims, roles and dotted names', async () => {
    const v = verifier({ claims: { org: 'tenant.org', team: 'tenant.team', user: 'email', role: 'groups' }, roleValues: [{ value: 'helix-analysts', role: 'analyst' }] });
    const token = await issuer.token({ sub: 'u1', email: 'u1@example.com', tenant: { org: ORG, team: TEAM }, groups: ['staff', 'helix-analysts'] });
    expect(await v.verify(token)).toMatchObject({ orgId: ORG, teamId: TEAM, userId: 'u1@example.com', role: 'analyst', subject: `${issuer.issuer}#u1` });
  });

  it('gives the default role when the role claim maps to nothing, and refuses then when there is no default', async () => {
    expect((await verifier().verify(await issuer.token(claims({ role: 'stranger' })))).role).toBe('member');
    const err = await refusal(verifier({ defaultRole: null }).verify(await issuer.token(claims({ role: 'stranger' }))));
    expect(err.status).toBe(401);
  });

  it('refuses expiry, another audience, another issuer, a forged signature, a missing claim: 401 each, with a reason', async () => {
    const v = verifier();
    const past = Math.floor(Date.now() / 1000) - 120;
    const cases: [Promise<string>, RegExp][] = [
      [issuer.token(claims(), { expiresIn: past }), /expired/],
      [issuer.token(claims({ aud: 'someone-else' })), /aud/],
      [issuer.token(claims({ iss: 'http://127.0.0.1:1/evil' })), /iss/],
      [issuer.forger().then((key) => issuer.token(claims(), { key })), /signature/],
      [issuer.token(claims({ team_id: undefined })), /team_id/],
    ];
    for (const [token, reason] of cases) {
      const err = await refusal(v.verify(await token));
      expect(err.status).toBe(401);
      expect(err.toBody().error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
      expect(err.message).toMatch(reason);
    }
    expect((await v.verify(await issuer.token(claims()))).userId).toBe('alice');
  });

  it('refuses an unsigned token (alg none) and an HMAC one, whatever their claims', async () => {
    const v = verifier();
    const unsigned = new UnsecuredJWT(claims({ iss: issuer.issuer, aud: 'helix' })).setExpirationTime('5m').encode();
    const hmac = await new SignJWT(claims({ iss: issuer.issuer, aud: 'helix' })).setProtectedHeader({ alg: 'HS256', kid: issuer.current.kid }).setExpirationTime('5m').sign(new TextEncoder().encode('x'.repeat(32)));
    for (const token of [unsigned, hmac]) expect((await refusal(v.verify(token))).status).toBe(401);
  });

  it('allows small clock skew on exp', async () => {
    const justNow = Math.floor(Date.now() / 1000) - 5;
    expect((await verifier().verify(await issuer.token(claims(), { expiresIn: justNow }))).userId).toBe('alice');
  });

  it('follows a key rotation: refetches for an unknown kid, and the old key fails once it is gone', async () => {
    const v = verifier();
    const before = await issuer.token(claims());
    await v.verify(before);
    const fetches = issuer.jwksFetches;
    await v.verify(await issuer.token(claims()));
    expect(issuer.jwksFetches).toBe(fetches);
    const old = await issuer.rotate('k2');
    expect((await v.verify(await issuer.token(claims()))).userId).toBe('alice');
    expect(issuer.jwksFetches).toBe(fetches + 1);
    const err = await refusal(v.verify(await issuer.token(claims(), { key: old })));
    expect(err.status).toBe(401);
  });

  it('refetches for unknown kids at most once per cooldown', async () => {
    const v = verifier({ jwksCooldownMs: 60_000 });
    await v.verify(await issuer.token(claims()));
    const fetches = issuer.jwksFetches;
    const unpublished = await issuer.forger().then((k) => ({ ...k, kid: 'nope' }));
    for (let i = 0; i < 5; i++) await refusal(v.verify(await issuer.token(claims(), { key: unpublished })));
    expect(issuer.jwksFetches - fetches).toBeLessThanOrEqual(1);
  });

  it('answers 503 when the issuer cannot be reached', async () => {
    const v = verifier({ jwksUri: 'http://127.0.0.1:1/jwks', fetchTimeoutMs: 500 });
    const err = await refusal(v.verify(await issuer.token(claims())));
    expect(err.status).toBe(503);
  });
});
