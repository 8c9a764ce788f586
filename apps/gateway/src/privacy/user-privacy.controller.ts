import { Readable } from 'node:stream';
import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../access/access.metadata.js';
import { Actor } from '../access/actor.decorator.js';
import type { Identity } from '../identity/identity.js';
import { UserPrivacyUseCase } from './user-privacy.usecase.js';

/**
 * GDPR/CCPA: `GET /admin/users/:id/export` streams everything Helix keeps about
 * a user as one JSON document; `POST /admin/users/:id/erase` revokes the user and
 * pseudonymises their identifiers in the gateway, the ledger and analytics.
 * Admins of the user's org and the master key only.
 */
@Controller('admin/users')
@Roles('admin')
export class UserPrivacyController {
  constructor(private readonly privacy: UserPrivacyUseCase) {}

  @Post(':id/erase') erase(@Actor() actor: Identity, @Param('id') id: string) {
    return this.privacy.erase(actor, id);
  }

  @Get(':id/export') async export(@Actor() actor: Identity, @Param('id') id: string, @Res() reply: FastifyReply) {
    const parts = this.privacy.export(actor, id);
    const first = await parts.next();
    async function* body() {
      if (!first.done) yield first.value;
      yield* parts;
    }
    return reply
      .type('application/json')
      .header('content-disposition', `attachment; filename="helix-user-${id}.json"`)
      .send(Readable.from(body()));
  }
}
