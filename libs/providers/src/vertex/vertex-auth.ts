import { googleAccessToken } from '../google-auth/google-token.js';
import type { Deployment, UpstreamRequest } from '../provider.js';
import type { VertexSettings } from './vertex-settings.js';

/** Adds `Authorization: Bearer` with the service account's access token (exchanged by JWT, cached). */
export async function withVertexToken(request: UpstreamRequest, dep: Deployment, settings: VertexSettings): Promise<UpstreamRequest> {
  const token = await googleAccessToken(settings.serviceAccount, dep.id);
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
}
