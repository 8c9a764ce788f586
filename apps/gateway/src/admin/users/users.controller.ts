import { Controller } from '@nestjs/common';
import { Roles } from '../../access/access.metadata.js';
import { ResourceController } from '../resource.controller.js';
import type { UserView } from './user.kind.js';
import { UsersUseCase } from './users.usecase.js';

/** `/admin/users`: org admins and team admins, each within their scope. */
@Controller('admin/users')
@Roles('admin', 'team-admin')
export class UsersController extends ResourceController<UserView> {
  constructor(protected readonly resource: UsersUseCase) {
    super();
  }
}
