import 'reflect-metadata';
import { startServiceTracing } from '@helix/telemetry';

await startServiceTracing('gateway');
const { startService } = await import('@helix/platform');
const { GatewayModule } = await import('./gateway.module.js');
const { MESSAGES_ERROR_BODY } = await import('./messages/anthropic-error.js');

await startService({ service: 'gateway', database: true, redis: true, errorBodies: [MESSAGES_ERROR_BODY], module: (infra) => GatewayModule.forRoot(infra) });
