import 'reflect-metadata';
import { startServiceTracing } from '@helix/telemetry';

await startServiceTracing('analytics-service');
const { startService } = await import('@helix/platform');
const { AnalyticsServiceModule } = await import('./analytics-service.module.js');

await startService({ service: 'analytics-service', database: true, redis: false, module: (infra) => AnalyticsServiceModule.forRoot(infra) });
