import 'reflect-metadata';
import { startServiceTracing } from '@helix/telemetry';

await startServiceTracing('gateway');
const { startService } = await import('@helix/platform');
const { GatewayModule } = await import('./gateway.module.js');

await startService({ service: 'gateway', database: true, redis: true, module: (infra) => GatewayModule.forRoot(infra) });
