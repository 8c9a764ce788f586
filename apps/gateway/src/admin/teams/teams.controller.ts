import { Controller } from '@nestjs/common';
import { Roles } from '../../access/access.metadata.js';
import { ResourceController } from '../resource.controller.js';
import type { TeamView } from './team.kind.js';
import { TeamsUseCase } from './teams.usecase.js';

/** `/admin/teams`: org admins change them; team admins read their own. */
@Controller('admin/teams')
@Roles('admin', 'team-admin')
export class TeamsController extends ResourceController<TeamView> {
  constructor(protected readonly resource: TeamsUseCase) {
    super();
  }
}
