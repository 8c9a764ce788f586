import type { OptionReader } from '../shared/options.js';

/** A GA api-version with `stream_options`, `max_completion_tokens` and tools. */
export const AZURE_API_VERSION = '2024-10-21';
export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** Microsoft Entra ID client credentials (an app registration with a secret). */
export interface EntraClient {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** Token endpoint; default `https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token`. */
  tokenUrl: string;
}

export interface AzureSettings {
  /** `https://{resource}.openai.azure.com`, without `/openai`. */
  endpoint: string;
  /** The Azure deployment name: `options.deployment`, else the deployment's `model`. */
  deployment: string;
  /** A dated api-version, or `v1` for the version-less `/openai/v1` API. */
  apiVersion: string;
  entra?: EntraClient;
}

/**
 * Azure options: `apiVersion` (default 2024-10-21; `v1` for `/openai/v1`), `deployment`,
 * `resource` (when `baseUrl` is empty), and `entra: {tenantId, clientId, clientSecret, scope?,
 * tokenUrl?}` for Entra ID bearer tokens instead of the `api-key` header.
 */
export function azureSettings(read: OptionReader): AzureSettings {
  const dep = read.dep;
  const resource = read.string('resource');
  const endpoint = (dep.baseUrl || (resource ? `https://${resource}.openai.azure.com` : '')).replace(/\/+$/, '').replace(/\/openai$/, '');
  if (!endpoint) read.issues.push('baseUrl (https://{resource}.openai.azure.com) or options.resource is required');
  const entra = entraClient(read);
  if (!entra && !dep.apiKey && !read.issues.length) read.issues.push('an apiKey or options.entra client credentials are required');
  return { endpoint, deployment: read.string('deployment', dep.model)!, apiVersion: read.string('apiVersion', AZURE_API_VERSION)!, entra };
}

function entraClient(read: OptionReader): EntraClient | undefined {
  const entra = read.object('entra');
  if (!entra) return undefined;
  const field = (name: string): string => {
    const v = entra[name];
    if (typeof v === 'string' && v) return v;
    read.issues.push(`options.entra.${name} is required`);
    return '';
  };
  const tenantId = field('tenantId');
  const client = { tenantId, clientId: field('clientId'), clientSecret: field('clientSecret') };
  const scope = typeof entra.scope === 'string' && entra.scope ? entra.scope : COGNITIVE_SERVICES_SCOPE;
  const tokenUrl = typeof entra.tokenUrl === 'string' && entra.tokenUrl ? entra.tokenUrl : `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
  return { ...client, scope, tokenUrl };
}

/** The base the OpenAI paths (`/chat/completions`, `/embeddings`) are appended to. */
export const azureBase = (s: AzureSettings): string =>
  s.apiVersion === 'v1' ? `${s.endpoint}/openai/v1` : `${s.endpoint}/openai/deployments/${encodeURIComponent(s.deployment)}`;

/** The query string after the path: the api-version (none for `v1`). */
export const azureQuery = (s: AzureSettings): string => (s.apiVersion === 'v1' ? '' : `?api-version=${encodeURIComponent(s.apiVersion)}`);
