import type { HelixError } from '@helix/contracts';

const TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  503: 'overloaded_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/** Anthropic's error body, which Anthropic SDKs parse. */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}

/** The one mapping from Helix's error to Anthropic's shape: the type follows the status. */
export function anthropicErrorBody(err: HelixError): AnthropicErrorBody {
  const type = TYPES[err.status] ?? (err.status >= 500 ? 'api_error' : 'invalid_request_error');
  return { type: 'error', error: { type, message: err.message } };
}

/** `/v1/messages` answers every error, including those before its route runs (bad JSON, body size), in Anthropic's shape. */
export const MESSAGES_ERROR_BODY = { pathPrefix: '/v1/messages', body: anthropicErrorBody };
