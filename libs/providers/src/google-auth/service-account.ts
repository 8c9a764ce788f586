import { readFileSync } from 'node:fs';
import { createPrivateKey, type KeyObject } from 'node:crypto';

/** The fields of a Google service-account key file (JSON) that the JWT exchange needs. */
export interface ServiceAccount {
  clientEmail: string;
  privateKey: KeyObject;
  privateKeyId?: string;
  /** The token endpoint: the key file's `token_uri` (Google's by default). */
  tokenUri: string;
  projectId?: string;
}

export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

/** Parses a service-account key (the JSON text or object); throws an Error naming the missing field, never echoing the key. */
export function parseServiceAccount(source: string | Record<string, unknown>): ServiceAccount {
  let json: Record<string, unknown>;
  try {
    json = typeof source === 'string' ? (JSON.parse(source) as Record<string, unknown>) : source;
  } catch {
    throw new Error('the service-account key is not valid JSON');
  }
  if (json?.type !== undefined && json.type !== 'service_account') throw new Error(`the key is of type "${String(json.type)}", not "service_account"`);
  if (typeof json?.client_email !== 'string' || !json.client_email) throw new Error('the service-account key has no client_email');
  if (typeof json.private_key !== 'string' || !json.private_key) throw new Error('the service-account key has no private_key');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(json.private_key);
  } catch {
    throw new Error('the service-account private_key is not a valid PEM key');
  }
  return {
    clientEmail: json.client_email,
    privateKey,
    privateKeyId: typeof json.private_key_id === 'string' ? json.private_key_id : undefined,
    tokenUri: typeof json.token_uri === 'string' && json.token_uri ? json.token_uri : GOOGLE_TOKEN_URI,
    projectId: typeof json.project_id === 'string' ? json.project_id : undefined,
  };
}

/** Reads and parses a key file. */
export const readServiceAccountFile = (path: string): ServiceAccount => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the service-account key file ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseServiceAccount(text);
};
