import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from '@helix/telemetry';
import { toHelixError } from './to-helix-error.js';

/**
 * The one global HTTP filter: every error leaves as OpenAI's
 * `{error:{message,type,param,code}}` with the right status. Nest registers it
 * for Fastify's own errors too (bad JSON, body limit, unknown route).
 */
@Catch()
export class OpenAIExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly bodyLimit: number,
    private readonly log: Logger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const err = toHelixError(unwrap(exception), this.bodyLimit, (errorId, cause) =>
      this.log.error({ err: cause, errorId }, 'internal error'),
    );
    if (reply.sent || reply.raw.headersSent) {
      if (!reply.raw.writableEnded) reply.raw.end();
      return;
    }
    reply.status(err.status).headers(err.headers).send(err.toBody());
  }
}

function unwrap(exception: unknown): unknown {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : ((response as { message?: string }).message ?? exception.message);
    return { statusCode: status, message: Array.isArray(message) ? message.join('; ') : message, cause: exception.cause };
  }
  return exception;
}
