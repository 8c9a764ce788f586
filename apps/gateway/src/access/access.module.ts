import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { HealthController, MetricsController } from '@helix/telemetry';
import { IdentityModule } from '../identity/identity.module.js';
import { AccessGuard } from './access.guard.js';
import { markPublic } from './access.metadata.js';
import { AuthStep } from './auth.step.js';

markPublic(HealthController, MetricsController);

/**
 * Registers the global `AccessGuard` (every HTTP route of the app needs `@Roles`
 * or `@Public`) and provides the pipeline's `AuthStep`.
 */
@Module({
  imports: [IdentityModule],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }, AuthStep],
  exports: [AuthStep],
})
export class AccessModule {}
