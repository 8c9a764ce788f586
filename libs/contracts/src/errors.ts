import { ErrorCodes, ErrorTypes, type ErrorType } from './error-codes.js';

/** The OpenAI error shape every HTTP error of Helix takes. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/**
 * The one error type of Helix. The gateway's global filter turns it into an
 * OpenAI-shaped HTTP response; the bus turns it into `{code, message, retryable}`.
 */
export class HelixError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType | string,
    message: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'HelixError';
  }

  toBody(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** Factories for the errors the API returns, so status, type and code agree everywhere. */
export const Errors = {
  badRequest: (message: string, param: string | null = null, code: string = ErrorCodes.invalidRequest) =>
    new HelixError(400, ErrorTypes.invalidRequest, message, code, param),
  invalidJson: (message: string) => new HelixError(400, ErrorTypes.invalidRequest, message, ErrorCodes.invalidJson),
  unauthorized: (message = 'Incorrect or missing API key. Pass it as "Authorization: Bearer <key>".') =>
    new HelixError(401, ErrorTypes.authentication, message, ErrorCodes.invalidApiKey),
  forbidden: (message: string) => new HelixError(403, ErrorTypes.permission, message, ErrorCodes.forbidden),
  notFound: (message: string) => new HelixError(404, ErrorTypes.notFound, message, ErrorCodes.notFound),
  modelNotFound: (model: string) =>
    new HelixError(404, ErrorTypes.invalidRequest, `The model \`${model}\` does not exist or you do not have access to it.`, ErrorCodes.modelNotFound, 'model'),
  payloadTooLarge: (limit: number) =>
    new HelixError(413, ErrorTypes.invalidRequest, `Request body is larger than the limit of ${limit} bytes.`, ErrorCodes.payloadTooLarge),
  rateLimited: (message: string, retryAfterS: number, headers: Record<string, string> = {}) =>
    new HelixError(429, ErrorTypes.rateLimit, message, ErrorCodes.rateLimited, null, { ...headers, 'retry-after': String(Math.max(1, Math.ceil(retryAfterS))) }, true),
  unavailable: (message: string, code: string) => new HelixError(503, ErrorTypes.unavailable, message, code, null, {}, true),
  internal: (errorId: string) =>
    new HelixError(500, ErrorTypes.server, `The server had an error while processing your request. Error id: ${errorId}.`, ErrorCodes.internal),
} as const;
