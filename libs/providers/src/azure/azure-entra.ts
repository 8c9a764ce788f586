import { TokenCache } from '../oauth/cached-token.js';
import { requestToken } from '../oauth/token-endpoint.js';
import type { Deployment } from '../provider.js';
import type { EntraClient } from './azure-settings.js';

/** Where Entra bearer tokens come from: the seam for managed identity or workload identity providers. */
export type AzureTokenProvider = (client: EntraClient, dep: Deployment) => Promise<string>;

const tokens = new TokenCache();

/** OAuth 2.0 client credentials against Entra ID; tokens cached until shortly before they expire. */
export const clientCredentialsToken: AzureTokenProvider = (client, dep) =>
  tokens.get(`${client.tokenUrl}|${client.clientId}|${client.scope}`, () =>
    requestToken(client.tokenUrl, { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret, scope: client.scope }, dep.id),
  );
