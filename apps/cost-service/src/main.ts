import 'reflect-metadata';
import { startServiceTracing } from '@helix/telemetry';

await startServiceTracing('cost-service');
const { startService } = await import('@helix/platform');
const { CostServiceModule } = await import('./cost-service.module.js');

await startService({ service: 'cost-service', database: true, redis: true, module: (infra) => CostServiceModule.forRoot(infra) });
