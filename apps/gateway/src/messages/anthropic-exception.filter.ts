import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HelixConfig } from '@helix/config';
import { toHelixError } from '@helix/platform';
import { LOGGER, type Logger } from '@helix/telemetry';
import { anthropicErrorBody } from './anthropic-error.js';

/** Errors of `/v1/messages` before the pipeline runs (auth, validation) in Anthropic's shape; the global filter does OpenAI's. */
@Catch()
export class AnthropicExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly config: HelixConfig,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const plain = exception instanceof HttpException ? { statusCode: exception.getStatus(), message: exception.message } : exception;
    const err = toHelixError(plain, this.config.http.bodyLimitBytes, (errorId, cause) => this.log.error({ err: cause, errorId }, 'internal error'));
    if (reply.sent || reply.raw.headersSent) {
      if (!reply.raw.writableEnded) reply.raw.end();
      return;
    }
    reply.status(err.status).headers(err.headers).send(anthropicErrorBody(err));
  }
}
