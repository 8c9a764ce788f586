import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HelixConfig } from '@helix/config';
import type { ChatRequest } from '@helix/providers';
import { Roles } from '../access/access.metadata.js';
import { RequestRunner } from '../http/request-runner.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { RequestState } from '../pipeline/request-state.js';
import { CHAT_PIPELINE } from '../pipeline/pipeline.tokens.js';
import { chatCompletionSchema } from '../validation/schemas.js';
import { compileValidator } from '../validation/validator.js';

const validate = compileValidator<ChatRequest>(chatCompletionSchema);

/** `POST /v1/chat/completions`: validate, then the chat pipeline answers (JSON or SSE). */
@Controller('v1')
export class ChatController {
  constructor(
    @Inject(CHAT_PIPELINE) private readonly pipeline: Pipeline,
    private readonly runner: RequestRunner,
    private readonly config: HelixConfig,
  ) {}

  @Post('chat/completions')
  @Roles('admin', 'team-admin', 'member')
  @HttpCode(200)
  async create(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const state = new RequestState('chat.completions', req.correlationId, validate(req.body), req.headers);
    state.identity = req.identity;
    await this.runner.run(this.pipeline, state, reply, this.config.http.bodyLimitBytes);
  }
}
