import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from '@helix/telemetry';
import { correlationId } from './correlation-id.js';
import { OpenAIExceptionFilter } from './openai-exception.filter.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The client's x-request-id when safe, otherwise a UUIDv7. */
    correlationId: string;
  }
}

/** The Fastify adapter of every Helix HTTP app: body limit, request ids, no Fastify logging. */
export function createFastifyAdapter(bodyLimit: number): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit, logger: false, return503OnClosing: true });
}

/** Request ids on every response and the OpenAI error shape on every error. */
export function configureHttpApp(app: NestFastifyApplication, bodyLimit: number, log: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', (req, reply, done) => {
    req.correlationId = correlationId(req.headers['x-request-id']);
    reply.header('x-request-id', req.correlationId);
    done();
  });
  app.useGlobalFilters(new OpenAIExceptionFilter(bodyLimit, log));
}
