import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HelixError } from '@helix/contracts';
import type { Logger } from '@helix/telemetry';
import { toHelixError } from './to-helix-error.js';

/** A route family that speaks another API's error format (e.g. Anthropic's on `/v1/messages`). */
export interface RouteErrorBody {
  pathPrefix: string;
  body(err: HelixError): unknown;
}

/**
 * The one global HTTP filter: every error leaves as OpenAI's
 * `{error:{message,type,param,code}}` with the right status, or in the shape of
 * a `RouteErrorBody` whose prefix the path has. Nest registers it for Fastify's
 * own errors too (bad JSON, body limit, unknown route), before any route runs.
 */
@Catch()
export class OpenAIExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly bodyLimit: number,
    private readonly log: Logger,
    private readonly routeBodies: readonly RouteErrorBody[] = [],
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
    const path = host.switchToHttp().getRequest<FastifyRequest>().url ?? '';
    const route = this.routeBodies.find((r) => path === r.pathPrefix || path.startsWith(`${r.pathPrefix}/`) || path.startsWith(`${r.pathPrefix}?`));
    reply.status(err.status).headers(err.headers).send(route ? route.body(err) : err.toBody());
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
