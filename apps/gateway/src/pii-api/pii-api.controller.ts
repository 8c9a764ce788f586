import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BUS, BusRequestError, type Bus } from '@helix/bus';
import { HelixConfig } from '@helix/config';
import { BusHeaders, ErrorCodes, Errors, RpcSubjects, type Tenant } from '@helix/contracts';
import { Roles } from '../access/access.metadata.js';
import { isUnavailable } from '../dependencies/failure-policy.js';
import { compileValidator } from '../validation/validator.js';
import { analyzeSchema, anonymizeSchema, type AnalyzeBody, type AnonymizeBody } from './presidio.schemas.js';

const validateAnalyze = compileValidator<AnalyzeBody>(analyzeSchema);
const validateAnonymize = compileValidator<AnonymizeBody>(anonymizeSchema);

/**
 * `POST /v1/pii/analyze` and `/v1/pii/anonymize` in Presidio's request and
 * response shapes, forwarded to the pii-service over the bus, so existing
 * Presidio clients can point at Helix. Any key that may call inference may call them.
 */
@Controller('v1/pii')
@Roles('admin', 'team-admin', 'member')
export class PiiApiController {
  constructor(
    @Inject(BUS) private readonly bus: Bus,
    private readonly config: HelixConfig,
  ) {}

  @Post('analyze')
  @HttpCode(200)
  async analyze(@Req() req: FastifyRequest) {
    const body = validateAnalyze(req.body);
    if (body.language !== 'en') throw Errors.badRequest(`No NER rules for language '${body.language}'; supported: en.`, 'language');
    const reply = await this.call(() =>
      this.bus.request(
        RpcSubjects.piiAnalyze,
        { text: body.text, language: body.language, entities: body.entities ?? [], scoreThreshold: body.score_threshold, allowList: body.allow_list ?? [], tenant: tenant(req) },
        this.options(req),
      ),
    );
    return reply.results.map((r) => ({ entity_type: r.entityType, start: r.start, end: r.end, score: Math.round(r.score * 100) / 100 }));
  }

  @Post('anonymize')
  @HttpCode(200)
  async anonymize(@Req() req: FastifyRequest) {
    const body = validateAnonymize(req.body);
    const anonymizers = Object.fromEntries(
      Object.entries(body.anonymizers ?? {}).map(([k, v]) => [k, { type: v.type, newValue: v.new_value ?? '', maskingChar: v.masking_char ?? '', charsToMask: v.chars_to_mask, fromEnd: v.from_end ?? false }]),
    );
    const results = (body.analyzer_results ?? []).map((r) => ({ entityType: r.entity_type, start: r.start, end: r.end, score: r.score ?? 1 }));
    const reply = await this.call(() => this.bus.request(RpcSubjects.piiAnonymize, { text: body.text, analyzerResults: results, anonymizers, tenant: tenant(req) }, this.options(req)));
    return { text: reply.text, items: reply.items.map((i) => ({ start: i.start, end: i.end, entity_type: i.entityType, text: i.text, operator: i.operator })) };
  }

  private options(req: FastifyRequest) {
    return { timeoutMs: this.config.nats.requestTimeoutMs, headers: { [BusHeaders.correlationId]: req.correlationId } };
  }

  /** The pii-service's refusal is the caller's 400; a service that cannot answer is a 503 `pii_unavailable`. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isUnavailable(err)) throw Errors.unavailable('The PII service is unavailable. Retry shortly.', ErrorCodes.piiUnavailable);
      if (err instanceof BusRequestError) throw Errors.badRequest(err.message, null, err.code);
      throw err;
    }
  }
}

function tenant(req: FastifyRequest): Tenant | undefined {
  const id = req.identity;
  return id ? ({ $typeName: 'helix.v1.Tenant', orgId: id.orgId, teamId: id.teamId, userId: id.userId, keyId: id.keyId } satisfies Tenant) : undefined;
}
