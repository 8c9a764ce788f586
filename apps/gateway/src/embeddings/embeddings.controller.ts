import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HelixConfig } from '@helix/config';
import type { ChatRequest } from '@helix/providers';
import { Roles } from '../access/access.metadata.js';
import { RequestRunner } from '../http/request-runner.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { RequestState } from '../pipeline/request-state.js';
import { EMBEDDINGS_PIPELINE } from '../pipeline/pipeline.tokens.js';
import { embeddingsSchema } from '../validation/schemas.js';
import { compileValidator } from '../validation/validator.js';

const validate = compileValidator<ChatRequest>(embeddingsSchema);

/** `POST /v1/embeddings`. */
@Controller('v1')
export class EmbeddingsController {
  constructor(
    @Inject(EMBEDDINGS_PIPELINE) private readonly pipeline: Pipeline,
    private readonly runner: RequestRunner,
    private readonly config: HelixConfig,
  ) {}

  @Post('embeddings')
  @Roles('admin', 'team-admin', 'member')
  @HttpCode(200)
  async create(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const state = new RequestState('embeddings', req.correlationId, validate(req.body), req.headers);
    state.identity = req.identity;
    await this.runner.run(this.pipeline, state, reply, this.config.http.bodyLimitBytes);
  }
}
