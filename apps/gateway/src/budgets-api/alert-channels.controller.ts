import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { AdminOp } from '@helix/contracts';
import { Roles } from '../access/access.metadata.js';
import { Actor } from '../access/actor.decorator.js';
import { scopeOf } from '../admin/tenancy.js';
import type { Identity } from '../identity/identity.js';
import { createChannelBody } from './budget.schemas.js';
import { channelView } from './budget.view.js';
import { CostAdminClient } from './cost-admin.client.js';

/**
 * `/admin/alert-channels`: where budget alerts go (signed webhook, Slack incoming
 * webhook, email), per org or per team; `escalation: true` channels get the
 * hard limits still standing. A webhook's signing secret is shown once, on create.
 */
@Controller('admin/alert-channels')
@Roles('admin', 'team-admin')
export class AlertChannelsController {
  constructor(private readonly cost: CostAdminClient) {}

  @Post()
  async create(@Actor() actor: Identity, @Body() raw: unknown) {
    const b = createChannelBody(raw);
    const scope = scopeOf(actor);
    const channel = { orgId: scope.orgId ?? b.org_id ?? '', teamId: b.team_id ?? '', kind: b.kind, target: b.target, secret: b.secret ?? '', escalation: b.escalation ?? false };
    return channelView((await this.cost.channels({ op: AdminOp.CREATE, scope, channel })).channels[0]!);
  }

  @Get()
  async list(@Actor() actor: Identity) {
    return { object: 'list', data: (await this.cost.channels({ op: AdminOp.LIST, scope: scopeOf(actor) })).channels.map(channelView) };
  }

  @Delete(':id')
  async remove(@Actor() actor: Identity, @Param('id') id: string) {
    return { ...channelView((await this.cost.channels({ op: AdminOp.DELETE, scope: scopeOf(actor), id })).channels[0]!), deleted: true };
  }
}
