import type { OpenAIErrorBody } from '@helix/contracts';
import type { Deployment } from '../provider.js';
import { isRecord, mapProviderError, type ProviderErrorInfo } from '../shared/provider-error.js';

/** Google's `{error:{code, message, status}}` (also inside a one-element array, as streams send it) → its status name and message. */
export function readGoogleError(parsed: unknown): ProviderErrorInfo | undefined {
  const wrapper = Array.isArray(parsed) ? parsed[0] : parsed;
  const error = isRecord(wrapper) ? wrapper.error : undefined;
  if (!isRecord(error) || typeof error.message !== 'string') return undefined;
  return { message: error.message, type: typeof error.status === 'string' ? error.status : undefined };
}

export const geminiError = (status: number, body: string, dep: Deployment, name: string): { status: number; body: OpenAIErrorBody } =>
  mapProviderError(status, body, dep, name, readGoogleError);
