import { Controller, Get, Inject, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Errors } from '@helix/contracts';
import { PII_DIMENSIONS, type AnomalySubject, type Dimension } from '@helix/analytics';
import type { AnalyticsCore } from '../analytics-core.js';
import { ANALYTICS_CORE } from '../analytics.tokens.js';
import { AnalyticsAccessGuard } from './access.guard.js';
import { ApiAnalyticsQuery } from './api-docs.js';
import { AnalyticsReaders, CurrentCaller, type Caller } from './caller.js';
import { metaOf, readQuery, timed } from './query-runner.js';
import { formatOf, sendTable } from './respond.js';

type Raw = Record<string, unknown>;
const TOP: Record<string, Dimension> = { teams: 'team', models: 'model', keys: 'key' };
/** Anomalies read the hourly rollups, which are per team (no user or key). */
const ANOMALY_DIMS: Dimension[] = ['org', 'team', 'model', 'provider', 'status'];
const ERROR_DIMS: Dimension[] = ['org', 'team', 'user', 'key', 'model', 'provider', 'status', 'error_type'];

/** Errors by type, PII detections, top spenders, anomalies and recommendations. */
@ApiTags('insights')
@Controller('v1/analytics')
@UseGuards(AnalyticsAccessGuard)
@AnalyticsReaders()
export class InsightsController {
  constructor(@Inject(ANALYTICS_CORE) private readonly core: AnalyticsCore) {}

  @Get('errors') @ApiOperation({ summary: 'Failed requests by error type, with their share of all requests of the bucket and group.' })
  @ApiAnalyticsQuery({ interval: true, dims: ERROR_DIMS })
  async errors(@CurrentCaller() c: Caller, @Query() raw: Raw, @Res() reply: FastifyReply) {
    const format = formatOf(raw);
    const { q, scope } = readQuery(this.core, c, raw, { interval: true, dimensions: ERROR_DIMS, defaultLimit: 10_000 });
    const t = await timed(this.core, 'errors', () => this.core.errors.execute(q, scope));
    return sendTable(reply, format, 'errors', { ...metaOf(q), truncated: t.truncated }, t.rows);
  }

  @Get('pii') @ApiOperation({ summary: 'PII detections by entity and action (operator; the default grouping without an interval), scans and blocked requests.' })
  @ApiAnalyticsQuery({ interval: true, dims: PII_DIMENSIONS })
  async pii(@CurrentCaller() c: Caller, @Query() raw: Raw, @Res() reply: FastifyReply) {
    const format = formatOf(raw);
    const { q, scope } = readQuery(this.core, c, raw, { interval: true, dimensions: PII_DIMENSIONS, defaultGroupBy: raw.interval ? [] : ['entity', 'action'], defaultLimit: 10_000 });
    const t = await timed(this.core, 'pii', () => this.core.pii.execute(q, scope));
    return sendTable(reply, format, 'pii', { ...metaOf(q), truncated: t.truncated }, t.rows);
  }

  @Get('top/:dimension') @ApiOperation({ summary: 'The teams, models or keys that spent most.' })
  @ApiParam({ name: 'dimension', enum: Object.keys(TOP) }) @ApiAnalyticsQuery({ groupBy: false, limit: 'How many (1-10000, default 10).' })
  async top(@CurrentCaller() c: Caller, @Param('dimension') dimension: string, @Query() raw: Raw, @Res() reply: FastifyReply) {
    const dim = TOP[dimension];
    if (!dim) throw Errors.badRequest(`Top lists are of ${Object.keys(TOP).join(', ')}; not '${dimension}'.`, 'dimension');
    if (raw.group_by !== undefined) throw Errors.badRequest(`Unknown parameter 'group_by'.`, 'group_by');
    const format = formatOf(raw);
    const { q, scope } = readQuery(this.core, c, raw, { defaultLimit: 10 });
    const t = await timed(this.core, 'top', () => this.core.series.execute({ ...q, groupBy: [dim] }, scope, ['cost_usd', 'requests', 'total_tokens', 'saved_usd'], { top: true }));
    return sendTable(reply, format, `top-${dimension}`, { ...metaOf(q), group_by: [dim] }, t.rows);
  }

  @Get('anomalies') @ApiOperation({ summary: 'Hours whose spend or errors of a team or model spiked above the rolling baseline of the hours before, with their score.' })
  @ApiQuery({ name: 'subject', required: false, enum: ['team', 'model'], description: 'Only teams or only models (default both).' })
  @ApiAnalyticsQuery({ groupBy: false, dims: ANOMALY_DIMS })
  async anomalies(@CurrentCaller() c: Caller, @Query() raw: Raw, @Res() reply: FastifyReply) {
    const format = formatOf(raw);
    const subject = raw.subject;
    if (subject !== undefined && subject !== 'team' && subject !== 'model') throw Errors.badRequest(`'subject' takes team or model; not '${String(subject)}'.`, 'subject');
    const { q, scope } = readQuery(this.core, c, raw, { extra: ['subject'], dimensions: ANOMALY_DIMS, defaultLimit: 100 });
    if (q.groupBy.length) throw Errors.badRequest(`Unknown parameter 'group_by'.`, 'group_by');
    const subjects: AnomalySubject[] = subject ? [subject] : ['team', 'model'];
    const t = await timed(this.core, 'anomalies', () => this.core.anomalies.execute(q, scope, subjects));
    return sendTable(reply, format, 'anomalies', { ...metaOf(q), truncated: t.truncated }, t.rows);
  }

  @Get('recommendations') @ApiOperation({ summary: 'Recommendations with the numbers behind them: semantic cache, cheaper models, unpriced models, budgets exhausted early.' })
  @ApiAnalyticsQuery({ groupBy: false })
  async recommendations(@CurrentCaller() c: Caller, @Query() raw: Raw, @Res() reply: FastifyReply) {
    const format = formatOf(raw);
    const { q, scope } = readQuery(this.core, c, raw, {});
    if (q.groupBy.length) throw Errors.badRequest(`Unknown parameter 'group_by'.`, 'group_by');
    const found = await timed(this.core, 'recommendations', () => this.core.recommendations.execute(q, scope));
    const rows = format === 'csv' ? found.map((r) => ({ kind: r.kind, ...r.subject, message: r.message, numbers: r.numbers })) : found;
    return sendTable(reply, format, 'recommendations', metaOf(q), rows as Record<string, unknown>[]);
  }
}
