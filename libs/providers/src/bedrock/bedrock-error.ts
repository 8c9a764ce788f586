import type { OpenAIErrorBody } from '@helix/contracts';
import type { Deployment } from '../provider.js';
import { isRecord, mapProviderError, type ProviderErrorInfo } from '../shared/provider-error.js';

/** Bedrock's REST-JSON errors: `{"message": "..."}` (some services capitalise it), the type in `__type` when present. */
export function readAwsError(parsed: unknown): ProviderErrorInfo | undefined {
  if (!isRecord(parsed)) return undefined;
  const message = parsed.message ?? parsed.Message;
  if (typeof message !== 'string') return undefined;
  const type = typeof parsed.__type === 'string' ? parsed.__type.split('#').pop() : undefined;
  return { message, type };
}

/** ModelTimeoutException (408) → 504; ModelErrorException and ModelNotReady (424) → 502. */
const STATUS: Record<number, number> = { 408: 504, 424: 502 };

export const bedrockError = (status: number, body: string, dep: Deployment): { status: number; body: OpenAIErrorBody } =>
  mapProviderError(status, body, dep, 'Bedrock', readAwsError, STATUS);
