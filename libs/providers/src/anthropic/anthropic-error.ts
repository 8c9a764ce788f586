import type { OpenAIErrorBody } from '@helix/contracts';
import type { Deployment } from '../provider.js';
import { isRecord, mapProviderError, type ProviderErrorInfo, type ProviderErrorReader } from '../shared/provider-error.js';

/** `{type:'error', error:{type, message}}` → its type and message. */
export function readAnthropicError(parsed: unknown): ProviderErrorInfo | undefined {
  const error = isRecord(parsed) ? parsed.error : undefined;
  if (!isRecord(error) || typeof error.message !== 'string') return undefined;
  return { message: error.message, type: typeof error.type === 'string' ? error.type : undefined };
}

/** Anthropic's 529 (overloaded) is not a standard status: clients see 503. */
const STATUS: Record<number, number> = { 529: 503 };

export const anthropicError = (status: number, body: string, dep: Deployment, name: string, extra?: ProviderErrorReader): { status: number; body: OpenAIErrorBody } =>
  mapProviderError(status, body, dep, name, (parsed) => readAnthropicError(parsed) ?? extra?.(parsed), STATUS);
