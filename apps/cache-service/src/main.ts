import 'reflect-metadata';
import { startServiceTracing } from '@helix/telemetry';

await startServiceTracing('cache-service');
const { startService } = await import('@helix/platform');
const { CacheServiceModule } = await import('./cache-service.module.js');

await startService({ service: 'cache-service', database: false, redis: true, module: (infra) => CacheServiceModule.forRoot(infra) });
