import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Controller, Get, Module, Param, Res, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiExcludeController, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CONFIG_STORE } from '@helix/config';
import { Errors } from '@helix/contracts';
import { ANALYTICS_CORE } from '../analytics.tokens.js';
import { PublicRoute } from './caller.js';
import { CostClient } from './cost.client.js';
import { IdentityVerifier } from './identity-verifier.js';
import { StaticFiles } from './static-files.js';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Helix analytics API</title><link rel="stylesheet" href="/v1/analytics/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/v1/analytics/docs/swagger-ui-bundle.js"></script><script src="/v1/analytics/docs/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: '/v1/analytics/docs/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js']);

/**
 * The OpenAPI document of the analytics API (`/v1/analytics/docs/openapi.json`),
 * made once from the controllers' decorators in a preview app (no providers run),
 * and Swagger UI at `/v1/analytics/docs`.
 */
export function docsController(apiControllers: Type[]): Type {
  let document: Promise<OpenAPIObject> | undefined;
  const swaggerUi = new StaticFiles(() => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')));

  @Module({
    controllers: apiControllers,
    providers: [ANALYTICS_CORE, CONFIG_STORE, CostClient, IdentityVerifier].map((provide) => ({ provide, useValue: {} })),
  })
  class ApiDocsModule {}

  async function build(): Promise<OpenAPIObject> {
    const app = await NestFactory.create(ApiDocsModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
    const config = new DocumentBuilder()
      .setTitle('Helix analytics API')
      .setDescription('Spend, savings, cache, latency, errors and PII of the traffic through Helix. Every route needs an admin, analyst or team-admin key (`Authorization: Bearer <key>`); a team-admin sees its own team only.')
      .setVersion('1')
      .addBearerAuth()
      .build();
    const doc = SwaggerModule.createDocument(app, config);
    await app.close();
    return doc;
  }

  @ApiExcludeController()
  @Controller('v1/analytics')
  @PublicRoute()
  class AnalyticsDocsController {
    @Get('docs') page(@Res() reply: FastifyReply) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(PAGE);
    }

    @Get('docs/init.js') init(@Res() reply: FastifyReply) {
      return reply.type('text/javascript; charset=utf-8').send(INIT);
    }

    @Get('docs/openapi.json') async openapi() {
      document ??= build();
      return document;
    }

    @Get('docs/:file') asset(@Param('file') file: string, @Res() reply: FastifyReply) {
      if (!ASSETS.has(file)) throw Errors.notFound(`No file ${file}.`);
      return swaggerUi.send(reply, file, 'public, max-age=86400');
    }
  }
  return AnalyticsDocsController;
}
