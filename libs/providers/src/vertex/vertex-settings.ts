import { env } from '@helix/config';
import { parseServiceAccount, readServiceAccountFile, type ServiceAccount } from '../google-auth/service-account.js';
import type { Deployment } from '../provider.js';
import type { OptionReader } from '../shared/options.js';

/** Where a Vertex AI deployment lives and the service account that calls it. */
export interface VertexSettings {
  project: string;
  location: string;
  serviceAccount: ServiceAccount;
}

/**
 * Vertex options: `project` (default: the key's project_id), `location` (default us-central1;
 * `global` works), and the service-account key: `credentialsFile` (a path), `credentials` (the
 * JSON, e.g. from `${GOOGLE_SA_JSON}`), or else the file named by GOOGLE_APPLICATION_CREDENTIALS.
 */
export function vertexSettings(read: OptionReader): VertexSettings {
  const serviceAccount = loadServiceAccount(read);
  const project = read.require(read.string('project', serviceAccount?.projectId), 'options.project is required (or a key with project_id)');
  const location = read.string('location', 'us-central1')!;
  if (!/^[a-z0-9-]+$/.test(location)) read.issues.push(`options.location "${location}" is not a Vertex AI location`);
  return { project, location, serviceAccount: serviceAccount! };
}

function loadServiceAccount(read: OptionReader): ServiceAccount | undefined {
  const inline = read.dep.options?.credentials;
  const file = read.string('credentialsFile') ?? (inline === undefined ? env('GOOGLE_APPLICATION_CREDENTIALS') : undefined);
  try {
    if (inline !== undefined && inline !== '') {
      if (typeof inline !== 'string' && (typeof inline !== 'object' || inline === null)) throw new Error('options.credentials must be the key JSON');
      return parseServiceAccount(inline as string | Record<string, unknown>);
    }
    if (file) return readServiceAccountFile(file);
    read.issues.push('a service-account key is required: options.credentialsFile, options.credentials or GOOGLE_APPLICATION_CREDENTIALS');
  } catch (err) {
    read.issues.push((err as Error).message);
  }
  return undefined;
}

/** `{baseUrl}/projects/{p}/locations/{l}/publishers/{publisher}/models/{model}:{method}`; a model given as a full resource name (`projects/…`) is used as is. */
export function vertexModelUrl(dep: Deployment, s: VertexSettings, publisher: string, method: string): string {
  const base = (dep.baseUrl || defaultBaseUrl(s.location)).replace(/\/+$/, '');
  const model = dep.model.startsWith('projects/') ? dep.model : `projects/${s.project}/locations/${s.location}/publishers/${publisher}/models/${dep.model}`;
  return `${base}/${model}:${method}`;
}

export const defaultBaseUrl = (location: string): string =>
  location === 'global' ? 'https://aiplatform.googleapis.com/v1' : `https://${location}-aiplatform.googleapis.com/v1`;
