import { Body, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import type { Identity } from '../identity/identity.js';
import { Actor } from '../access/actor.decorator.js';
import type { AdminResource } from './resource.js';

/**
 * The five routes of an admin entity: `POST /`, `GET /`, `GET /:id`, `PATCH /:id`
 * and `DELETE /:id` (revoke). A subclass adds `@Controller(path)` and `@Roles(...)`;
 * finer rules (master only, org admins only) live in the use case.
 */
export abstract class ResourceController<V extends { id: string }> {
  protected abstract readonly resource: AdminResource<any, V>;

  @Post() create(@Actor() actor: Identity, @Body() body: unknown): Promise<V> {
    return this.resource.create(actor, body);
  }

  @Get() list(@Actor() actor: Identity, @Query() query: Record<string, unknown>) {
    return this.resource.list(actor, query);
  }

  @Get(':id') get(@Actor() actor: Identity, @Param('id') id: string): Promise<V> {
    return this.resource.get(actor, id);
  }

  @Patch(':id') update(@Actor() actor: Identity, @Param('id') id: string, @Body() body: unknown): Promise<V> {
    return this.resource.update(actor, id, body);
  }

  @Delete(':id') revoke(@Actor() actor: Identity, @Param('id') id: string): Promise<V> {
    return this.resource.revoke(actor, id);
  }
}
