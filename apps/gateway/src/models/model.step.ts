import { Errors } from '@helix/contracts';
import type { ChatMessage } from '@helix/providers';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import type { ModelCatalog } from './model-catalog.js';

const PER_MESSAGE = 4;
const PER_IMAGE = 85;

/** A cheap upper-ish token estimate (4 characters a token), for rate limits and budget reservations. */
export function estimatePromptTokens(messages: ChatMessage[]): number {
  let chars = 0;
  let extra = 3;
  for (const m of messages) {
    extra += PER_MESSAGE;
    if (typeof m.content === 'string') chars += m.content.length;
    else if (Array.isArray(m.content)) {
      for (const p of m.content) {
        if (p.type === 'text') chars += p.text?.length ?? 0;
        else extra += PER_IMAGE;
      }
    }
    for (const t of m.tool_calls ?? []) chars += t.function.arguments?.length ?? 0;
  }
  return Math.ceil(chars / 4) + extra;
}

/**
 * Resolves the requested model (404 when it does not exist), checks that it can
 * take what the request holds (tools, images; 400 before any upstream call), and
 * estimates the prompt's tokens for the rate-limit and budget steps.
 */
export class ModelStep implements Step {
  readonly name = 'model';

  constructor(
    private readonly catalog: () => ModelCatalog,
    private readonly kind: 'chat' | 'embeddings',
  ) {}

  before(state: RequestState): void {
    const route = this.catalog().get(state.model);
    if (!route) throw Errors.modelNotFound(state.model);
    if (route.kind !== this.kind) {
      throw Errors.badRequest(`The model \`${state.model}\` is an ${route.kind} model and cannot serve this endpoint.`, 'model', 'model_not_supported');
    }
    state.route = route;
    if (this.kind !== 'chat') {
      state.estimatedPromptTokens = Math.ceil(JSON.stringify((state.body as { input?: unknown }).input ?? '').length / 4);
      return;
    }
    if (state.body.tools?.length && !route.tools) {
      throw Errors.badRequest(`The model \`${state.model}\` does not support tools.`, 'tools', 'model_not_supported');
    }
    if (!route.vision) this.refuseImages(state);
    state.estimatedPromptTokens = estimatePromptTokens(state.body.messages);
  }

  private refuseImages(state: RequestState): void {
    state.body.messages.forEach((m, i) => {
      if (!Array.isArray(m.content)) return;
      const j = m.content.findIndex((p) => p.type !== 'text');
      if (j >= 0) throw Errors.badRequest(`The model \`${state.model}\` does not accept ${m.content[j]!.type} content.`, `messages[${i}].content[${j}]`, 'model_not_supported');
    });
  }
}
