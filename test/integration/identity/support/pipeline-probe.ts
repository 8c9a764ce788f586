import { Body, Controller, Headers, Inject, Module, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChatRequest, TokenUsage } from '@helix/providers';
import { Public } from '../../../../apps/gateway/src/access/access.metadata.js';
import { AccessModule } from '../../../../apps/gateway/src/access/access.module.js';
import { AuthStep } from '../../../../apps/gateway/src/access/auth.step.js';
import { Pipeline } from '../../../../apps/gateway/src/pipeline/pipeline.js';
import { RequestState } from '../../../../apps/gateway/src/pipeline/request-state.js';
import { RateLimitModule } from '../../../../apps/gateway/src/ratelimit/rate-limit.module.js';
import { RateLimitStep } from '../../../../apps/gateway/src/ratelimit/rate-limit.step.js';

/** What the probe's handler reports as usage: `usage` in the body (a test knob), as the provider would. */
type ProbeBody = ChatRequest & { usage?: Partial<TokenUsage> };

/**
 * Stands in for an inference route: runs `auth` then `rate-limit` through the
 * real `Pipeline`, answers with the steps' headers, then runs the after hooks.
 * `@Public()`: the steps, not the guard, must refuse here.
 */
@Controller('v1/probe')
@Public()
export class PipelineProbeController {
  private readonly pipeline: Pipeline;

  constructor(@Inject(AuthStep) auth: AuthStep, @Inject(RateLimitStep) rateLimit: RateLimitStep) {
    this.pipeline = new Pipeline([[auth], [rateLimit]], { handle: async (state) => answer(state) }, (_step, error) => {
      throw error;
    });
  }

  @Post()
  async probe(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Body() body: ProbeBody, @Headers() headers: Record<string, string>) {
    const state = new RequestState('chat.completions', req.correlationId, body, headers);
    const { ran, answer, error } = await this.pipeline.run(state);
    try {
      if (error) throw error;
      await reply.status(200).headers(state.responseHeaders).send(answer!.kind === 'json' ? answer!.body : {});
    } finally {
      await this.pipeline.finish(state, ran);
    }
  }
}

function answer(state: RequestState) {
  const usage = (state.body as ProbeBody).usage;
  if (usage) state.usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false, ...usage };
  return { kind: 'json' as const, status: 200, body: { object: 'probe', key_id: state.identity?.keyId, model: state.model } };
}

@Module({ imports: [AccessModule, RateLimitModule], controllers: [PipelineProbeController] })
export class PipelineProbeModule {}
