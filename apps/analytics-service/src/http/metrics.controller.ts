import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { METRIC_SETS, type MetricSet } from '@helix/analytics';
import type { AnalyticsCore } from '../analytics-core.js';
import { ANALYTICS_CORE } from '../analytics.tokens.js';
import { AnalyticsAccessGuard } from './access.guard.js';
import { ApiAnalyticsQuery } from './api-docs.js';
import { AnalyticsReaders, CurrentCaller, type Caller } from './caller.js';
import { metaOf, readQuery, timed } from './query-runner.js';
import { formatOf, sendTable } from './respond.js';

type Raw = Record<string, unknown>;

/**
 * `/v1/analytics/<metrics>`: time series (with `interval`) and breakdowns (with
 * `group_by`) of requests, tokens, cost, savings, cache, latency, and all of
 * them at once (`summary`), filtered by time, org, team, key, user, model,
 * provider and status.
 */
@ApiTags('metrics')
@Controller('v1/analytics')
@UseGuards(AnalyticsAccessGuard)
@AnalyticsReaders()
export class MetricsController {
  constructor(@Inject(ANALYTICS_CORE) private readonly core: AnalyticsCore) {}

  @Get('summary') @ApiOperation({ summary: 'Every metric: requests, tokens, cost, savings, cache hit rates, errors, latency and TTFB percentiles.' }) @ApiAnalyticsQuery({ interval: true })
  summary(@CurrentCaller() c: Caller, @Query() q: Raw, @Res() r: FastifyReply) {
    return this.run('summary', c, q, r);
  }

  @Get('requests') @ApiOperation({ summary: 'Requests, errors and error rate.' }) @ApiAnalyticsQuery({ interval: true })
  requests(@CurrentCaller() c: Caller, @Query() q: Raw, @Res() r: FastifyReply) {
    return this.run('requests', c, q, r);
  }

  @Get('tokens') @ApiOperation({ summary: 'Input, output and total tokens.' }) @ApiAnalyticsQuery({ interval: true })
  tokens(@CurrentCaller() c: Caller, @Query() q: Raw, @Res() r: FastifyReply) {
    return this.run('tokens', c, q, r);
  }

  @Get('cost') @ApiOperation({ summary: 'Spend (USD, as the gateway priced it) and unpriced requests.' }) @ApiAnalyticsQuery({ interval: true })
  cost(@CurrentCaller() c: Caller, @Query() q: Raw, @Res() r: FastifyReply) {
    return this.run('cost', c, q, r);
  }

  @Get('savings') @ApiOperation({ summary: 'What cache hits saved (USD), exact and semantic hits.' }) @ApiAnalyticsQuery({ interval: true })
  savings(@CurrentCaller() c: Caller, @Query() q: Raw, @Res() r: FastifyReply) {
    return this.run('savings', c, q, r);
  }

  @Get('cache') @ApiOperation({ summary: 'Cache hit rate (hits / lookups), exact and semantic, and dollars saved.' }) @ApiAnalyticsQuery({ interval: true })
  cache(@CurrentCaller() c: Caller, @Query() q: Raw, @Res() r: FastifyReply) {
    return this.run('cache', c, q, r);
  }

  @Get('latency') @ApiOperation({ summary: 'Latency p50/p95/p99 and time to first byte (streams), ms.' }) @ApiAnalyticsQuery({ interval: true })
  latency(@CurrentCaller() c: Caller, @Query() q: Raw, @Res() r: FastifyReply) {
    return this.run('latency', c, q, r);
  }

  private run(set: MetricSet, caller: Caller, raw: Raw, reply: FastifyReply) {
    const format = formatOf(raw);
    const { q, scope } = readQuery(this.core, caller, raw, { interval: true, defaultLimit: 10_000 });
    return timed(this.core, set, async () => {
      const table = await this.core.series.execute(q, scope, METRIC_SETS[set]);
      return sendTable(reply, format, set, { ...metaOf(q), truncated: table.truncated }, table.rows);
    });
  }
}
