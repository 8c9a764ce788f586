import 'reflect-metadata';
import { startService } from '@helix/platform';
import { AnalyticsServiceModule } from './analytics-service.module.js';

await startService({ service: 'analytics-service', database: true, redis: false, module: (infra) => AnalyticsServiceModule.forRoot(infra) });
