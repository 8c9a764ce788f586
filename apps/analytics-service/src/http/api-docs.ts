import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiQuery, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DIMENSIONS, INTERVALS, STATUSES, type Dimension } from '@helix/analytics';

const DEFAULT_DIMS: Dimension[] = ['org', 'team', 'user', 'key', 'model', 'provider', 'status'];

/** OpenAPI of the common query parameters of an analytics endpoint, its auth and its errors. */
export function ApiAnalyticsQuery(opts: { interval?: boolean; dims?: readonly Dimension[]; groupBy?: boolean; limit?: string; rows?: string } = {}) {
  const dims = opts.dims ?? DEFAULT_DIMS;
  const q = (name: string, description: string, extra: Record<string, unknown> = {}) => ApiQuery({ name, required: false, description, ...extra });
  return applyDecorators(
    ApiBearerAuth(),
    q('from', 'Start (inclusive): ISO 8601 date or date-time, or epoch ms. Default: 7 days before `to`. Whole UTC days (or hours) are answered from rollups.'),
    q('to', 'End (exclusive): ISO 8601 date or date-time, or epoch ms. Default: now.'),
    ...(opts.interval ? [q('interval', 'Bucket size of a time series; without it the answer is totals.', { enum: INTERVALS })] : []),
    ...(opts.groupBy === false ? [] : [q('group_by', `Comma-separated: ${dims.join(', ')}.`)]),
    ...dims.map((d) => q(DIMENSIONS[d].param, `Only this ${d}.`, d === 'status' ? { enum: STATUSES } : {})),
    q('limit', opts.limit ?? 'Most rows returned (1-10000).'),
    q('format', 'json (default) or csv (a download).', { enum: ['json', 'csv'] }),
    ApiOkResponse({ description: opts.rows ?? '`{object, from, to, ..., data: [rows]}`; money is an exact USD decimal string, rates are 0-1, latencies ms.' }),
    ApiBadRequestResponse({ description: 'A bad parameter; `error.param` names it.' }),
    ApiUnauthorizedResponse({ description: 'No valid key.' }),
    ApiForbiddenResponse({ description: 'A key without an analytics role, or a filter outside its org or team.' }),
  );
}
