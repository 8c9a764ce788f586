import { Controller } from '@nestjs/common';
import { Roles } from '../../access/access.metadata.js';
import { ResourceController } from '../resource.controller.js';
import type { KeyView } from './key.kind.js';
import { KeysUseCase } from './keys.usecase.js';

/** `/admin/keys`: org admins and team admins, each within their scope; the key itself is only in the create answer. */
@Controller('admin/keys')
@Roles('admin', 'team-admin')
export class KeysController extends ResourceController<KeyView> {
  constructor(protected readonly resource: KeysUseCase) {
    super();
  }
}
