import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AdminStore } from '../admin/store/admin.store.js';
import { AuditSealer } from '../admin/store/audit-sealer.js';
import { UsersUseCase } from '../admin/users/users.usecase.js';
import { IdentityModule } from '../identity/identity.module.js';
import { GatewayUserData } from './gateway-user-data.js';
import { UserDataClients } from './user-data.clients.js';
import { UserPrivacyController } from './user-privacy.controller.js';
import { UserPrivacyUseCase } from './user-privacy.usecase.js';

/**
 * GDPR/CCPA export and erasure of a user (`/admin/users/:id/export|erase`),
 * across the gateway, the cost-service and the analytics-service. Needs
 * `GATEWAY_DATA_SOURCE` and `BUS` from the app, like the admin API.
 */
@Module({
  imports: [IdentityModule, AccessModule],
  controllers: [UserPrivacyController],
  providers: [AdminStore, AuditSealer, UsersUseCase, GatewayUserData, UserDataClients, UserPrivacyUseCase],
})
export class PrivacyModule {}
