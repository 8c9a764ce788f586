/**
 * A stand-in OAuth token endpoint for deployments that fetch access tokens (Vertex service
 * accounts: JWT bearer; Azure Entra: client credentials): `POST …/token` answers any well-formed
 * grant with `mock-access-token-<n>`, and a malformed one with `invalid_grant`.
 */
export function tokenReply(route: string, rawBody: string, issued: () => number): { status: number; json: string } | undefined {
  if (!route.endsWith('/token')) return undefined;
  const form = new URLSearchParams(rawBody);
  const grant = form.get('grant_type');
  const ok =
    (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && (form.get('assertion') ?? '').split('.').length === 3) ||
    (grant === 'client_credentials' && !!form.get('client_id') && !!form.get('client_secret'));
  if (!ok) return { status: 400, json: JSON.stringify({ error: 'invalid_grant', error_description: 'Unsupported or malformed grant.' }) };
  return { status: 200, json: JSON.stringify({ access_token: `mock-access-token-${issued()}`, expires_in: 3600, token_type: 'Bearer' }) };
}
