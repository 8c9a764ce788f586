import { Errors, HelixError } from '@helix/contracts';
import { uuidv7 } from '@helix/contracts';

interface FastifyLikeError {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
}

/**
 * The one place any thrown thing becomes an OpenAI-shaped error. Fastify's own
 * errors (bad JSON, body too large, wrong media type) and Nest's HTTP exceptions
 * are translated; anything unknown is a 500 with an error id, and `onInternal`
 * logs the cause under that id.
 */
export function toHelixError(err: unknown, bodyLimit: number, onInternal: (errorId: string, err: unknown) => void): HelixError {
  if (err instanceof HelixError) return err;
  const e = (err ?? {}) as FastifyLikeError;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return Errors.payloadTooLarge(bodyLimit);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return Errors.invalidJson('The request body is empty; a JSON object is expected.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return Errors.badRequest('Content-Length does not match the body.', null);
  }
  const status = e.statusCode ?? e.status;
  if (err instanceof SyntaxError || (status === 400 && /JSON/i.test(e.message ?? ''))) {
    return Errors.invalidJson(`We could not parse the JSON body of your request: ${e.message ?? 'invalid JSON'}.`);
  }
  if (status === 413) return Errors.payloadTooLarge(bodyLimit);
  if (status === 415) return new HelixError(415, 'invalid_request_error', 'Content-Type must be application/json.', 'unsupported_media_type');
  if (status === 404) return Errors.notFound(e.message ?? 'Not found.');
  if (status === 405) return new HelixError(405, 'invalid_request_error', e.message ?? 'Method not allowed.', 'method_not_allowed');
  if (status && status >= 400 && status < 500) return Errors.badRequest(e.message ?? 'Bad request.');
  const errorId = uuidv7();
  onInternal(errorId, err);
  return Errors.internal(errorId);
}
