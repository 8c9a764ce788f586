import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HelixConfig } from '@helix/config';
import { Roles } from '../access/access.metadata.js';
import { RequestRunner } from '../http/request-runner.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { CHAT_PIPELINE } from '../pipeline/pipeline.tokens.js';
import { RequestState } from '../pipeline/request-state.js';
import { compileValidator } from '../validation/validator.js';
import { responsesToChat } from './responses-request.mapper.js';
import { responsesFormat } from './responses.format.js';
import { responsesSchema } from './responses.schema.js';
import type { ResponsesRequest } from './responses.types.js';

const validate = compileValidator<ResponsesRequest>(responsesSchema);

/**
 * `POST /v1/responses`: OpenAI's Responses API, stateless (text and function tools, JSON or
 * event stream; see `responsesToChat` for what is refused), on the chat pipeline.
 */
@Controller('v1')
export class ResponsesController {
  constructor(
    @Inject(CHAT_PIPELINE) private readonly pipeline: Pipeline,
    private readonly runner: RequestRunner,
    private readonly config: HelixConfig,
  ) {}

  @Post('responses')
  @Roles('admin', 'team-admin', 'member')
  @HttpCode(200)
  async create(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const request = validate(req.body);
    const state = new RequestState('responses', req.correlationId, responsesToChat(request), req.headers);
    state.identity = req.identity;
    await this.runner.run(this.pipeline, state, reply, this.config.http.bodyLimitBytes, responsesFormat(request, state));
  }
}
