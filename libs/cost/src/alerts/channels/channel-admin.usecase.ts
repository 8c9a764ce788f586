import { randomBytes } from 'node:crypto';
import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { AdminOp, AlertChannelSchema, Errors, uuidv7, type AlertChannelCommand, type AlertChannelCommandReplySchema } from '@helix/contracts';
import type { AdminScopeFilter } from '../../db/sql.js';
import { CHANNEL_KINDS, type AlertChannel, type ChannelKind } from './alert-channel.js';
import type { PgChannelStore } from './pg.channel-store.js';

type Reply = MessageInitShape<typeof AlertChannelCommandReplySchema>;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The channel as the admin API shows it: the webhook secret is never returned. */
const view = (c: AlertChannel, withSecret = false) =>
  create(AlertChannelSchema, { id: c.id, orgId: c.orgId, teamId: c.teamId ?? '', kind: c.kind, target: c.target, secret: withSecret ? c.secret : '', escalation: c.escalation, createdAtMs: BigInt(c.createdAt) });

/**
 * `helix.cost.channels.v1`: alert channels of an org (or of one team), within
 * the caller's scope. A webhook without a secret gets a generated one, shown
 * once in the create reply.
 */
export class ChannelAdminUseCase {
  constructor(
    private readonly store: PgChannelStore,
    private readonly now: () => number = Date.now,
  ) {}

  async execute(cmd: AlertChannelCommand): Promise<Reply> {
    const scope: AdminScopeFilter = { orgId: cmd.scope?.orgId || undefined, teamId: cmd.scope?.teamId || undefined };
    if (cmd.op === AdminOp.LIST) return { channels: (await this.store.list(scope)).map((c) => view(c)) };
    if (cmd.op === AdminOp.DELETE) {
      const removed = await this.store.remove(scope, cmd.id);
      if (!removed) throw Errors.notFound(`No alert channel ${cmd.id}.`);
      return { channels: [view(removed)] };
    }
    if (cmd.op !== AdminOp.CREATE || !cmd.channel) throw Errors.badRequest('Alert channels can be created, listed and deleted.', 'op');
    const m = cmd.channel;
    const orgId = scope.orgId ?? m.orgId;
    if (!orgId) throw Errors.badRequest('org_id is required.', 'org_id');
    if (!CHANNEL_KINDS.includes(m.kind as ChannelKind)) throw Errors.badRequest(`kind must be one of ${CHANNEL_KINDS.join(', ')}.`, 'kind');
    const valid = m.kind === 'email' ? EMAIL.test(m.target) : URL.canParse(m.target) && /^https?:$/.test(new URL(m.target).protocol);
    if (!valid) throw Errors.badRequest(m.kind === 'email' ? 'target must be an email address.' : 'target must be an http(s) URL.', 'target');
    const channel: AlertChannel = {
      id: uuidv7(),
      orgId,
      teamId: scope.teamId ?? (m.teamId || null),
      kind: m.kind as ChannelKind,
      target: m.target,
      secret: m.kind === 'webhook' ? m.secret || randomBytes(32).toString('hex') : '',
      escalation: m.escalation,
      createdAt: this.now(),
    };
    await this.store.insert(channel);
    return { channels: [view(channel, true)] };
  }
}
