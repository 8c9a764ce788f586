import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HelixConfig } from '@helix/config';
import { Roles } from '../access/access.metadata.js';
import { RequestRunner } from '../http/request-runner.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { CHAT_PIPELINE } from '../pipeline/pipeline.tokens.js';
import { RequestState } from '../pipeline/request-state.js';
import { compileValidator } from '../validation/validator.js';
import type { MessagesRequest } from './anthropic.types.js';
import { messagesToChat } from './messages-request.mapper.js';
import { messagesFormat } from './messages.format.js';
import { messagesSchema } from './messages.schema.js';

const validate = compileValidator<MessagesRequest>(messagesSchema);

/**
 * `POST /v1/messages`: Anthropic's Messages API (JSON or event stream), so Anthropic SDKs and
 * agents can use the gateway. Runs the chat pipeline (keys, PII, cache, budgets, routing,
 * events) on the request mapped to chat; keys come as `x-api-key` or a bearer token.
 */
@Controller('v1')
export class MessagesController {
  constructor(
    @Inject(CHAT_PIPELINE) private readonly pipeline: Pipeline,
    private readonly runner: RequestRunner,
    private readonly config: HelixConfig,
  ) {}

  @Post('messages')
  @Roles('admin', 'team-admin', 'member')
  @HttpCode(200)
  async create(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const state = new RequestState('messages', req.correlationId, messagesToChat(validate(req.body)), req.headers);
    state.identity = req.identity;
    await this.runner.run(this.pipeline, state, reply, this.config.http.bodyLimitBytes, messagesFormat);
  }
}
