import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { Errors, type CacheModelStats } from '@helix/contracts';
import { picoToUsd } from '@helix/cost';
import { Roles } from '../access/access.metadata.js';
import { Actor } from '../access/actor.decorator.js';
import type { Identity } from '../identity/identity.js';
import { CacheAdminClient } from './cache-admin.client.js';
import { cacheFilter } from './cache-scope.js';
import { parseWarmBody, warmEntry } from './warm-items.js';

const rowView = (r: CacheModelStats) => {
  const hits = r.hitsExact + r.hitsSemantic;
  const looked = hits + r.misses;
  return {
    org_id: r.orgId,
    team_id: r.teamId || null,
    key_id: r.keyId || null,
    model: r.model,
    entries: Number(r.entries),
    bytes: Number(r.bytes),
    hits_exact: Number(r.hitsExact),
    hits_semantic: Number(r.hitsSemantic),
    misses: Number(r.misses),
    bypasses: Number(r.bypasses),
    hit_rate: looked ? Number(hits) / Number(looked) : 0,
    tokens_saved: Number(r.tokensSaved),
    saved_usd: picoToUsd(r.savedPicoUsd),
  };
};

/**
 * `/v1/cache/*`: the cache-service's admin API, forwarded over the bus. Admins
 * reach their org, team-admins only their team. `GET stats`, `POST invalidate`
 * (team_id, key_id, model, namespace, key, or all), `POST warm` (JSONL of
 * prompt/answer pairs), `GET health`.
 */
@Controller('v1/cache')
@Roles('admin', 'team-admin')
export class CacheApiController {
  constructor(private readonly cache: CacheAdminClient) {}

  @Get('stats')
  async stats(@Actor() actor: Identity, @Query() q: Record<string, unknown>) {
    const reply = await this.cache.stats({ filter: cacheFilter(actor, q) });
    return { object: 'list', data: reply.rows.map(rowView) };
  }

  @Post('invalidate')
  @HttpCode(200)
  async invalidate(@Actor() actor: Identity, @Body() body: Record<string, unknown> | undefined) {
    const b = body ?? {};
    const reply = await this.cache.invalidate({ filter: cacheFilter(actor, b), all: b.all === true });
    return { removed: Number(reply.removed) };
  }

  @Post('warm')
  @HttpCode(200)
  async warm(@Actor() actor: Identity, @Body() body: unknown, @Query() q: Record<string, unknown>) {
    const filter = cacheFilter(actor, q);
    const tenant = { orgId: filter.orgId || actor.orgId, teamId: filter.teamId || actor.teamId, keyId: filter.keyId || actor.keyId };
    if (!tenant.orgId || !tenant.teamId) throw Errors.badRequest('Name the org_id and team_id to warm (query parameters).');
    const entries = parseWarmBody(body).map((item) => warmEntry(item, tenant));
    const reply = await this.cache.warm({ entries });
    return { stored: reply.stored, skipped: reply.skipped };
  }

  @Get('health')
  async health() {
    const h = await this.cache.health();
    return { ready: h.ready, store: h.store, index: h.index, embedder: h.embedder, entries: Number(h.entries), indexed: Number(h.indexed), detail: h.detail };
  }
}
