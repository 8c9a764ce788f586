import { ErrorCodes, ErrorTypes, type OpenAIErrorBody } from '@helix/contracts';
import { mapUpstreamError } from '../openai-compatible/upstream-error.js';
import type { Deployment } from '../provider.js';

/** A provider's own error, as read from its body. */
export interface ProviderErrorInfo {
  message: string;
  /** The provider's error type or status name (`overloaded_error`, `RESOURCE_EXHAUSTED`, `ThrottlingException`). */
  type?: string;
}

/** Reads a provider's error body (already parsed JSON); `undefined` when it is not that provider's shape. */
export type ProviderErrorReader = (parsed: unknown) => ProviderErrorInfo | undefined;

const typeFor = (status: number): string =>
  status === 404 ? ErrorTypes.notFound : status === 429 ? ErrorTypes.rateLimit : status >= 500 ? ErrorTypes.upstream : ErrorTypes.invalidRequest;

const codeFor = (status: number, type: string | undefined): string =>
  status === 429 ? ErrorCodes.rateLimited : (type ?? (status >= 500 ? ErrorCodes.upstreamError : ErrorCodes.invalidRequest));

/**
 * A non-OpenAI provider's error → the OpenAI shape. The provider's status may be translated
 * (`statusMap`, e.g. Anthropic's 529 → 503); its message is kept and its own type becomes the
 * `code` (429 is always `rate_limit_exceeded`). Then `mapUpstreamError`, the one helper, applies
 * the shared rules: 401/403 → 502 naming the deployment, keys scrubbed, length capped.
 */
export function mapProviderError(
  status: number,
  body: string,
  dep: Deployment,
  name: string,
  read: ProviderErrorReader,
  statusMap: Readonly<Record<number, number>> = {},
): { status: number; body: OpenAIErrorBody } {
  const clientStatus = statusMap[status] ?? status;
  const info = read(parseJson(body));
  if (!info) return mapUpstreamError(clientStatus, body, dep, name);
  const error = { message: info.message, type: typeFor(clientStatus), param: null, code: codeFor(clientStatus, info.type) };
  return mapUpstreamError(clientStatus, JSON.stringify({ error }), dep, name);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
