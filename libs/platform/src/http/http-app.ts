import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { HttpConfig } from '@helix/config';
import type { Logger } from '@helix/telemetry';
import { correlationId } from './correlation-id.js';
import { jsonBodyError } from './json-body.js';
import { enableCors } from './cors.js';
import { httpsOptions, refuseUnverifiedClientCerts, watchTlsFiles } from './https.js';
import { OpenAIExceptionFilter, type RouteErrorBody } from './openai-exception.filter.js';
import { addSecurityHeaders } from './security-headers.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The client's x-request-id when safe, otherwise a UUIDv7. */
    correlationId: string;
  }
}

/** The Fastify adapter of every Helix HTTP app: body limit, no Fastify logging, HTTPS when `tls` is given. */
export function createFastifyAdapter(bodyLimit: number, tls?: HttpConfig['tls']): FastifyAdapter {
  const https = httpsOptions(tls);
  return new FastifyAdapter({ bodyLimit, logger: false, return503OnClosing: true, ...(https ? { https } : {}) });
}

/** Request ids on every response, a nesting limit and well-formed strings in JSON bodies, and the OpenAI error shape on every error. */
export function configureHttpApp(app: NestFastifyApplication, bodyLimit: number, log: Logger, routeBodies: readonly RouteErrorBody[] = []): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', (req, reply, done) => {
    req.correlationId = correlationId(req.headers['x-request-id']);
    reply.header('x-request-id', req.correlationId);
    done();
  });
  fastify.addHook('preValidation', (req, _reply, done) => done(jsonBodyError(req.body)));
  app.useGlobalFilters(new OpenAIExceptionFilter(bodyLimit, log, routeBodies));
}

/** `http.securityHeaders`, `http.cors` and, over TLS, certificate reload and the client-certificate check. */
export function configureHttpSecurity(app: NestFastifyApplication, http: HttpConfig, log: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  addSecurityHeaders(fastify, http.securityHeaders, http.tls !== undefined);
  enableCors(app, http.cors);
  if (!http.tls) return;
  if (http.tls.watch) watchTlsFiles(fastify, http.tls, log);
  if (http.tls.clientAuth === 'optional') refuseUnverifiedClientCerts(fastify);
}
