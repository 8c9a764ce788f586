import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { AuditController } from './audit/audit.controller.js';
import { AuditUseCase } from './audit/audit.usecase.js';
import { KeysController } from './keys/keys.controller.js';
import { KeysUseCase } from './keys/keys.usecase.js';
import { OrgsController } from './orgs/orgs.controller.js';
import { OrgsUseCase } from './orgs/orgs.usecase.js';
import { AdminStore } from './store/admin.store.js';
import { AuditSealer } from './store/audit-sealer.js';
import { TeamsController } from './teams/teams.controller.js';
import { TeamsUseCase } from './teams/teams.usecase.js';
import { UsersController } from './users/users.controller.js';
import { UsersUseCase } from './users/users.usecase.js';

/** The admin REST API: `/admin/orgs`, `/admin/teams`, `/admin/users`, `/admin/keys`, `/admin/audit`. */
@Module({
  imports: [IdentityModule, AccessModule],
  controllers: [OrgsController, TeamsController, UsersController, KeysController, AuditController],
  providers: [AdminStore, AuditSealer, OrgsUseCase, TeamsUseCase, UsersUseCase, KeysUseCase, AuditUseCase],
})
export class AdminModule {}
