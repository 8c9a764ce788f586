import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HelixBusServer } from '@helix/bus';
import { openConfigStoreOrExit, type ServiceName } from '@helix/config';
import { createLogger, PinoNestLogger } from '@helix/telemetry';
import { createBus } from '../connections/create-bus.js';
import { createRedis } from '../connections/create-redis.js';
import { openDatabase } from '../connections/open-database.js';
import { addAcceptHandles } from '../http/accept-handles.js';
import { configureHttpApp, configureHttpSecurity, createFastifyAdapter } from '../http/http-app.js';
import type { RouteErrorBody } from '../http/openai-exception.filter.js';
import { PlatformModule, type ServiceInfra } from './platform.module.js';

/** Signals that close the app. Not SIGHUP (Nest's default list has it): SIGHUP reloads the config. */
const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'];

export interface StartServiceOptions {
  service: ServiceName;
  /** Open the database (Postgres, or PGlite in embedded mode) for a service that owns a schema. */
  database?: boolean;
  /** Connect to Redis in distributed mode. */
  redis?: boolean;
  /** Runs once the infrastructure is up, before the app starts (e.g. migrations). */
  beforeStart?(infra: ServiceInfra): Promise<void>;
  /** Route families whose errors, even those raised before a route runs, take another API's shape. */
  errorBodies?: readonly RouteErrorBody[];
  /** The app's module, built from the process's infrastructure. */
  module(infra: ServiceInfra): DynamicModule | Promise<DynamicModule>;
}

/**
 * Starts one Helix process as a Nest hybrid app: its bus handlers (queue group =
 * the service name, so replicas share the load) and its HTTP server (API where it
 * has one, /health/* and /metrics everywhere). SIGTERM closes it gracefully.
 */
export async function startService(opts: StartServiceOptions): Promise<{ app: NestFastifyApplication; infra: ServiceInfra }> {
  const store = openConfigStoreOrExit({ service: opts.service });
  const config = store.current;
  const log = createLogger(config);
  store.useLogger(log);
  store.watch();
  const bus = await createBus(config, log, () => store.current);
  const db = opts.database ? await openDatabase(config) : undefined;
  const redis = opts.redis && config.mode === 'distributed' ? createRedis(config) : null;
  const infra: ServiceInfra = { service: opts.service, store, log, bus, db: db?.options, redis };
  await opts.beforeStart?.(infra);
  const root: DynamicModule = { module: class HelixRoot {}, imports: [PlatformModule.forRoot(infra), await opts.module(infra)] };
  const app = await NestFactory.create<NestFastifyApplication>(root, createFastifyAdapter(config.http.bodyLimitBytes, config.http.tls), {
    logger: new PinoNestLogger(log),
  });
  configureHttpApp(app, config.http.bodyLimitBytes, log, opts.errorBodies);
  configureHttpSecurity(app, config.http, log);
  app.connectMicroservice({ strategy: new HelixBusServer(bus, opts.service) });
  app.enableShutdownHooks(SHUTDOWN_SIGNALS);
  process.once('beforeExit', () => void db?.close());
  await app.startAllMicroservices();
  await app.listen({ port: config.http.port, host: config.http.host, backlog: config.http.backlog });
  log.info({ mode: config.mode, url: await app.getUrl() }, `${opts.service} started`);
  await addAcceptHandles(app.getHttpServer(), config.http.acceptHandles, config.http.backlog, log);
  return { app, infra };
}
