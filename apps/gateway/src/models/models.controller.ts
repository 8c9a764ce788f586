import { Controller, Get, Param } from '@nestjs/common';
import { Errors } from '@helix/contracts';
import { Actor } from '../access/actor.decorator.js';
import { Roles } from '../access/access.metadata.js';
import type { Identity } from '../identity/identity.js';
import type { ResolvedModel } from './model-catalog.js';
import { ModelRoutes } from './model-routes.js';

const STARTED = Math.floor(Date.now() / 1000);
const view = (m: ResolvedModel) => ({ id: m.name, object: 'model', created: STARTED, owned_by: m.ownedBy });

/** `GET /v1/models` and `GET /v1/models/{id}`: the models this key may use. */
@Controller('v1/models')
@Roles('admin', 'team-admin', 'member')
export class ModelsController {
  constructor(private readonly routes: ModelRoutes) {}

  @Get()
  list(@Actor() actor: Identity) {
    const data = this.routes.current().list().filter((m) => !actor.models || actor.models.includes(m.name)).map(view);
    return { object: 'list', data };
  }

  @Get('*')
  get(@Param('*') name: string, @Actor() actor: Identity) {
    const model = this.routes.current().get(name);
    if (!model || (actor.models && !actor.models.includes(name))) throw Errors.modelNotFound(name);
    return view(model);
  }
}
