/**
 * Error codes shared by the HTTP API (OpenAI error shape, `error.code`) and the
 * bus (`BusError.code`). One list, so a code means the same thing everywhere.
 */
export const ErrorCodes = {
  invalidRequest: 'invalid_request_error',
  invalidJson: 'invalid_json',
  missingParam: 'missing_required_parameter',
  invalidApiKey: 'invalid_api_key',
  forbidden: 'permission_denied',
  modelNotFound: 'model_not_found',
  notFound: 'not_found',
  payloadTooLarge: 'payload_too_large',
  rateLimited: 'rate_limit_exceeded',
  budgetExceeded: 'budget_exceeded',
  budgetUnavailable: 'budget_unavailable',
  piiBlocked: 'pii_blocked',
  piiUnavailable: 'pii_unavailable',
  cacheUnavailable: 'cache_unavailable',
  eventsBackpressure: 'events_backpressure',
  upstreamError: 'upstream_error',
  upstreamTimeout: 'upstream_timeout',
  internal: 'internal_error',
  busTimeout: 'bus_timeout',
  busNoResponders: 'bus_no_responders',
  busUnavailable: 'bus_unavailable',
  badMessage: 'bad_message',
  identityProviderUnavailable: 'identity_provider_unavailable',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** OpenAI `error.type` values. */
export const ErrorTypes = {
  invalidRequest: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  notFound: 'not_found_error',
  rateLimit: 'rate_limit_error',
  server: 'server_error',
  unavailable: 'service_unavailable_error',
  upstream: 'upstream_error',
} as const;

export type ErrorType = (typeof ErrorTypes)[keyof typeof ErrorTypes];
