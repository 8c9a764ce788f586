import { Controller, Get, Query } from '@nestjs/common';
import type { Identity } from '../../identity/identity.js';
import { Roles } from '../../access/access.metadata.js';
import { Actor } from '../../access/actor.decorator.js';
import { AuditUseCase } from './audit.usecase.js';

/** `GET /admin/audit`: who changed which key, team, org or user, with before and after. */
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditUseCase) {}

  @Get() @Roles('admin') list(@Actor() actor: Identity, @Query() query: Record<string, unknown>) {
    return this.audit.list(actor, query);
  }
}
