import type { UpstreamTransport } from '@helix/providers';
import type { ModelCatalog } from '../models/model-catalog.js';
import type { Answer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { Handler } from '../pipeline/step.js';
import { chatAttempt } from '../routing/chat-attempt.js';
import type { Router } from '../routing/router.js';
import { tracedAttempt } from '../routing/traced-attempt.js';

/** The terminal step of chat (and of /v1/messages and /v1/responses): the router picks, retries and falls back. */
export class ChatHandler implements Handler {
  constructor(
    private readonly router: Router,
    private readonly catalog: () => ModelCatalog,
    private readonly http: UpstreamTransport,
  ) {}

  handle(state: RequestState): Promise<Answer> {
    return this.router.route(state, this.catalog, tracedAttempt(chatAttempt(this.http, state), state));
  }
}
