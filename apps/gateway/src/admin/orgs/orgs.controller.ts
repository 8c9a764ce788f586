import { Controller } from '@nestjs/common';
import { Roles } from '../../access/access.metadata.js';
import { ResourceController } from '../resource.controller.js';
import type { OrgView } from './org.kind.js';
import { OrgsUseCase } from './orgs.usecase.js';

/** `/admin/orgs`: admins (the master key alone creates and revokes them). */
@Controller('admin/orgs')
@Roles('admin')
export class OrgsController extends ResourceController<OrgView> {
  constructor(protected readonly resource: OrgsUseCase) {
    super();
  }
}
