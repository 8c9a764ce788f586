import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CorsConfig } from '@helix/config';

/**
 * CORS from `http.cors` (Nest's Fastify adapter registers `@fastify/cors`). Off
 * while no origin is listed: then no response carries `access-control-*` headers.
 * A preflight from an origin not listed gets no `access-control-allow-origin`,
 * so the browser refuses the call.
 */
export function enableCors(app: NestFastifyApplication, cfg: CorsConfig): void {
  if (!cfg.origins.length) return;
  app.enableCors({
    origin: cfg.origins.includes('*') ? '*' : [...cfg.origins],
    methods: [...cfg.methods],
    allowedHeaders: [...cfg.allowedHeaders],
    exposedHeaders: [...cfg.exposedHeaders],
    credentials: cfg.credentials && !cfg.origins.includes('*'),
    maxAge: cfg.maxAgeSec,
  });
}
