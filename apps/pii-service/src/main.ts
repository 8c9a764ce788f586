import 'reflect-metadata';
import { startServiceTracing } from '@helix/telemetry';

await startServiceTracing('pii-service');
const { startService } = await import('@helix/platform');
const { PiiServiceModule } = await import('./pii-service.module.js');

await startService({ service: 'pii-service', database: false, redis: false, module: (infra) => PiiServiceModule.forRoot(infra) });
